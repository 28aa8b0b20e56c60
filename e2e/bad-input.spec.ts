import { readFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import {
  answerProblem,
  badPathSegment,
  badRequestFor,
  describeRequest,
  ODD_METHODS,
  operationsOf,
  sendRaw,
  type TOpenApiDoc,
  type TRawRequest,
} from "../test/support/bad-requests";
import { operationExamples } from "../test/support/operation-examples";
import { E2E_ADMIN, E2E_DATA_DIR, E2E_PORT } from "./support/config";
import { e2eState } from "./support/state";

/**
 * Bad input against the built app, through Next.js itself: what Next does
 * with odd methods, undecodable paths and unknown paths matters here, not
 * only what the route handlers do (src/server/rest/openapi-fuzz.int.test.ts
 * fuzzes those harder).
 */
const base = `http://127.0.0.1:${E2E_PORT}`;
const RUNS_PER_OPERATION = 25;

async function expectJsonError(req: TRawRequest, status: number, code: string) {
  const res = await sendRaw(base, req);
  expect(res.status, describeRequest(req)).toBe(status);
  expect(res.contentType, describeRequest(req)).toMatch(/^application\/json/);
  expect((JSON.parse(res.body) as { error: { code: string; message: string } }).error).toMatchObject({ code, message: expect.any(String) });
  return res;
}

/** Sends bytes as they are, for request lines no HTTP client would build; returns the status line and body. */
function sendBytes(bytes: Buffer): Promise<{ statusLine: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(E2E_PORT, "127.0.0.1", () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      resolve({ statusLine: text.split("\r\n")[0] ?? "", body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
  });
}

test.describe("bad input never gives a 5xx, and every error is JSON", () => {
  test("a path parameter that is not percent-encoded UTF-8 is a JSON 400, even without credentials", async () => {
    for (const p of ["/v1/jobs/%ZZ", "/internal/nodes/%C0%AF", "/api/v1/onboarding/%FF", "/api/health/%E2%82", "/cp/%ED%A0%80"]) {
      await expectJsonError({ method: "GET", path: p, headers: {} }, 400, "BAD_REQUEST");
    }
  });

  test("TRACE and other unsupported methods are a JSON 405 on every route, with nothing logged", async () => {
    for (const p of ["/v1/jobs", "/internal/whoami", "/api/v1/onboarding", "/api/health", "/api/trpc/system.whoami", "/"]) {
      for (const method of ["TRACE", "PROPFIND", "MKCOL"]) {
        const res = await expectJsonError({ method, path: p, headers: {} }, 405, "METHOD_NOT_ALLOWED");
        expect(res.body).toContain(method);
      }
    }
    // A method token Node's parser does not know never reaches a route: still JSON.
    const brew = await sendBytes(Buffer.from("BREW /v1/jobs HTTP/1.1\r\nHost: x\r\n\r\n"));
    expect(brew.statusLine).toMatch(/^HTTP\/1\.1 405 /);
    expect(JSON.parse(brew.body)).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    const log = readFileSync(path.join(E2E_DATA_DIR, "server.log"), "utf8");
    expect(log).not.toContain("HTTP method is unsupported");
  });

  test("raw bytes that are not UTF-8 in the request line are a JSON 4xx", async () => {
    const res = await sendBytes(Buffer.concat([Buffer.from("GET /v1/jobs/"), Buffer.from([0xff, 0xc0, 0xaf]), Buffer.from(" HTTP/1.1\r\nHost: x\r\n\r\n")]));
    expect(res.statusLine).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  test("unknown and upper-cased paths under /v1, /internal and /api are a JSON 404, other methods a JSON 405", async () => {
    for (const p of ["/V1/jobs", "/Internal/whoami", "/API/health", "/Api/v1/onboarding", "/api/nope", "/api/health/x", "/api", "/api/v1", "/v1", "/internal", "/api/trpc/a/b"]) {
      await expectJsonError({ method: "GET", path: p, headers: {} }, 404, "NOT_FOUND");
    }
    for (const [method, p] of [["PUT", "/api/health"], ["POST", "/api/openapi.json"], ["GET", "/api/webhooks/stripe"], ["DELETE", "/api/trpc/system.whoami"], ["OPTIONS", "/api/docs"], ["POST", "/api/docs"]] as const) {
      await expectJsonError({ method, path: p, headers: {} }, 405, "METHOD_NOT_ALLOWED");
    }
  });

  test("a malformed next-router-state-tree header on a page request is a 400, not a failed render", async ({ request }) => {
    for (const header of ["garbage", "%ZZ", '["",{"children":5}]', ""]) {
      const res = await sendRaw(base, { method: "GET", path: "/onboarding?_rsc=x1", headers: { rsc: "1", "next-router-state-tree": header } });
      expect(res.status, header).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: "BAD_REQUEST" } });
    }
    // A header the router really sends still renders.
    const ok = await request.get("/onboarding?_rsc=x2", {
      headers: { rsc: "1", "next-router-state-tree": encodeURIComponent('["",{"children":["onboarding",{}]}]') },
    });
    expect(ok.status()).toBe(200);
  });

  test("better-auth's errors come in the { error: { code, message } } shape", async ({ request }) => {
    const wrong = await request.post("/api/auth/sign-in/email", { data: { email: E2E_ADMIN.email, password: "not-the-password-0000" } });
    expect(wrong.status()).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "INVALID_EMAIL_OR_PASSWORD", message: expect.any(String) } });
    const missing = await request.post("/api/auth/sign-in/email", { data: { email: E2E_ADMIN.email } });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error).toEqual({ code: expect.any(String), message: expect.any(String) });
    const unknown = await request.get("/api/auth/no-such-endpoint");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");
  });

  test("a tRPC path naming no procedure is a 404 in tRPC's own JSON envelope", async () => {
    for (const path of ["/api/trpc/%00", "/api/trpc/jobs"]) {
      const req: TRawRequest = { method: "GET", path, headers: {} };
      const res = await sendRaw(base, req);
      expect([path, res.status, answerProblem(req, res)]).toEqual([path, 404, undefined]);
      expect(JSON.parse(res.body)).toMatchObject({ error: { json: { data: { code: "NOT_FOUND" } } } });
    }
  });

  test("a bodyless POST needs no content-type", async () => {
    const res = await sendRaw(base, {
      method: "POST",
      path: "/api/v1/onboarding/onb_0000000000nothere/resume",
      headers: { authorization: `Bearer ${e2eState().INTERNAL_API_KEY}` },
    });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  test("generated bad paths and methods under /v1, /internal and /api", async () => {
    const prefix = fc.constantFrom("/v1", "/V1", "/internal", "/INTERNAL", "/api", "/Api", "/api/v1", "/api/V1", "/api/trpc", "/api/auth", "/api/health", "/api/docs");
    const segment = fc.oneof(badPathSegment, fc.constantFrom("jobs", "tenants", "nodes", "onboarding", "whoami", "health", "JOBS", "", ".."));
    const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", ...ODD_METHODS);
    await fc.assert(
      fc.asyncProperty(prefix, fc.array(segment, { maxLength: 4 }), method, async (p, segments, m) => {
        const req: TRawRequest = { method: m, path: [p, ...segments].join("/"), headers: {} };
        const problem = answerProblem(req, await sendRaw(base, req));
        if (problem) throw new Error(`${problem}: ${describeRequest(req)}`);
      }),
      { numRuns: 200 },
    );
  });

  test("generated bad input to every operation in /api/openapi.json", async ({ request }) => {
    test.setTimeout(300_000);
    const doc = (await (await request.get("/api/openapi.json")).json()) as TOpenApiDoc;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(15);
    const key = e2eState().INTERNAL_API_KEY;
    const created = await request.post("/v1/tenants", {
      headers: { authorization: `Bearer ${key}` },
      data: { company_name: "Fuzz Seed Ltd", subdomain_slug: "fuzz-seed-e2e" },
    });
    expect(created.status()).toBe(202);
    const { job_id: jobId, trace_id: traceId } = (await created.json()) as { job_id: string; trace_id: string };
    const examples = operationExamples({ jobId, traceId });
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(badRequestFor(op, doc, { bearer: key }, examples[`${op.method} ${op.path}`]), async (req) => {
          const res = await sendRaw(base, req);
          const problem = answerProblem(req, res);
          if (problem) throw new Error(`${problem}: ${describeRequest(req)} -> ${res.body.slice(0, 500)}`);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
  });
});
