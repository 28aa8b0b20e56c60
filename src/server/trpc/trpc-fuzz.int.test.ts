import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeRequest, sendRaw, type TRawRequest } from "../../../test/support/bad-requests";
import {
  badTrpcRequestFor,
  CALLERS,
  proceduresOf,
  TRPC_PATH,
  trpcAnswerProblem,
  type TCaller,
  type TCallerHeaders,
  type TProcedure,
} from "../../../test/support/bad-trpc-requests";
import { resetDatabase } from "../../../test/support/db";
import { procedureExamples } from "../../../test/support/procedure-examples";
import { seedTenantWithJob } from "../../../test/support/provisioning-factory";
import { changedCounts, countRows } from "../../../test/support/row-counts";
import { TEST_INTERNAL_API_KEY } from "../../../test/support/test-env";
import { startTrpcServer, type TTrpcServer } from "../../../test/support/trpc-server";
import { seedUsers } from "../../../test/support/user-factory";
import { TRPC_MAX_BATCH_SIZE } from "@/client/batch-limit";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { signInWithEmailCode, signInWithPassword } from "@/server/auth/testing/auth-requests";
import { db } from "@/server/db";
import { installRequestGuard } from "@/server/http/request-guard";
import { createOperator } from "@/server/services/operators/create-operator";
import { createInnerContext } from "./context";
import { appRouter, createCaller } from "./root";

/** Generated requests per procedure; each is one real HTTP round trip. */
const RUNS_PER_PROCEDURE = 30;
/** Counters a refused call may move: rate limits count refusals on purpose. */
const COUNTS_MAY_CHANGE = ["rate_limits", "license_rate_limits"];
const PASSWORD = "fuzz-admin-password-1";

const procedures = proceduresOf(appRouter);
let server: TTrpcServer;
let headers: TCallerHeaders;
let examples: ReturnType<typeof procedureExamples>;
/** For each procedure, the callers it lets in, most privileged first. */
const accepted = new Map<string, TCaller[]>();

/** Probes which callers a procedure lets in: input that no schema takes, so nothing runs past the input check. */
function probeRequest(proc: TProcedure, caller: TCaller): TRawRequest {
  const input = encodeURIComponent(JSON.stringify({ json: "\u2063probe" }));
  return proc.type === "query"
    ? { method: "GET", path: `${TRPC_PATH}/${proc.path}?input=${input}`, headers: headers[caller] }
    : { method: "POST", path: `${TRPC_PATH}/${proc.path}`, headers: { ...headers[caller], "content-type": "application/json" }, body: '{"json":"\u2063probe"}' };
}

async function callersOf(proc: TProcedure): Promise<TCaller[]> {
  const callers: TCaller[] = [];
  for (const caller of CALLERS) {
    const res = await sendRaw(server.url, probeRequest(proc, caller));
    const appCode = (JSON.parse(res.body) as { error?: { json?: { data?: { appCode?: string } } } }).error?.json?.data?.appCode;
    // Without an input the procedure runs; a refusal of any kind says it is not for this caller.
    const refused = proc.input ? appCode === "UNAUTHORIZED" || appCode === "FORBIDDEN" : res.status !== 200;
    if (!refused) callers.push(caller);
  }
  return callers;
}

beforeAll(async () => {
  await resetDatabase();
  // The web role enqueues background jobs (mail, dispatch) without working them.
  await startJobRuntime({ role: "web" });
  installRequestGuard();
  server = await startTrpcServer();

  const admin = await createOperator({ email: "fuzz.admin@example.com", name: "Fuzz Admin", role: "admin", password: PASSWORD });
  const other = await createOperator({ email: "fuzz.other@example.com", name: "Fuzz Other", role: "operator", password: PASSWORD });
  const adminSession = await signInWithPassword(admin.email, PASSWORD);
  const userCookie = await signInWithEmailCode("fuzz.user@example.com");
  expect(adminSession.response.status).toBe(200);
  headers = { internal: { authorization: `Bearer ${TEST_INTERNAL_API_KEY}` }, admin: { cookie: adminSession.cookie }, user: { cookie: userCookie } };

  const user = await db().user.findUniqueOrThrow({ where: { email: "fuzz.user@example.com" } });
  const asUser = createCaller(createInnerContext({ principal: { kind: "user", user: { id: user.id, email: user.email, name: user.name, role: "user" } } }));
  const asAdmin = createCaller(createInnerContext({ principal: { kind: "user", user: { id: admin.id, email: admin.email, name: admin.name, role: "admin" } } }));
  await seedUsers(["user-fuzz"]);
  const { tenantId, jobId, traceId } = await seedTenantWithJob({ slug: "fuzz-seed", status: "active", createdBy: user.id }, { status: "Dispatched" });
  const onboarding = await asUser.onboarding.create({ platformName: "Fuzz Seed", slug: "fuzz-onboarding", tier: "starter", userId: user.id });
  const portalDomain = await asUser.portalDomains.submit({ tenant_id: tenantId, domain: "portal.fuzz-seed.example.com" });
  const endpoint = await asAdmin.webhooks.createEndpoint({ url: "https://hooks.fuzz.example.com/seed", events: ["provision.failed"] });
  examples = procedureExamples({
    jobId,
    traceId,
    tenantId,
    onboardingId: onboarding.onboardingId,
    portalDomainId: portalDomain.id,
    webhookEndpointId: endpoint.id,
    outboxMessageId: (await db().outboxMessage.findFirstOrThrow({ where: { to: user.email }, select: { id: true } })).id,
    otherOperatorId: other.id,
  });
  for (const proc of procedures) accepted.set(proc.path, await callersOf(proc));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await stopJobRuntime();
});

describe("every tRPC procedure, fed generated bad input over the tRPC HTTP transport", () => {
  it("covers the whole router, with an example input for every procedure that takes one, callable by some caller", () => {
    expect(procedures.length).toBeGreaterThanOrEqual(70);
    expect(procedures.filter((p) => p.input && !examples[p.path]).map((p) => p.path)).toEqual([]);
    expect(procedures.filter((p) => accepted.get(p.path)!.length === 0).map((p) => p.path)).toEqual([]);
    // Operator procedures are called with the admin's session, wizard ones with a plain user's.
    expect(accepted.get("operators.create")).toEqual(["admin"]);
    expect(accepted.get("onboarding.mine")).toEqual(["admin", "user"]);
    expect(accepted.get("trace.record")).toEqual(["internal"]);
  });

  it("answers what fails before any procedure runs as a JSON tRPC error: a batch mixing queries and mutations, a form body", async () => {
    const mixed = await sendRaw(server.url, { method: "POST", path: `${TRPC_PATH}/system.whoami,apiKeys.create?batch=1`, headers: { ...headers.admin, "content-type": "application/json" }, body: "{}" });
    const form = await sendRaw(server.url, { method: "POST", path: `${TRPC_PATH}/apiKeys.create`, headers: { ...headers.admin, "content-type": "text/plain" }, body: "name=x" });
    for (const [res, status] of [[mixed, 400], [form, 415]] as const) {
      expect(res.status).toBe(status);
      expect(trpcAnswerProblem(res)).toEqual({ outcomes: expect.arrayContaining(["error"]) });
    }
  });

  it(`refuses a batch of more than ${TRPC_MAX_BATCH_SIZE} calls, and serves one of ${TRPC_MAX_BATCH_SIZE}`, async () => {
    const batchOf = (n: number) =>
      sendRaw(server.url, { method: "GET", path: `${TRPC_PATH}/${Array.from({ length: n }, () => "system.whoami").join(",")}?batch=1`, headers: headers.admin });
    const [fits, tooMany] = await Promise.all([batchOf(TRPC_MAX_BATCH_SIZE), batchOf(TRPC_MAX_BATCH_SIZE + 1)]);
    expect(fits.status).toBe(200);
    expect(JSON.parse(fits.body)).toHaveLength(TRPC_MAX_BATCH_SIZE);
    expect(tooMany.status).toBe(400);
    expect(trpcAnswerProblem(tooMany).problem).toBeUndefined();
  });

  it("answers a full batch of calls that hash passwords without a 5xx: the hashing happens outside their transactions", async () => {
    const full = Array.from({ length: TRPC_MAX_BATCH_SIZE }, (_, i) => i);
    const batch = (path: string, input: (i: number) => unknown) =>
      sendRaw(server.url, {
        method: "POST",
        path: `${TRPC_PATH}/${full.map(() => path).join(",")}?batch=1`,
        headers: { ...headers.admin, "content-type": "application/json" },
        body: JSON.stringify(Object.fromEntries(full.map((i) => [i, { json: input(i) }]))),
      });
    const [created, reset] = await Promise.all([
      batch("operators.create", (i) => ({ email: `batch.${i}@example.com`, name: `Batch ${i}`, role: "viewer" })),
      batch("operators.resetPassword", () => ({ id: examples["operators.resetPassword"]!.id })),
    ]);
    expect([created.status, reset.status]).toEqual([200, 200]);
    expect(await db().user.count({ where: { email: { startsWith: "batch." } } })).toBe(TRPC_MAX_BATCH_SIZE);
  });

  it.each([
    ["operators.resetPassword", "POST", { id: "a\u0000b" }],
    ["operators.setDisabled", "POST", { id: "\ud800", disabled: true }],
    ["operators.create", "POST", { email: "nul@example.com", name: "N\u0000L", role: "viewer" }],
    ["trace.find", "GET", { q: "\u0000trace_abcdefgh" }],
  ] as const)("%s answers 400 naming the field for text Postgres cannot store", async (path, method, input) => {
    const json = JSON.stringify({ json: input });
    const res = await sendRaw(
      server.url,
      method === "GET"
        ? { method, path: `${TRPC_PATH}/${path}?input=${encodeURIComponent(json)}`, headers: headers.admin }
        : { method, path: `${TRPC_PATH}/${path}`, headers: { ...headers.admin, "content-type": "application/json" }, body: json },
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: { json: { data: { appCode: "BAD_REQUEST", details: [{ message: expect.stringMatching(/NUL|surrogate/) }] } } } });
  });

  it.each(procedures.map((p) => [p.path, p] as const))(
    "%s never answers 5xx, every error is a tRPC error with a 4xx httpStatus, and a refused call writes nothing",
    async (_, proc) => {
      const [first, ...others] = accepted.get(proc.path)!.map((c) => headers[c]);
      const requests = badTrpcRequestFor(proc, procedures, { first: first!, others }, examples[proc.path]);
      await fc.assert(
        fc.asyncProperty(requests, async (req) => {
          const before = await countRows(COUNTS_MAY_CHANGE);
          const res = await sendRaw(server.url, req);
          const { problem, outcomes } = trpcAnswerProblem(res);
          if (problem) throw new Error(`${problem}: ${describeRequest(req)} -> ${res.status} ${res.body.slice(0, 500)}`);
          if (outcomes.length > 0 && outcomes.every((o) => o === "error")) {
            const changed = changedCounts(before, await countRows(COUNTS_MAY_CHANGE));
            if (changed.length) throw new Error(`a refused call wrote rows (${changed.join(", ")}): ${describeRequest(req)} -> ${res.body.slice(0, 300)}`);
          }
        }),
        { numRuns: RUNS_PER_PROCEDURE },
      );
    },
    120_000,
  );
});
