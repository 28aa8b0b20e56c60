import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { getSessionUser } from "@/server/auth/session";
import { headersWithCookie, signInWithPassword } from "@/server/auth/testing/auth-requests";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createOperator } from "./create-operator";

beforeEach(async () => {
  await resetDatabase();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("createOperator", () => {
  it("creates an operator who can sign in with the given password", async () => {
    const op = await createOperator({ email: " Viv@Example.COM ", name: "Viv", role: "viewer", password: "twelve-chars" });
    expect(op).toMatchObject({ email: "viv@example.com", name: "Viv", role: "viewer", generatedPassword: null });

    const { response, cookie } = await signInWithPassword("viv@example.com", "twelve-chars");
    expect(response.status).toBe(200);
    expect(await getSessionUser(headersWithCookie(cookie))).toMatchObject({ id: op.id, role: "viewer" });
  });

  it("generates a strong password when none is given, returns it once and stores only a hash", async () => {
    const op = await createOperator({ email: "ada@example.com", name: "Ada", role: "admin" });
    expect(op.generatedPassword).toMatch(/^[\w]{6}(-[\w]{6}){3}$/);

    const account = await db().account.findFirstOrThrow({ where: { userId: op.id } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain(op.generatedPassword!);
    const { response } = await signInWithPassword("ada@example.com", op.generatedPassword!);
    expect(response.status).toBe(200);
  });

  it.each([
    ["a malformed email", { email: "not-an-email", name: "X", role: "admin" }, /email/],
    ["a short password", { email: "x@example.com", name: "X", role: "admin", password: "elevenchars" }, /at least 12/],
    ["a role that is not an operator role", { email: "x@example.com", name: "X", role: "user" }, /role/],
    ["an empty name", { email: "x@example.com", name: "  ", role: "admin" }, /name/],
  ])("rejects %s with BAD_REQUEST and writes nothing", async (_label, input, message) => {
    const error = await rejection(createOperator(input as Parameters<typeof createOperator>[0]));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(await db().user.count()).toBe(0);
  });

  it("rejects a taken email with CONFLICT", async () => {
    await createOperator({ email: "ops@example.com", name: "A", role: "operator" });
    const error = await rejection(createOperator({ email: "OPS@example.com", name: "B", role: "admin" }));
    expect(error.code).toBe("CONFLICT");
    expect(await db().user.count()).toBe(1);
  });

  it("writes nothing when used inside a transaction that rolls back", async () => {
    await db()
      .$transaction(async (tx) => {
        await createOperator({ email: "tx@example.com", name: "Tx", role: "operator", db: tx });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await db().user.count()).toBe(0);
    expect(await db().account.count()).toBe(0);
  });
});
