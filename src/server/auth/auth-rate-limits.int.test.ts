import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../test/support/db";
import { reloadEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { createOperator } from "@/server/services/operators/create-operator";
import { AUTH_RATE_LIMITS } from "./auth-rate-limits";
import { callAuth, nextClientIp, signInWithPassword } from "./testing/auth-requests";

const PASSWORD = "correct-horse-battery";
const PER_CLIENT = AUTH_RATE_LIMITS.attemptsPerClient.points;
const PER_ACCOUNT = AUTH_RATE_LIMITS.attemptsPerAccount.points;
const MAILS_PER_ACCOUNT = AUTH_RATE_LIMITS.codeMailsPerAccount.points;

beforeAll(async () => {
  await startJobRuntime({ role: "web" });
});

afterAll(async () => {
  await stopJobRuntime();
});

beforeEach(async () => {
  await resetDatabase();
});

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
  reloadEnv();
});

const wrongPassword = (email: string, call: { ip?: string; forwardedFor?: string }) =>
  callAuth("/sign-in/email", { body: { email, password: "wrong-password-123" }, ...call });

describe("sign-in rate limits", () => {
  it("limits 50 wrong passwords from one connection however X-Forwarded-For changes", async () => {
    const ip = nextClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      // A different account each time, so only the per-client budget is in play.
      const response = await wrongPassword(`guess${i}@example.com`, { ip, forwardedFor: `198.51.100.${i + 1}` });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await response.json()).code).toBe("TOO_MANY_REQUESTS");
      }
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(PER_CLIENT);
    expect(statuses.slice(PER_CLIENT).every((s) => s === 429)).toBe(true);
  });

  it("limits wrong passwords for one account across many client addresses, even the right one after", async () => {
    await createOperator({ email: "ops@example.com", name: "Olga", role: "operator", password: PASSWORD });
    await createOperator({ email: "other@example.com", name: "Otto", role: "operator", password: PASSWORD });
    for (let i = 0; i < PER_ACCOUNT; i++) {
      expect((await wrongPassword("ops@example.com", {})).status).toBe(401);
    }
    expect((await signInWithPassword("OPS@example.com", PASSWORD)).response.status).toBe(429);
    expect(await db().session.count()).toBe(0);
    // Another account is not affected.
    expect((await signInWithPassword("other@example.com", PASSWORD)).response.status).toBe(200);
  });

  it("counts concurrent attempts exactly: of 30 at once, the budget's worth are tried", async () => {
    await createOperator({ email: "ops@example.com", name: "Olga", role: "operator", password: PASSWORD });
    const statuses = await Promise.all(Array.from({ length: 30 }, () => wrongPassword("ops@example.com", {})));
    expect(statuses.filter((r) => r.status === 401)).toHaveLength(PER_ACCOUNT);
    expect(statuses.filter((r) => r.status === 429)).toHaveLength(30 - PER_ACCOUNT);
  });

  it("gives back the attempts that succeed, so signing in often is never limited", async () => {
    await createOperator({ email: "ops@example.com", name: "Olga", role: "operator", password: PASSWORD });
    const ip = nextClientIp();
    for (let i = 0; i < PER_CLIENT + PER_ACCOUNT; i++) {
      expect((await signInWithPassword("ops@example.com", PASSWORD, ip)).response.status).toBe(200);
    }
  });

  it("believes X-Forwarded-For only from a configured trusted proxy", async () => {
    const proxy = "10.200.0.1";
    const limitFrom = async (forwardedFor: string) => {
      for (let i = 0; i < PER_CLIENT; i++) await wrongPassword(`a${i}-${forwardedFor}@example.com`, { ip: proxy, forwardedFor });
      return (await wrongPassword(`last-${forwardedFor}@example.com`, { ip: proxy, forwardedFor })).status;
    };
    // Untrusted: both "clients" are the proxy's one address.
    expect(await limitFrom("203.0.113.1")).toBe(429);
    expect((await wrongPassword("fresh@example.com", { ip: proxy, forwardedFor: "203.0.113.2" })).status).toBe(429);

    process.env.TRUSTED_PROXIES = "10.200.0.0/16";
    reloadEnv();
    await resetDatabase();
    expect(await limitFrom("203.0.113.1")).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await wrongPassword("fresh@example.com", { ip: proxy, forwardedFor: "203.0.113.2" })).status).toBe(401);
  });

  it("records the resolved client address on the session, not what X-Forwarded-For claimed", async () => {
    const op = await createOperator({ email: "ops@example.com", name: "Olga", role: "operator", password: PASSWORD });
    const response = await callAuth("/sign-in/email", {
      body: { email: "ops@example.com", password: PASSWORD },
      ip: "198.51.100.77",
      forwardedFor: "203.0.113.250",
    });
    expect(response.status).toBe(200);
    const session = await db().session.findFirstOrThrow({ where: { userId: op.id }, select: { ipAddress: true } });
    expect(session.ipAddress).toBe("198.51.100.77");
  });
});

describe("code mail and code attempt rate limits", () => {
  it("limits 20 code mails for one address sent from 20 client addresses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await callAuth("/email-otp/send-verification-otp", { body: { email: "target@example.com", type: "sign-in" } });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAILS_PER_ACCOUNT);
    expect(statuses.slice(MAILS_PER_ACCOUNT).every((s) => s === 429)).toBe(true);
    expect(await db().outboxMessage.count({ where: { to: "target@example.com" } })).toBe(MAILS_PER_ACCOUNT);
  });

  it("limits code mails from one client address to many recipients", async () => {
    const ip = nextClientIp();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const response = await callAuth("/email-otp/send-verification-otp", { body: { email: `r${i}@example.com`, type: "sign-in" }, ip });
      statuses.push(response.status);
    }
    const allowed = AUTH_RATE_LIMITS.codeMailsPerClient.points;
    expect(statuses.filter((s) => s === 200)).toHaveLength(allowed);
    expect(statuses.slice(allowed).every((s) => s === 429)).toBe(true);
  });

  it("limits wrong codes for one account across client addresses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_ACCOUNT + 3; i++) {
      const response = await callAuth("/sign-in/email-otp", { body: { email: "someone@example.com", otp: "000000" } });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, PER_ACCOUNT).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(PER_ACCOUNT)).toEqual([429, 429, 429]);
  });
});
