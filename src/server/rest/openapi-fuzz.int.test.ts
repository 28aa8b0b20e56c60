import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerProblem,
  badRequestFor,
  describeRequest,
  operationsOf,
  sendRaw,
  type TOpenApiDoc,
} from "../../../test/support/bad-requests";
import { resetDatabase } from "../../../test/support/db";
import { operationExamples } from "../../../test/support/operation-examples";
import { seedTenantWithJob } from "../../../test/support/provisioning-factory";
import { startRestServer, type TRestServer } from "../../../test/support/rest-server";
import { TEST_INTERNAL_API_KEY } from "../../../test/support/test-env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { installRequestGuard } from "@/server/http/request-guard";
import { buildOpenApiDocument } from "./openapi-document";

/** Generated requests per operation; each is one real HTTP round trip. */
const RUNS_PER_OPERATION = 80;

const doc = buildOpenApiDocument({ baseUrl: "http://embark.test", version: "test" }) as unknown as TOpenApiDoc;
// /api/health has its own handler; the browser-suite fuzz covers it on the real server.
const operations = operationsOf(doc).filter((op) => op.path !== "/api/health");
let server: TRestServer;
let examples: ReturnType<typeof operationExamples>;

beforeAll(async () => {
  await resetDatabase();
  const { jobId, traceId } = await seedTenantWithJob({ slug: "fuzz-seed", status: "provisioning" }, { status: "Dispatched" });
  examples = operationExamples({ jobId, traceId });
  // The web role enqueues background jobs without working them.
  await startJobRuntime({ role: "web" });
  // As in the app (src/instrumentation.ts): what Next.js cannot take is answered before it.
  installRequestGuard();
  server = await startRestServer();
});
afterAll(async () => {
  await server?.close();
  await stopJobRuntime();
});

describe("every operation in /api/openapi.json, fed generated bad input over HTTP", () => {
  it("covers the whole document, with an example body for every operation that takes one", () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    const withBody = operations.filter((op) => op.body).map((op) => `${op.method} ${op.path}`);
    expect(withBody.filter((key) => !examples[key])).toEqual([]);
  });

  it.each(operations.map((op) => [`${op.method} ${op.path}`, op] as const))(
    "%s never answers 5xx, and every error is { error: { code, message } }",
    async (_, op) => {
      await fc.assert(
        fc.asyncProperty(badRequestFor(op, doc, { bearer: TEST_INTERNAL_API_KEY }, examples[`${op.method} ${op.path}`]), async (req) => {
          const res = await sendRaw(server.url, req);
          const problem = answerProblem(req, res);
          if (problem) throw new Error(`${problem}: ${describeRequest(req)} -> ${res.body.slice(0, 500)}`);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    },
    120_000,
  );
});
