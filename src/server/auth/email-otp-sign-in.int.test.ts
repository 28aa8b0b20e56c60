import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../test/support/db";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { createOperator } from "@/server/services/operators/create-operator";
import { getAuth } from "./auth";
import { getSessionUser } from "./session";
import { digestSessionToken } from "./session-token-digest";
import { callAuth, cookieHeaderFrom, emailedSignInCode, headersWithCookie, sessionTokenFrom } from "./testing/auth-requests";

const EMAIL = "wizard.user@example.com";

async function askForCode(email: string) {
  return callAuth("/email-otp/send-verification-otp", { body: { email, type: "sign-in" } });
}

beforeAll(async () => {
  // Send-only: queueEmail enqueues delivery in the same transaction; nothing is delivered here.
  await startJobRuntime({ role: "web" });
});

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase();
});

describe("wizard sign-in by emailed one-time code", () => {
  it("queues exactly one sensitive mail and stores the code only as a keyed digest", async () => {
    const response = await askForCode("Wizard.User@Example.com");
    expect(response.status).toBe(200);

    const rows = await db().outboxMessage.findMany({ where: { to: EMAIL } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sensitive).toBe(true);
    const code = await emailedSignInCode(EMAIL);
    expect(rows[0]!.body).not.toContain(code);

    const verifications = await db().verification.findMany({ select: { identifier: true, value: true } });
    expect(verifications).toHaveLength(1);
    expect(verifications[0]!.identifier).toBe(`sign-in-otp-${EMAIL}`);
    expect(verifications[0]!.value).not.toContain(code);
  });

  it("signs a new person up as role user when the code is right", async () => {
    await askForCode(EMAIL);
    const code = await emailedSignInCode(EMAIL);
    const response = await callAuth("/sign-in/email-otp", { body: { email: EMAIL, otp: code, role: "admin" } });
    expect(response.status).toBe(200);

    const cookie = cookieHeaderFrom(response);
    const user = await getSessionUser(headersWithCookie(cookie));
    expect(user).toMatchObject({ email: EMAIL, role: "user" });
    const stored = await db().user.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(stored).toMatchObject({ role: "user", emailVerified: true });
    const token = sessionTokenFrom(cookie)!;
    expect(await db().session.count({ where: { token: digestSessionToken(token) } })).toBe(1);
    expect(await db().session.count({ where: { token } })).toBe(0);
    // A code works once.
    const again = await callAuth("/sign-in/email-otp", { body: { email: EMAIL, otp: code } });
    expect(again.status).toBe(400);
  });

  it("refuses a wrong code and opens no session", async () => {
    await askForCode(EMAIL);
    const code = await emailedSignInCode(EMAIL);
    const wrong = code === "000000" ? "111111" : "000000";
    const response = await callAuth("/sign-in/email-otp", { body: { email: EMAIL, otp: wrong } });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("INVALID_OTP");
    expect(await db().session.count()).toBe(0);
  });

  it("does not let a wizard user raise their own role", async () => {
    await askForCode(EMAIL);
    const signedIn = await callAuth("/sign-in/email-otp", { body: { email: EMAIL, otp: await emailedSignInCode(EMAIL) } });
    const cookie = cookieHeaderFrom(signedIn);
    const update = await callAuth("/update-user", { body: { role: "admin" }, cookie });
    expect(update.status).toBe(400);
    expect((await db().user.findUniqueOrThrow({ where: { email: EMAIL } })).role).toBe("user");
  });

  it("never mails a code to an operator, and refuses a code-based session for one", async () => {
    await createOperator({ email: "ops@example.com", name: "Olga Ops", role: "admin" });
    const response = await askForCode("ops@example.com");
    expect(response.status).toBe(200);
    expect(await db().outboxMessage.count()).toBe(0);

    // Even holding a valid code (minted server-side here) gives an operator no session.
    const otp = await getAuth().api.createVerificationOTP({ body: { email: "ops@example.com", type: "sign-in" } });
    const signIn = await callAuth("/sign-in/email-otp", { body: { email: "ops@example.com", otp } });
    expect(signIn.status).toBe(403);
    expect(await db().session.count()).toBe(0);
  });

  it("sends nothing for code types other than sign-in", async () => {
    await db().user.create({ data: { id: "wizard-1", email: EMAIL, name: "", role: "user" } });
    const response = await callAuth("/email-otp/send-verification-otp", {
      body: { email: EMAIL, type: "email-verification" },
    });
    expect(response.status).toBe(200);
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it("has the password-reset-by-code routes switched off", async () => {
    const response = await callAuth("/email-otp/request-password-reset", { body: { email: EMAIL } });
    expect(response.status).toBe(404);
  });
});
