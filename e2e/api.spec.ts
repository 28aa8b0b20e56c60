import { expect, test } from "@playwright/test";
import { createEmbarkClient, TRPCClientError, type AppRouter } from "embark/client";
import { E2E_PORT } from "./support/config";
import { shot } from "./support/shots";
import { e2eState } from "./support/state";

const base = `http://127.0.0.1:${E2E_PORT}`;

test("health reports the database and the queue", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "ok", queue: "ok" });
});

test("an internal route answers 401 JSON without a key or with a wrong one", async ({ request }) => {
  const none = await request.get("/internal/whoami");
  expect(none.status()).toBe(401);
  expect(await none.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
  const wrong = await request.get("/internal/whoami", { headers: { authorization: "Bearer emb_not_a_real_key_000000000000" } });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error.code).toBe("UNAUTHORIZED");
  const right = await request.get("/internal/whoami", { headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` } });
  expect(right.status()).toBe(200);
  expect((await right.json()).kind).toBe("internal");
});

test("the typed client talks to the running server", async () => {
  const client = createEmbarkClient({ url: base, apiKey: e2eState().INTERNAL_API_KEY });
  const me = await client.system.whoami.query();
  expect(me.kind).toBe("internal");
  expect(me.requestId).toBeTruthy();

  const anonymous = createEmbarkClient({ url: base, apiKey: "emb_wrong_key_000000000000000000000" });
  const err = await anonymous.system.whoami.query().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCClientError);
  expect((err as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
});

test("the OpenAPI document and its reference page are served", async ({ page, request }) => {
  const doc = await (await request.get("/api/openapi.json")).json();
  expect(doc.openapi).toMatch(/^3\./);
  expect(Object.keys(doc.paths)).toContain("/internal/whoami");
  await page.goto("/api/docs");
  await expect(page.getByText("/internal/whoami").first()).toBeVisible();
  await shot(page, "api-docs");
});

test("the home page links to the dashboard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Ops dashboard" })).toBeVisible();
  await shot(page, "home");
});
