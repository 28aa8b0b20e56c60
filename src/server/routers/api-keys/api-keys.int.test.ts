import { createHash } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import type { TUserRole } from "@/server/auth/roles";
import { db } from "@/server/db";
import { handleRestRequest } from "@/server/rest/handle-rest-request";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

function callerAs(role: TUserRole, requestId = "req-test") {
  return createCaller(
    createInnerContext({
      requestId,
      principal: { kind: "user", user: { id: `user-${role}`, email: `${role}@example.com`, name: role, role } },
    }),
  );
}

async function whoamiStatus(key: string): Promise<number> {
  const res = await handleRestRequest(
    new Request("http://embark.test/internal/whoami", { headers: { authorization: `Bearer ${key}` } }),
  );
  return res.status;
}

beforeEach(async () => {
  await resetDatabase({ jobs: false });
});

describe("apiKeys.create", () => {
  it("returns a key once that then works, and stores only its hash", async () => {
    const created = await callerAs("admin").apiKeys.create({ name: "GitHub Actions", scopes: ["system:read", "provision:callback"] });
    expect(created.key).toMatch(/^emb_[0-9A-Za-z]{40}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    expect(await whoamiStatus(created.key)).toBe(200);

    const rows = await db().$queryRaw<Record<string, unknown>[]>`SELECT * FROM api_keys`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key_hash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(created.key);
    expect(rows[0]).toMatchObject({ created_by: "user-admin", scopes: ["system:read", "provision:callback"] });
  });

  it("writes an audit row with the actor and request id, without the key", async () => {
    const created = await callerAs("admin", "req-create").apiKeys.create({ name: "deploy", scopes: ["*"] });
    const audit = await db().auditLog.findMany();
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: "user-admin",
        actorLabel: "admin@example.com",
        action: "apiKey.create",
        targetType: "apiKey",
        targetId: created.id,
        requestId: "req-create",
        details: { name: "deploy", prefix: created.prefix, scopes: ["*"] },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.key);
  });

  it("creates no key when the audit row cannot be written", async () => {
    // A real database failure on the audit insert, so the transaction must roll the key back.
    await db().$executeRawUnsafe(
      `ALTER TABLE audit_log ADD CONSTRAINT test_no_key_audit CHECK (action <> 'apiKey.create') NOT VALID`,
    );
    try {
      await expect(callerAs("admin").apiKeys.create({ name: "doomed", scopes: ["*"] })).rejects.toThrow();
      expect(await db().apiKey.count()).toBe(0);
    } finally {
      await db().$executeRawUnsafe(`ALTER TABLE audit_log DROP CONSTRAINT test_no_key_audit`);
    }
  });

  it.each<TUserRole>(["viewer", "operator", "user"])("is FORBIDDEN to a %s", async (role) => {
    const err = await callerAs(role).apiKeys.create({ name: "x", scopes: ["*"] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("FORBIDDEN");
    expect(await db().apiKey.count()).toBe(0);
  });

  it("is UNAUTHORIZED without a session, even to the internal key's holder", async () => {
    const anonymous = createCaller(createInnerContext({ principal: { kind: "anonymous" } }));
    await expect(anonymous.apiKeys.create({ name: "x", scopes: ["*"] })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const internal = createCaller(createInnerContext({ principal: { kind: "internal" } }));
    await expect(internal.apiKeys.create({ name: "x", scopes: ["*"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("rejects unknown scopes and empty names", async () => {
    const admin = callerAs("admin");
    // @ts-expect-error an unknown scope is a type error too
    await expect(admin.apiKeys.create({ name: "x", scopes: ["root"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.apiKeys.create({ name: "  ", scopes: ["*"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin.apiKeys.create({ name: "x", scopes: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("apiKeys.revoke and list", () => {
  it("revokes a key at once, audits once, and hides it from the default list", async () => {
    const admin = callerAs("admin");
    const created = await admin.apiKeys.create({ name: "ci", scopes: ["*"] });
    const revoked = await admin.apiKeys.revoke({ id: created.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await whoamiStatus(created.key)).toBe(401);

    const again = await admin.apiKeys.revoke({ id: created.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    expect(await db().auditLog.count({ where: { action: "apiKey.revoke", targetId: created.id } })).toBe(1);

    expect(await admin.apiKeys.list()).toEqual([]);
    const all = await admin.apiKeys.list({ includeRevoked: true });
    expect(all.map((k) => k.id)).toEqual([created.id]);
    expect(Object.keys(all[0]!)).not.toContain("keyHash");
  });

  it("answers NOT_FOUND for an unknown key", async () => {
    await expect(callerAs("admin").apiKeys.revoke({ id: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditLog.count()).toBe(0);
  });

  it("lets only admins list keys", async () => {
    await expect(callerAs("viewer").apiKeys.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
