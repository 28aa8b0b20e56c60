import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { db } from "@/server/db";
import { recordAudit } from "@/server/services/audit/record-audit";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

const viewer = createCaller(
  createInnerContext({ principal: { kind: "user", user: { id: "v", email: "v@example.com", name: "V", role: "viewer" } } }),
);

const alice = { id: "u-alice", label: "alice@example.com" };
const bob = { id: "u-bob", label: "bob@example.com" };

beforeEach(async () => {
  await resetDatabase({ jobs: false });
});

describe("audit.list", () => {
  it("pages newest first without gaps or repeats, even when rows share a timestamp", async () => {
    // Five rows in the same millisecond: only the id can order them.
    const tied = new Date(Date.now() - 60_000);
    await db().auditLog.createMany({
      data: ["a", "c", "e", "b", "d"].map((id) => ({ id, actorId: alice.id, actorLabel: alice.label, action: "apiKey.create", createdAt: tied })),
    });
    await recordAudit({ actor: bob, action: "apiKey.revoke", targetId: "a" });

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await viewer.audit.list({ limit: 2, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    const newest = await db().auditLog.findFirstOrThrow({ where: { action: "apiKey.revoke" } });
    expect(seen).toEqual([newest.id, "e", "d", "c", "b", "a"]);
  });

  it("filters by action, action prefix and actor", async () => {
    await recordAudit({ actor: alice, action: "apiKey.create" });
    await recordAudit({ actor: bob, action: "apiKey.revoke" });
    await recordAudit({ actor: bob, action: "portalDomain.disable" });

    const byAction = await viewer.audit.list({ action: "apiKey.revoke" });
    expect(byAction.items.map((i) => i.actorLabel)).toEqual(["bob@example.com"]);
    const byPrefix = await viewer.audit.list({ action: "apiKey.*" });
    expect(byPrefix.items.map((i) => i.action).sort()).toEqual(["apiKey.create", "apiKey.revoke"]);
    const byActorLabel = await viewer.audit.list({ actor: "BOB@" });
    expect(byActorLabel.items).toHaveLength(2);
    const byActorId = await viewer.audit.list({ actor: "u-alice" });
    expect(byActorId.items.map((i) => i.action)).toEqual(["apiKey.create"]);
    expect(byActorId.nextCursor).toBeNull();
  });

  it("rejects a forged cursor with BAD_REQUEST", async () => {
    await expect(viewer.audit.list({ cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("is closed to wizard users and service keys", async () => {
    const wizard = createCaller(
      createInnerContext({ principal: { kind: "user", user: { id: "w", email: "w@x.test", name: "W", role: "user" } } }),
    );
    await expect(wizard.audit.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const key = createCaller(createInnerContext({ principal: { kind: "apiKey", keyId: "k", name: "ci", scopes: ["*"] } }));
    await expect(key.audit.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
