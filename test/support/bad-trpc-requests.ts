import fc from "fast-check";
import superjson from "superjson";
import { z } from "zod";
import {
  badValueJson,
  deepJson,
  encodeLoosely,
  everyStringPoisoned,
  exampleWithValue,
  mutatedExample,
  mutatedJson,
  plausibleJson,
  type TOpenApiDoc,
  type TRawRequest,
  type TRawResponse,
  type TSchema,
} from "./bad-requests";

/**
 * Generated bad input for every procedure of the tRPC router, sent the way
 * the tRPC HTTP transport carries it (superjson envelopes, GET `?input=`,
 * POST bodies, `?batch=1`), and the rule every answer must keep: never a
 * 5xx, and every error a tRPC error shape with a 4xx `httpStatus`. The
 * value generators are the OpenAPI fuzz's (bad-requests.ts).
 */

export const TRPC_PATH = "/api/trpc";

export type TProcedureType = "query" | "mutation";

export type TProcedure = {
  /** Dotted, as the transport names it: `ops.outbox.list`. */
  path: string;
  type: TProcedureType;
  /** The input as JSON Schema (and the document its `$ref`s point into); absent when it takes none. */
  input?: { schema: TSchema; doc: TOpenApiDoc };
};

type TProcedureDef = { _def: { type: string; inputs: unknown[] } };

/** Every query and mutation of a router, with its input schema as JSON Schema. */
export function proceduresOf(router: { _def: { procedures: object } }): TProcedure[] {
  return Object.entries(router._def.procedures as Record<string, TProcedureDef>)
    .filter(([, p]) => p._def.type === "query" || p._def.type === "mutation")
    .map(([path, p]) => {
      const parser = p._def.inputs[0];
      if (!parser) return { path, type: p._def.type as TProcedureType };
      const json = JSON.stringify(z.toJSONSchema(parser as z.ZodType, { io: "input", unrepresentable: "any" }));
      // Named schemas land in `$defs`; the generators resolve `#/components/schemas/<name>`.
      const schema = JSON.parse(json.replaceAll('"#/$defs/', '"#/components/schemas/')) as TSchema & { $defs?: Record<string, TSchema> };
      return { path, type: p._def.type as TProcedureType, input: { schema, doc: { paths: {}, components: { schemas: schema.$defs ?? {} } } } };
    });
}

/** The caller kinds a procedure is fuzzed as, most privileged first. */
export const CALLERS = ["internal", "admin", "user"] as const;
export type TCaller = (typeof CALLERS)[number];
/** The request headers that make each caller. */
export type TCallerHeaders = Record<TCaller, Record<string, string>>;

// ---------------------------------------------------------------- inputs

const MEBIBYTE = 1 << 20;

/** JSON text of a string of about 1 MiB: plain, multi-byte, or with a NUL at the end. */
const hugeStringJson: fc.Arbitrary<string> = fc
  .constantFrom("a", "é", "🚀", "\u0000")
  .map((unit) => JSON.stringify(unit === "\u0000" ? `${"x".repeat(MEBIBYTE)}\u0000` : unit.repeat(MEBIBYTE / unit.length)));

/** JSON text of an input value: the example with faults, or something built from the schema, or junk. */
function inputJson(proc: TProcedure, example: Record<string, unknown> | undefined): fc.Arbitrary<string> {
  const fromExample = example
    ? [
        { weight: 10, arbitrary: mutatedExample(example) },
        { weight: 3, arbitrary: everyStringPoisoned(example) },
        { weight: 1, arbitrary: exampleWithValue(example, hugeStringJson) },
        { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
      ]
    : [];
  const fromSchema = proc.input
    ? [
        { weight: 4, arbitrary: mutatedJson(proc.input.schema, proc.input.doc) },
        { weight: 1, arbitrary: plausibleJson(proc.input.schema, proc.input.doc) },
      ]
    : [];
  return fc.oneof(
    ...fromExample,
    ...fromSchema,
    { weight: 2, arbitrary: badValueJson },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: hugeStringJson },
  );
}

/** Places a superjson `meta` can name: the example's own paths, and some that are not there. */
function metaPathsOf(example: Record<string, unknown> | undefined): string[] {
  const paths = ["", "a", "a.b", "__proto__", "constructor.prototype", "0", "x.__proto__.polluted"];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value !== "object" || value === null) return;
    for (const [k, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${k}` : k;
      paths.push(p);
      walk(v, p);
    }
  };
  walk(example, "");
  return paths;
}

const META_ANNOTATIONS: unknown[] = [
  "Date",
  "bigint",
  "map",
  "set",
  "regexp",
  "undefined",
  "number",
  "Error",
  "URL",
  "nope",
  ["class", "Nope"],
  ["symbol", "nope"],
  ["custom", "Decimal"],
  ["typed-array", "Uint8Array"],
  ["map", { a: ["Date"] }],
  [],
  42,
  null,
];

/** A superjson `meta` that does not fit its `json`: unknown or mistyped annotations, odd paths, referential loops. */
function badMeta(example: Record<string, unknown> | undefined): fc.Arbitrary<string> {
  const paths = fc.constantFrom(...metaPathsOf(example));
  return fc.oneof(
    fc.tuple(paths, fc.constantFrom(...META_ANNOTATIONS)).map(([p, a]) => JSON.stringify({ values: { [p]: a } })),
    fc.constantFrom(...META_ANNOTATIONS).map((a) => JSON.stringify({ values: [a] })),
    fc.tuple(paths, paths).map(([from, to]) => JSON.stringify({ referentialEqualities: { [from]: [to] } })),
    fc.tuple(paths, paths).map(([from, to]) => JSON.stringify({ referentialEqualities: [[from], { [to]: [from] }] })),
    fc.constantFrom('"values"', "42", "[]", "null", '{"values":"x"}', '{"values":{"":["map",{"x":["set"]}]}}', '{"v":99}', '{"values":{"a":["Date"]},"v":1}'),
    badValueJson,
  );
}

/** The superjson text the transport carries for one input: a good envelope, a bad one, or none. */
function envelope(proc: TProcedure, example: Record<string, unknown> | undefined): fc.Arbitrary<string> {
  const meta = example ? superjson.serialize(example).meta : undefined;
  return fc.oneof(
    {
      weight: 8,
      arbitrary: inputJson(proc, example).map((json) => (meta ? `{"json":${json},"meta":${JSON.stringify(meta)}}` : `{"json":${json}}`)),
    },
    { weight: 1, arbitrary: inputJson(proc, example) },
    {
      weight: 2,
      arbitrary: fc.tuple(example ? fc.constant(JSON.stringify(superjson.serialize(example).json)) : inputJson(proc, example), badMeta(example)).map(
        ([json, m]) => `{"json":${json},"meta":${m}}`,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom("{}", '{"meta":{}}', '{"json":', "", "null", "[]", '{"json":1}garbage', "\ufeff{}", '{"json":{},"json":1}') },
  );
}

// ---------------------------------------------------------------- requests

const NO_SUCH_PROCEDURE = ["nope", "system", "ops.outbox", "__proto__", "system.whoami.x", "ops..list", "constructor"];

/** A batch member: the procedure itself, another one of either type, or one that does not exist. */
function batchPath(proc: TProcedure, all: TProcedure[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(proc.path) },
    { weight: 2, arbitrary: fc.constantFrom(...all.filter((p) => p.type === proc.type).map((p) => p.path)) },
    { weight: 1, arbitrary: fc.constantFrom(...all.map((p) => p.path)) },
    { weight: 1, arbitrary: fc.constantFrom(...NO_SUCH_PROCEDURE) },
  );
}

type TCall = { paths: string[]; batch: boolean; input: string | undefined };

/** One call, or a batch whose members have bad inputs, missing inputs, or an input that is not an object. */
function callFor(proc: TProcedure, all: TProcedure[], example: Record<string, unknown> | undefined): fc.Arbitrary<TCall> {
  const single = fc.option(envelope(proc, example), { freq: 8, nil: undefined }).map((input) => ({ paths: [proc.path], batch: false, input }));
  const batch = fc
    .tuple(fc.array(batchPath(proc, all), { minLength: 1, maxLength: 6 }), fc.array(fc.option(envelope(proc, example), { freq: 4, nil: undefined }), { maxLength: 7 }), fc.nat(6))
    .map(([paths, inputs, shape]) => {
      const members = inputs.map((input, i) => (input === undefined ? "" : `${JSON.stringify(String(i))}:${input}`)).filter(Boolean);
      const input =
        shape === 0 ? `[${inputs.filter(Boolean).join(",")}]` : shape === 1 ? (inputs[0] ?? "42") : shape === 2 ? undefined : `{${members.join(",")}}`;
      return { paths, batch: true, input };
    });
  const wideBatch = fc
    .tuple(fc.integer({ min: 2, max: 40 }), envelope(proc, example))
    .map(([n, input]) => ({ paths: Array.from({ length: n }, () => proc.path), batch: true, input: `{${Array.from({ length: n }, (_, i) => `"${i}":${input.length < 2_000 ? input : "{}"}`).join(",")}}` }));
  return fc.oneof({ weight: 8, arbitrary: single }, { weight: 3, arbitrary: batch }, { weight: 1, arbitrary: wideBatch });
}

const CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", ""];

/**
 * A generated bad request for one procedure, as one of `callers` (weighted
 * towards the first, the most privileged) or, now and then, with no or a
 * wrong credential: a query over GET or a mutation over POST most of the
 * time, the other method sometimes.
 */
export function badTrpcRequestFor(
  proc: TProcedure,
  all: TProcedure[],
  callers: { first: Record<string, string>; others: Record<string, string>[] },
  example?: Record<string, unknown>,
): fc.Arbitrary<TRawRequest> {
  const wrongCredentials: Record<string, string>[] = [{}, { authorization: "Bearer emb_wrong" }, { cookie: "embark.session_token=forged.forged" }];
  return fc
    .record({
      call: callFor(proc, all, example),
      method: fc.oneof({ weight: 6, arbitrary: fc.constant(proc.type === "query" ? "GET" : "POST") }, { weight: 2, arbitrary: fc.constant(proc.type === "query" ? "POST" : "GET") }),
      headers: fc.oneof(
        { weight: 6, arbitrary: fc.constant(callers.first) },
        ...(callers.others.length ? [{ weight: 2, arbitrary: fc.constantFrom(...callers.others) }] : []),
        { weight: 1, arbitrary: fc.constantFrom(...wrongCredentials) },
      ),
      contentType: fc.oneof({ weight: 8, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
    })
    .map(({ call, method, headers, contentType }) => {
      const search = [call.batch ? "batch=1" : "", method === "GET" && call.input !== undefined ? `input=${encodeLoosely(call.input)}` : ""].filter(Boolean).join("&");
      const path = `${TRPC_PATH}/${call.paths.map(encodeLoosely).join(",")}${search ? `?${search}` : ""}`;
      const all: Record<string, string> = { ...headers };
      if (method === "POST" && contentType) all["content-type"] = contentType;
      return { method, path, headers: all, body: method === "POST" ? (call.input ?? "") : undefined };
    });
}

// ---------------------------------------------------------------- answers

type TErrorItem = { error?: { json?: { message?: unknown; code?: unknown; data?: { httpStatus?: unknown; appCode?: unknown; code?: unknown } } } };

function errorItemProblem(item: TErrorItem): string | undefined {
  const json = item.error?.json;
  if (typeof json?.message !== "string" || typeof json.code !== "number") return "lacks { error: { json: { message, code } } }";
  const status = json.data?.httpStatus;
  if (typeof status !== "number" || status < 400 || status >= 500) return `carries httpStatus ${String(status)}`;
  if (typeof json.data?.appCode !== "string" || typeof json.data.code !== "string") return "lacks data.appCode and data.code";
  return undefined;
}

/** What the answer says about each call: `ok` or `error`, or a problem with the answer itself. */
export function trpcAnswerProblem(res: TRawResponse): { problem?: string; outcomes: ("ok" | "error")[] } {
  if (res.status >= 500) return { problem: `answered ${res.status}`, outcomes: [] };
  if (!/^application\/json/.test(res.contentType)) return { problem: `answer ${res.status} is ${res.contentType || "without a content-type"}`, outcomes: [] };
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return { problem: `answer ${res.status} is not JSON`, outcomes: [] };
  }
  // A request line over Node's 16 kB header limit never reaches tRPC: the request guard answers it.
  if (res.status === 431) {
    const guard = body as { error?: { code?: unknown; message?: unknown } };
    return typeof guard.error?.code === "string" && typeof guard.error.message === "string" ? { outcomes: ["error"] } : { problem: "431 lacks { error }", outcomes: [] };
  }
  const items = (Array.isArray(body) ? body : [body]) as TErrorItem[];
  const outcomes = items.map((item) => (item.error === undefined ? "ok" : "error") as "ok" | "error");
  for (const item of items) {
    if (item.error === undefined) continue;
    const problem = errorItemProblem(item);
    if (problem) return { problem: `an error ${problem}`, outcomes };
  }
  if (res.status >= 400 && !outcomes.includes("error")) return { problem: `answered ${res.status} without an error`, outcomes };
  return { outcomes };
}
