import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../test/support/db";
import { db } from "@/server/db";
import { createOperator } from "@/server/services/operators/create-operator";
import { digestSessionToken, isSessionTokenDigest } from "./session-token-digest";
import { getSessionUser } from "./session";
import {
  callAuth,
  cookieHeaderFrom,
  headersWithCookie,
  sessionTokenFrom,
  signInWithPassword,
} from "./testing/auth-requests";

const PASSWORD = "correct-horse-battery";

async function operator(email = "ops@example.com") {
  return createOperator({ email, name: "Olga Ops", role: "operator", password: PASSWORD });
}

beforeEach(async () => {
  await resetDatabase();
});

describe("operator sign-in with email and password", () => {
  it("sets a session cookie that getSessionUser resolves to the operator with its role", async () => {
    const op = await operator();
    const { response, cookie } = await signInWithPassword("OPS@example.com", PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie().join("\n")).toMatch(/embark\.session_token=.+HttpOnly/i);

    const user = await getSessionUser(headersWithCookie(cookie));
    expect(user).toEqual({ id: op.id, email: "ops@example.com", name: "Olga Ops", role: "operator" });
  });

  it("writes an operator sign-in to the audit log, and nothing for a failed one", async () => {
    const op = await operator();
    await signInWithPassword("ops@example.com", "wrong-password-123");
    expect(await db().auditLog.count({ where: { action: "operator.sign_in" } })).toBe(0);
    await signInWithPassword("ops@example.com", PASSWORD);
    const rows = await db().auditLog.findMany({ where: { action: "operator.sign_in" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: op.id, actorLabel: "ops@example.com", targetId: op.id });
  });

  it("keeps only a SHA-256 digest of the session token in the database", async () => {
    const op = await operator();
    const { response, cookie } = await signInWithPassword("ops@example.com", PASSWORD);
    const token = sessionTokenFrom(cookie)!;
    expect(token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect((await response.json()).token).toBe(token);

    const rows = await db().session.findMany({ where: { userId: op.id }, select: { token: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).not.toBe(token);
    expect(rows[0]!.token).toBe(digestSessionToken(token));
    const raw = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM sessions WHERE token LIKE ${`%${token}%`}`;
    expect(Number(raw[0]!.n)).toBe(0);
  });

  it("answers 401 to a wrong password or an unknown email and opens no session", async () => {
    const op = await operator();
    for (const [email, password] of [
      ["ops@example.com", "wrong-password-123"],
      ["nobody@example.com", PASSWORD],
    ]) {
      const { response, cookie } = await signInWithPassword(email!, password!);
      expect(response.status).toBe(401);
      expect((await response.json()).code).toBe("INVALID_EMAIL_OR_PASSWORD");
      expect(sessionTokenFrom(cookie)).toBeNull();
    }
    expect(await db().session.count({ where: { userId: op.id } })).toBe(0);
  });

  it("returns null for no cookie, a forged cookie, or a digest presented as the token", async () => {
    await operator();
    const { cookie } = await signInWithPassword("ops@example.com", PASSWORD);
    const token = sessionTokenFrom(cookie)!;
    expect(await getSessionUser(new Headers())).toBeNull();
    expect(await getSessionUser(headersWithCookie(`embark.session_token=${token}.forged`))).toBeNull();
    const digestCookie = cookie.replace(token, encodeURIComponent(digestSessionToken(token)));
    expect(await getSessionUser(headersWithCookie(digestCookie))).toBeNull();
  });

  it("signs out: the session row is deleted and the cookie no longer resolves", async () => {
    const op = await operator();
    const { cookie } = await signInWithPassword("ops@example.com", PASSWORD);
    const out = await callAuth("/sign-out", { body: {}, cookie });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join("\n")).toMatch(/embark\.session_token=;.*Max-Age=0/i);
    expect(await getSessionUser(headersWithCookie(cookie))).toBeNull();
    expect(await db().session.count({ where: { userId: op.id } })).toBe(0);
  });

  it("lists sessions as digests, revokes one by its listed value, and revokes all", async () => {
    const op = await operator();
    const first = await signInWithPassword("ops@example.com", PASSWORD);
    const second = await signInWithPassword("ops@example.com", PASSWORD);

    const listed = await callAuth("/list-sessions", { cookie: first.cookie });
    expect(listed.status).toBe(200);
    const sessions = (await listed.json()) as { token: string }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.every((s) => isSessionTokenDigest(s.token))).toBe(true);

    const secondDigest = digestSessionToken(sessionTokenFrom(second.cookie)!);
    const revoked = await callAuth("/revoke-session", { body: { token: secondDigest }, cookie: first.cookie });
    expect(revoked.status).toBe(200);
    expect(await getSessionUser(headersWithCookie(second.cookie))).toBeNull();
    expect(await getSessionUser(headersWithCookie(first.cookie))).not.toBeNull();

    const third = await signInWithPassword("ops@example.com", PASSWORD);
    const all = await callAuth("/revoke-sessions", { body: {}, cookie: third.cookie });
    expect(all.status).toBe(200);
    expect(await getSessionUser(headersWithCookie(first.cookie))).toBeNull();
    expect(await getSessionUser(headersWithCookie(third.cookie))).toBeNull();
    expect(await db().session.count({ where: { userId: op.id } })).toBe(0);
  });

  it("refreshes an ageing session in place: same token in the new cookie, later expiry in the row", async () => {
    const op = await operator();
    const { cookie } = await signInWithPassword("ops@example.com", PASSWORD);
    const token = sessionTokenFrom(cookie)!;
    const aged = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await db().session.updateMany({ where: { userId: op.id }, data: { expiresAt: aged } });

    const refreshed = await callAuth("/get-session", { cookie });
    expect(refreshed.status).toBe(200);
    expect(sessionTokenFrom(cookieHeaderFrom(refreshed))).toBe(token);
    const row = await db().session.findFirstOrThrow({ where: { userId: op.id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(aged.getTime() + 24 * 3600 * 1000);
    expect(row.token).toBe(digestSessionToken(token));
    expect(await getSessionUser(headersWithCookie(cookie))).toMatchObject({ id: op.id });
  });

  it("refuses public sign-up with email and password", async () => {
    const response = await callAuth("/sign-up/email", {
      body: { email: "new@example.com", password: "a-long-enough-password", name: "New" },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("EMAIL_PASSWORD_SIGN_UP_DISABLED");
    expect(await db().user.count()).toBe(0);
  });

  it("treats a user whose role is unknown as signed out", async () => {
    const op = await operator();
    const { cookie } = await signInWithPassword("ops@example.com", PASSWORD);
    await db().user.update({ where: { id: op.id }, data: { role: "superuser" } });
    expect(await getSessionUser(headersWithCookie(cookie))).toBeNull();
  });
});
