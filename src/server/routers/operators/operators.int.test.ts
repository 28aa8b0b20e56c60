import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import type { TSessionUser } from "@/server/auth/session";
import { getSessionUser } from "@/server/auth/session";
import { headersWithCookie, signInWithPassword } from "@/server/auth/testing/auth-requests";
import type { TOperatorRole } from "@/server/auth/roles";
import { db } from "@/server/db";
import { createOperator } from "@/server/services/operators/create-operator";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

const PASSWORD = "correct-horse-battery";

/** A real operator row (with a password) and a caller acting as them. */
async function operator(role: TOperatorRole, email = `${role}@example.com`) {
  const created = await createOperator({ email, name: `The ${role}`, role, password: PASSWORD });
  const user: TSessionUser = { id: created.id, email: created.email, name: created.name, role };
  return { user, caller: createCaller(createInnerContext({ requestId: `req-${role}`, principal: { kind: "user", user } })) };
}

async function code(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(TRPCError);
  return (e as TRPCError).code;
}

beforeEach(async () => {
  await resetDatabase({ jobs: false });
});

describe("operator management is for admins only", () => {
  it("lets viewers and operators read the list and change their own password, and refuses them the rest", async () => {
    const admin = await operator("admin");
    for (const role of ["viewer", "operator"] as const) {
      const { caller } = await operator(role);
      expect((await caller.operators.list()).map((o) => o.email)).toContain("admin@example.com");
      expect(await code(caller.operators.create({ email: `x-${role}@example.com`, name: "X", role: "admin" }))).toBe("FORBIDDEN");
      expect(await code(caller.operators.setDisabled({ id: admin.user.id, disabled: true }))).toBe("FORBIDDEN");
      expect(await code(caller.operators.resetPassword({ id: admin.user.id }))).toBe("FORBIDDEN");
      await expect(caller.operators.changeOwnPassword({ currentPassword: PASSWORD, newPassword: `new-${role}-password-123` })).resolves.toEqual({ signedOut: true });
    }
    expect(await db().user.count({ where: { email: { startsWith: "x-" } } })).toBe(0);
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.user.id } })).toMatchObject({ disabledAt: null });
    expect(await db().auditLog.count({ where: { action: { in: ["operator.create", "operator.disable", "operator.reset_password"] } } })).toBe(0);
  });
});

describe("operators.create", () => {
  it("creates a viewer, operator or admin with a password shown once, which signs in, and audits it", async () => {
    const admin = await operator("admin");
    for (const role of ["viewer", "operator", "admin"] as const) {
      const { operator: created, generatedPassword } = await admin.caller.operators.create({ email: ` New.${role}@Example.com `, name: `New ${role}`, role });
      expect(created).toMatchObject({ email: `new.${role}@example.com`, role });
      const { response, cookie } = await signInWithPassword(created.email, generatedPassword);
      expect(response.status).toBe(200);
      expect(await getSessionUser(headersWithCookie(cookie))).toMatchObject({ id: created.id, role });
    }
    const audit = await db().auditLog.findMany({ where: { action: "operator.create" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.actorId, (a.details as { role: string }).role])).toEqual([
      [admin.user.id, "viewer"],
      [admin.user.id, "operator"],
      [admin.user.id, "admin"],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/password/i);
    const listed = await admin.caller.operators.list();
    expect(listed.map((o) => o.email)).toEqual(["admin@example.com", "new.admin@example.com", "new.operator@example.com", "new.viewer@example.com"]);
  });

  it("answers CONFLICT for a taken email and BAD_REQUEST for a bad one, writing nothing", async () => {
    const admin = await operator("admin");
    expect(await code(admin.caller.operators.create({ email: "ADMIN@example.com", name: "Again", role: "viewer" }))).toBe("CONFLICT");
    expect(await code(admin.caller.operators.create({ email: "not-an-email", name: "Bad", role: "viewer" }))).toBe("BAD_REQUEST");
    expect(await db().user.count()).toBe(1);
    expect(await db().auditLog.count()).toBe(0);
  });
});

describe("operators.setDisabled", () => {
  it("ends the operator's sessions, refuses their sign-in, and lets them in again once enabled", async () => {
    const admin = await operator("admin");
    const target = await operator("operator");
    const before = await signInWithPassword(target.user.email, PASSWORD);
    expect(await getSessionUser(headersWithCookie(before.cookie))).not.toBeNull();

    const disabled = await admin.caller.operators.setDisabled({ id: target.user.id, disabled: true });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(await getSessionUser(headersWithCookie(before.cookie))).toBeNull();
    const refused = await signInWithPassword(target.user.email, PASSWORD);
    expect(refused.response.status).toBe(403);
    expect(await db().session.count({ where: { userId: target.user.id } })).toBe(0);

    // Again: nothing changes, nothing more is audited.
    await admin.caller.operators.setDisabled({ id: target.user.id, disabled: true });
    await admin.caller.operators.setDisabled({ id: target.user.id, disabled: false });
    expect((await signInWithPassword(target.user.email, PASSWORD)).response.status).toBe(200);
    const actions = (await db().auditLog.findMany({ where: { targetId: target.user.id, action: { startsWith: "operator.e" } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["operator.enable"]);
    expect(await db().auditLog.count({ where: { targetId: target.user.id, action: "operator.disable", actorId: admin.user.id } })).toBe(1);
  });

  it("never disables the caller or the last enabled admin, even when two admins disable each other at once", async () => {
    const a = await operator("admin", "a@example.com");
    const b = await operator("admin", "b@example.com");
    expect(await code(a.caller.operators.setDisabled({ id: a.user.id, disabled: true }))).toBe("CONFLICT");
    const results = await Promise.allSettled([
      a.caller.operators.setDisabled({ id: b.user.id, disabled: true }),
      b.caller.operators.setDisabled({ id: a.user.id, disabled: true }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });

  it("answers NOT_FOUND for an id that is not an operator", async () => {
    const admin = await operator("admin");
    expect(await code(admin.caller.operators.setDisabled({ id: "nobody", disabled: true }))).toBe("NOT_FOUND");
  });
});

describe("operators.resetPassword", () => {
  it("returns a new password once: the old one stops working, the new one works, sessions end, audited", async () => {
    const admin = await operator("admin");
    const target = await operator("viewer");
    const before = await signInWithPassword(target.user.email, PASSWORD);
    const { generatedPassword } = await admin.caller.operators.resetPassword({ id: target.user.id });
    expect(generatedPassword).toMatch(/^[A-Za-z2-9]{6}(-[A-Za-z2-9]{6}){3}$/);
    expect(await getSessionUser(headersWithCookie(before.cookie))).toBeNull();
    expect((await signInWithPassword(target.user.email, PASSWORD)).response.status).toBe(401);
    expect((await signInWithPassword(target.user.email, generatedPassword)).response.status).toBe(200);
    const audit = await db().auditLog.findMany({ where: { action: "operator.reset_password" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: admin.user.id, targetId: target.user.id, requestId: "req-admin" })]);
    expect(JSON.stringify(audit)).not.toContain(generatedPassword);
  });

  it("sends admins to change-password for their own account", async () => {
    const admin = await operator("admin");
    expect(await code(admin.caller.operators.resetPassword({ id: admin.user.id }))).toBe("CONFLICT");
  });
});

describe("operators.changeOwnPassword", () => {
  it("needs the current password; afterwards only the new one works and every session has ended", async () => {
    const me = await operator("operator");
    const session = await signInWithPassword(me.user.email, PASSWORD);
    expect(await code(me.caller.operators.changeOwnPassword({ currentPassword: "not-the-password", newPassword: "a-brand-new-password" }))).toBe("BAD_REQUEST");
    expect(await code(me.caller.operators.changeOwnPassword({ currentPassword: PASSWORD, newPassword: "short" }))).toBe("BAD_REQUEST");
    expect(await getSessionUser(headersWithCookie(session.cookie))).not.toBeNull();

    await me.caller.operators.changeOwnPassword({ currentPassword: PASSWORD, newPassword: "a-brand-new-password" });
    expect(await getSessionUser(headersWithCookie(session.cookie))).toBeNull();
    expect((await signInWithPassword(me.user.email, PASSWORD)).response.status).toBe(401);
    expect((await signInWithPassword(me.user.email, "a-brand-new-password")).response.status).toBe(200);
    expect(await db().auditLog.count({ where: { action: "operator.change_password", actorId: me.user.id, targetId: me.user.id } })).toBe(1);
  });

  it("counts wrong current passwords against the account's sign-in budget", async () => {
    const me = await operator("viewer");
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(await code(me.caller.operators.changeOwnPassword({ currentPassword: `wrong-${i}`, newPassword: "a-brand-new-password" })));
    }
    expect(codes.slice(0, 10).every((c) => c === "BAD_REQUEST")).toBe(true);
    expect(codes.slice(10)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    expect((await signInWithPassword(me.user.email, PASSWORD)).response.status).toBe(429);
  });
});
