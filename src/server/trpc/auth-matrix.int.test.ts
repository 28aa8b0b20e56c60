import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerWith, headersOf, seedMatrix, type TMatrixSeed } from "../../../test/support/access-callers";
import { PROCEDURE_INPUTS, type TInputCaller } from "../../../test/support/access-inputs";
import { CALLER_KINDS, OPERATION_RULES, PROCEDURE_RULES, type TAccessRule, type TCallerKind } from "../../../test/support/access-rules";
import { operationsOf, type TOpenApiDoc } from "../../../test/support/bad-requests";
import { resetDatabase } from "../../../test/support/db";
import { restCall } from "../../../test/support/rest-call";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { handleHealthRequest } from "@/server/rest/check-health";
import { buildOpenApiDocument } from "@/server/rest/openapi-document";
import { buildRouteTable } from "@/server/rest/route-table";
import { applyLicensingEnv } from "@/server/services/licensing/licensing-test-support";
import { appRouter } from "./root";

/**
 * The authorisation matrix: every tRPC procedure and every REST operation,
 * called as every kind of caller with a real credential, answers as its rule
 * in test/support/access-rules.ts says.
 */

const PROCEDURES = Object.keys(appRouter._def.procedures).sort();
const doc = buildOpenApiDocument({ baseUrl: "http://embark.test", version: "test" }) as unknown as TOpenApiDoc;
const OPERATIONS = operationsOf(doc).map((op) => ({ ...op, key: `${op.method} ${op.path}` }));
const PROCEDURE_OF_OPERATION = new Map(buildRouteTable(appRouter).map((r) => [`${r.method} ${r.path}`, r.procedurePath]));

/** Callers whose credential proves nothing: refused, they must hear 401 (sign in), never 403. */
const UNAUTHENTICATED: readonly TCallerKind[] = ["anonymous", "appliance", "revokedKey", "disabledAdmin"];

let seed: TMatrixSeed;

beforeAll(async () => {
  applyLicensingEnv();
  await resetDatabase();
  // Web role: sign-in codes, provision jobs and reconciliations are queued, not worked.
  await startJobRuntime({ role: "web" });
  seed = await seedMatrix();
});
afterAll(() => stopJobRuntime());

/** What is wrong with `status` as the answer to `kind` under `rule`, or null. */
function misjudged(rule: TAccessRule, kind: TCallerKind, status: number): string | null {
  if (status >= 500) return `answered ${status}`;
  if (rule.allow.includes(kind)) {
    if (status === 401 || status === 403) return `allowed but refused with ${status}`;
    if (status === 404 && rule.hidden) return "allowed but answered 404: the call must name a real resource";
    return null;
  }
  if (rule.hidden?.includes(kind)) return status === 404 ? null : `should be hidden (404), answered ${status}`;
  if (UNAUTHENTICATED.includes(kind)) return status === 401 ? null : `should be refused with 401, answered ${status}`;
  return status === 401 || status === 403 ? null : `should be refused (401/403), answered ${status}`;
}

/** Calls every caller kind in turn and lists the answers that break the rule. */
async function violations(rule: TAccessRule, call: (kind: TCallerKind) => Promise<number>): Promise<string[]> {
  const wrong: string[] = [];
  for (const kind of CALLER_KINDS) {
    const problem = misjudged(rule, kind, await call(kind));
    if (problem) wrong.push(`${kind}: ${problem}`);
  }
  return wrong;
}

function inputFor(procedure: string, caller: TInputCaller): unknown {
  return PROCEDURE_INPUTS[procedure]?.(seed.ids, caller);
}

async function trpcStatus(procedure: string, kind: TCallerKind, rule: TAccessRule): Promise<number> {
  const caller = await callerWith(seed.credentialOf(kind, rule));
  const fn = procedure.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await fn(inputFor(procedure, { kind, userId: seed.userIdOf(kind) }));
    return 200;
  } catch (err) {
    if (err instanceof TRPCError) return getHTTPStatusCodeFromError(err);
    throw err;
  }
}

/** The REST request for an operation: path parameters from the input, the rest as query (GET, DELETE) or JSON body. */
function restRequestOf(op: (typeof OPERATIONS)[number], input: unknown): { path: string; body?: unknown } {
  const rest: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined) };
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value ?? "missing"));
  });
  if (op.method !== "GET" && op.method !== "DELETE") return { path, body: rest };
  const query = new URLSearchParams(Object.entries(rest).map(([k, v]) => [k, String(v)])).toString();
  return { path: query ? `${path}?${query}` : path };
}

async function restStatus(op: (typeof OPERATIONS)[number], kind: TCallerKind, rule: TAccessRule): Promise<number> {
  if (op.key === "GET /api/health") return (await handleHealthRequest()).status;
  const procedure = PROCEDURE_OF_OPERATION.get(op.key);
  if (!procedure) throw new Error(`${op.key} is served by no procedure`);
  const request = restRequestOf(op, inputFor(procedure, { kind: `rest-${kind}`, userId: seed.userIdOf(kind) }));
  const headers = headersOf(seed.credentialOf(kind, rule));
  return (await restCall(op.method, request.path, { body: request.body, token: null, headers })).status;
}

describe("every procedure and operation has exactly one rule", () => {
  it("names every tRPC procedure of the app router, and only those", () => {
    expect(PROCEDURES.filter((p) => !PROCEDURE_RULES[p]), "procedures without a rule").toEqual([]);
    expect(Object.keys(PROCEDURE_RULES).filter((p) => !PROCEDURES.includes(p)), "rules for no procedure").toEqual([]);
  });

  it("names every operation of the OpenAPI document, and only those", () => {
    const keys = OPERATIONS.map((op) => op.key);
    expect(keys.filter((k) => !OPERATION_RULES[k]), "operations without a rule").toEqual([]);
    expect(Object.keys(OPERATION_RULES).filter((k) => !keys.includes(k)), "rules for no operation").toEqual([]);
  });

  it("gives input only to procedures that exist", () => {
    expect(Object.keys(PROCEDURE_INPUTS).filter((p) => !PROCEDURES.includes(p))).toEqual([]);
  });
});

describe("tRPC: each procedure answers every caller as its rule says", () => {
  it.each(PROCEDURES)("%s", async (procedure) => {
    const rule = PROCEDURE_RULES[procedure];
    if (!rule) throw new Error(`${procedure} has no rule in test/support/access-rules.ts`);
    expect(await violations(rule, (kind) => trpcStatus(procedure, kind, rule))).toEqual([]);
  });
});

describe("REST: each operation answers every caller as its rule says", () => {
  it.each(OPERATIONS.map((op) => [op.key, op] as const))("%s", async (key, op) => {
    const rule = OPERATION_RULES[key];
    if (!rule) throw new Error(`${key} has no rule in test/support/access-rules.ts`);
    expect(await violations(rule, (kind) => restStatus(op, kind, rule))).toEqual([]);
  });
});
