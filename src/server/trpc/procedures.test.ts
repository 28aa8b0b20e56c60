import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { TUserRole } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { createInnerContext } from "./context";
import { createCallerFactory, router } from "./init";
import type { TPrincipal } from "./principal";
import { internalProcedure, operatorProcedure, publicProcedure, userProcedure } from "./procedures";

const ok = z.object({ ok: z.literal(true) });
const testRouter = router({
  open: publicProcedure.output(ok).query(() => ({ ok: true as const })),
  anyone: userProcedure.output(ok).query(() => ({ ok: true as const })),
  view: operatorProcedure("viewer").output(ok).query(() => ({ ok: true as const })),
  operate: operatorProcedure("operator").output(ok).query(() => ({ ok: true as const })),
  administer: operatorProcedure("admin").output(ok).query(() => ({ ok: true as const })),
  traces: internalProcedure("trace:write").output(ok).query(() => ({ ok: true as const })),
  internalOnly: internalProcedure().output(ok).query(() => ({ ok: true as const })),
  conflict: publicProcedure.output(ok).mutation(() => {
    throw new AppError("CONFLICT", { message: "slug taken", details: { slug: "acme" } });
  }),
  crash: publicProcedure.output(ok).query(() => {
    throw new Error("connection string postgres://u:secret@db");
  }),
  echo: publicProcedure.input(z.object({ name: z.string().min(3) })).output(ok).mutation(() => ({ ok: true as const })),
});

const caller = createCallerFactory(testRouter);
const user = (role: TUserRole): TPrincipal => ({ kind: "user", user: { id: "u", email: "u@x.test", name: "U", role } });
const key = (...scopes: string[]): TPrincipal => ({ kind: "apiKey", keyId: "k", name: "ci", scopes });
const anonymous: TPrincipal = { kind: "anonymous" };
const internal: TPrincipal = { kind: "internal" };

type TProc = "open" | "anyone" | "view" | "operate" | "administer" | "traces" | "internalOnly";

async function codeOf(principal: TPrincipal, proc: TProc): Promise<string> {
  try {
    await caller(createInnerContext({ principal }))[proc]();
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

describe("procedure guards", () => {
  it.each<[string, TPrincipal, Record<TProc, string>]>([
    ["anonymous", anonymous, { open: "OK", anyone: "UNAUTHORIZED", view: "UNAUTHORIZED", operate: "UNAUTHORIZED", administer: "UNAUTHORIZED", traces: "UNAUTHORIZED", internalOnly: "UNAUTHORIZED" }],
    ["wizard user", user("user"), { open: "OK", anyone: "OK", view: "FORBIDDEN", operate: "FORBIDDEN", administer: "FORBIDDEN", traces: "FORBIDDEN", internalOnly: "FORBIDDEN" }],
    ["viewer", user("viewer"), { open: "OK", anyone: "OK", view: "OK", operate: "FORBIDDEN", administer: "FORBIDDEN", traces: "FORBIDDEN", internalOnly: "FORBIDDEN" }],
    ["operator", user("operator"), { open: "OK", anyone: "OK", view: "OK", operate: "OK", administer: "FORBIDDEN", traces: "FORBIDDEN", internalOnly: "FORBIDDEN" }],
    ["admin", user("admin"), { open: "OK", anyone: "OK", view: "OK", operate: "OK", administer: "OK", traces: "FORBIDDEN", internalOnly: "FORBIDDEN" }],
    ["internal key", internal, { open: "OK", anyone: "OK", view: "FORBIDDEN", operate: "FORBIDDEN", administer: "FORBIDDEN", traces: "OK", internalOnly: "OK" }],
    ["key with the scope", key("trace:write"), { open: "OK", anyone: "OK", view: "FORBIDDEN", operate: "FORBIDDEN", administer: "FORBIDDEN", traces: "OK", internalOnly: "FORBIDDEN" }],
    ["key with another scope", key("trace:read"), { open: "OK", anyone: "OK", view: "FORBIDDEN", operate: "FORBIDDEN", administer: "FORBIDDEN", traces: "FORBIDDEN", internalOnly: "FORBIDDEN" }],
    ["key with *", key("*"), { open: "OK", anyone: "OK", view: "FORBIDDEN", operate: "FORBIDDEN", administer: "FORBIDDEN", traces: "OK", internalOnly: "OK" }],
  ])("%s", async (_name, principal, expected) => {
    const actual = Object.fromEntries(
      await Promise.all((Object.keys(expected) as TProc[]).map(async (p) => [p, await codeOf(principal, p)] as const)),
    );
    expect(actual).toEqual(expected);
  });

  it("says why a presented key was refused", async () => {
    const ctx = createInnerContext({ principal: anonymous, credentialProblem: "revoked_key" });
    await expect(caller(ctx).anyone()).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "This API key has been revoked" });
  });
});

describe("errors on the tRPC transport", () => {
  async function call(path: string, init: RequestInit = {}) {
    const res = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://embark.test/api/trpc/${path}`, init),
      router: testRouter,
      createContext: () => createInnerContext({ principal: anonymous, requestId: "req-1" }),
    });
    return { status: res.status, body: (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } } };
  }
  const post = (input: unknown): RequestInit => ({
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });

  it("answers an AppError with its status, code and details", async () => {
    const { status, body } = await call("conflict", post(undefined));
    expect(status).toBe(409);
    expect(body.error.json.message).toBe("slug taken");
    expect(body.error.json.data).toMatchObject({ code: "CONFLICT", appCode: "CONFLICT", httpStatus: 409, details: { slug: "acme" }, requestId: "req-1" });
  });

  it("answers invalid input with 400 and the failing fields", async () => {
    const { status, body } = await call("echo", post({ name: "x" }));
    expect(status).toBe(400);
    expect(body.error.json.data).toMatchObject({ appCode: "BAD_REQUEST", details: [{ path: "name", message: expect.any(String) }] });
  });

  it("answers an unexpected failure with a generic 500 and no stack", async () => {
    const { status, body } = await call("crash");
    expect(status).toBe(500);
    expect(body.error.json.message).toBe("Internal server error");
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(body.error.json.data).not.toHaveProperty("stack");
  });
});
