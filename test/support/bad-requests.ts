import { request as httpRequest } from "node:http";
import fc from "fast-check";

/**
 * Generated bad input for every operation of Embark's OpenAPI document, and
 * the rule every answer must keep: never a 5xx, and every error JSON in the
 * `{ error: { code, message } }` shape. Used by the integration fuzz (the
 * route handlers on a loopback server) and the browser-suite fuzz (the built
 * Next.js server).
 */

export type TSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, TSchema>;
  required?: string[];
  items?: TSchema;
  anyOf?: TSchema[];
  oneOf?: TSchema[];
  allOf?: TSchema[];
};
type TParameter = { name: string; in: string; required?: boolean; schema?: TSchema };
type TDocOperation = {
  parameters?: TParameter[];
  requestBody?: { content?: Record<string, { schema?: TSchema }> };
  security?: Record<string, string[]>[];
};
export type TOpenApiDoc = {
  paths: Record<string, Record<string, TDocOperation>>;
  components?: { schemas?: Record<string, TSchema> };
};

export type TOperation = {
  method: string;
  /** As in the document, e.g. `/v1/jobs/{job_id}`. */
  path: string;
  pathParams: TParameter[];
  queryParams: TParameter[];
  body?: TSchema;
  /** The document says the operation needs credentials. */
  secured: boolean;
};

export type TRawRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
export type TRawResponse = { status: number; contentType: string; body: string };

const OPERATION_METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/** Every operation the document lists, with its parameters and body schema resolved. */
export function operationsOf(doc: TOpenApiDoc): TOperation[] {
  const resolve = (schema: TSchema | undefined): TSchema | undefined =>
    schema?.$ref ? doc.components?.schemas?.[schema.$ref.replace("#/components/schemas/", "")] : schema;
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => OPERATION_METHODS.has(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === "path"),
        queryParams: (op.parameters ?? []).filter((p) => p.in === "query"),
        body: resolve(op.requestBody?.content?.["application/json"]?.schema),
        secured: (op.security ?? []).length > 0,
      })),
  );
}

// ---------------------------------------------------------------- values

const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Text that breaks careless code: NUL, unpaired surrogates, control and bidi characters, huge strings. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfff",
    "\ud83d",
    "",
    " ",
    "%",
    "%00",
    "%ZZ",
    "../../etc/passwd",
    "\u202e\u0007\u001b[31m",
    "null",
    "-1",
    "1e309",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\\",
    '"',
    "🚀🚀",
    "__proto__",
    "constructor",
    "\ufeff\u200b\u200d",
    "\uffff\ufffe\ufffd",
    "e\u0301\u0301\u0301\u0301",
    "ß\u0130\ufb01Å",
    "\u{10ffff}\u{e0001}",
    "\u2028\u2029\u0085",
  ),
  fc.string({ unit: fc.oneof(LONE_SURROGATE, fc.constant("\u0000"), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => "a".repeat(n)),
);

/** JSON text of a value of the wrong type for most fields. */
const wrongTypeJson: fc.Arbitrary<string> = fc
  .oneof(
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map((v) => JSON.stringify(v) ?? "null");

/** JSON text nested deeper than anything sensible (a few kB of brackets). */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 33, max: 6_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`));

/** Huge numbers and numbers JSON cannot quite hold. */
const oddNumberJson = fc.constantFrom("1e400", "-1e400", "-0", "9007199254740993", "1.5", "0.0000001", "99999999999999999999");

/** JSON text of something that breaks a field. */
export const badValueJson: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: nastyString.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: wrongTypeJson },
  { weight: 1, arbitrary: deepJson },
  { weight: 1, arbitrary: oddNumberJson },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString.map((s) => s.slice(0, 50)), { maxKeys: 3 }).map((d) => JSON.stringify(d)) },
);

function regexArbitrary(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return fc.string();
  }
}

/** JSON text of a value the schema plausibly accepts, so bad values elsewhere get past the first check. */
export function plausibleJson(schema: TSchema | undefined, doc: TOpenApiDoc, depth = 0): fc.Arbitrary<string> {
  const s = resolved(schema, doc);
  if (!s || depth > 4) return wrongTypeJson;
  if (s.const !== undefined) return fc.constant(JSON.stringify(s.const));
  if (s.enum) return fc.constantFrom(...s.enum.map((v) => JSON.stringify(v)));
  const variants = s.anyOf ?? s.oneOf ?? s.allOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => plausibleJson(v, doc, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "string":
      if (s.format === "date-time") return fc.date({ min: new Date("2001-01-01"), max: new Date("2099-01-01"), noInvalidDate: true }).map((d) => JSON.stringify(d.toISOString()));
      if (s.format === "uuid") return fc.uuid().map((v) => JSON.stringify(v));
      if (s.format === "email") return fc.emailAddress().map((v) => JSON.stringify(v));
      if (s.format === "uri") return fc.webUrl().map((v) => JSON.stringify(v));
      if (s.pattern) return regexArbitrary(s.pattern).map((v) => JSON.stringify(v));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }).map((v) => JSON.stringify(v));
    case "integer":
    case "number":
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) }).map(String);
    case "boolean":
      return fc.boolean().map(String);
    case "array":
      return fc.array(plausibleJson(s.items, doc, depth + 1), { maxLength: 3 }).map((items) => `[${items.join(",")}]`);
    case "object":
      return plausibleObjectJson(s, doc, depth);
    default:
      return wrongTypeJson;
  }
}

function resolved(schema: TSchema | undefined, doc: TOpenApiDoc): TSchema | undefined {
  return schema?.$ref ? doc.components?.schemas?.[schema.$ref.replace("#/components/schemas/", "")] : schema;
}

type TEntry = readonly [string, string];
const toObject = (entries: TEntry[]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(",")}}`;

/** A plausible string with a NUL or an unpaired surrogate put somewhere inside. */
function poisoned(s: TSchema, doc: TOpenApiDoc): fc.Arbitrary<string> {
  return fc
    .tuple(plausibleJson(s, doc), fc.constantFrom("\u0000", "\ud800", "\udfff"), fc.nat())
    .map(([json, poison, at]) => {
      const value = String(JSON.parse(json) as unknown);
      const i = value.length === 0 ? 0 : at % (value.length + 1);
      return JSON.stringify(value.slice(0, i) + poison + value.slice(i));
    });
}

/** The entries of a plausible object: required fields always, optional ones half the time. */
function plausibleEntries(s: TSchema, doc: TOpenApiDoc, depth: number): fc.Arbitrary<TEntry[]> {
  const required = new Set(s.required ?? []);
  const entries = Object.entries(s.properties ?? {}).map(([name, schema]) => {
    const value = plausibleJson(schema, doc, depth + 1).map((v) => [name, v] as const);
    // Optional fields mostly left out: some only make sense without others (one trace event, or a batch).
    return required.has(name) ? value : fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });
  });
  return fc.tuple(...entries).map((list) => list.filter((e): e is TEntry => e !== null));
}

function plausibleObjectJson(s: TSchema, doc: TOpenApiDoc, depth: number): fc.Arbitrary<string> {
  return plausibleEntries(s, doc, depth).map(toObject);
}

/**
 * JSON text that the schema accepts except in exactly one place: one field
 * (at any depth) bad, a required field left out, or an unknown field added.
 * One fault at a time, so it gets past every other check to where it matters.
 */
export function mutatedJson(schema: TSchema | undefined, doc: TOpenApiDoc, depth = 0): fc.Arbitrary<string> {
  const s = resolved(schema, doc);
  const type = Array.isArray(s?.type) ? s.type.find((t) => t !== "null") : s?.type;
  if (s && type === "array" && depth < 4) {
    return fc
      .tuple(fc.array(plausibleJson(s.items, doc, depth + 1), { maxLength: 2 }), mutatedJson(s.items, doc, depth + 1))
      .map(([items, bad]) => `[${[...items, bad].join(",")}]`);
  }
  if (s && type === "string") return fc.oneof(badValueJson, poisoned(s, doc));
  const fields = Object.entries(s?.properties ?? {});
  if (!s || type !== "object" || fields.length === 0 || depth >= 4) return badValueJson;
  return fc
    .tuple(plausibleEntries(s, doc, depth), fc.nat(fields.length + 1), badValueJson, nastyString, fc.boolean())
    .chain(([entries, pick, bad, extraKey, deeper]) => {
      if (pick === fields.length) return fc.constant(toObject([...entries, [extraKey, bad]]));
      if (pick > fields.length) return fc.constant(toObject(entries.slice(1)));
      const [name, fieldSchema] = fields[pick]!;
      const value = deeper ? mutatedJson(fieldSchema, doc, depth + 1) : fc.constant(bad);
      return value.map((v) => toObject([...entries.filter(([k]) => k !== name), [name, v]]));
    });
}

type TPath = (string | number)[];

/** Every place in a JSON value: each key's value and each array item, at any depth. */
function placesIn(value: unknown, path: TPath = [], out: TPath[] = []): TPath[] {
  if (typeof value !== "object" || value === null) return out;
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    out.push(at);
    placesIn(child, at, out);
  }
  return out;
}

const HOLE = "\u0001hole\u0001";

/** `example` with the value at `path` replaced by raw JSON text (which may not even parse), or removed. */
function withJsonAt(example: unknown, path: TPath, json: string | undefined): string {
  const copy = structuredClone(example) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (json === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
    return JSON.stringify(copy);
  }
  parent[last] = HOLE;
  return JSON.stringify(copy).replace(JSON.stringify(HOLE), () => json);
}

/** JSON text of `example` with one value (at any depth, or the unknown field `extra` when it has none) replaced by JSON text from `values`. */
export function exampleWithValue(example: Record<string, unknown>, values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const places = placesIn(example);
  return fc.tuple(places.length ? fc.constantFrom(...places) : fc.constant<TPath>(["extra"]), values).map(([path, json]) => withJsonAt(example, path, json));
}

/**
 * A valid example with exactly one fault: a value replaced by a bad one, a
 * string with a NUL or an unpaired surrogate put inside, a field left out, or
 * an unknown field added. One fault at a time gets past every other check.
 */
export function mutatedExample(example: Record<string, unknown>): fc.Arbitrary<string> {
  const places = placesIn(example);
  // An empty example has no value to spoil: only unknown fields can be added.
  if (places.length === 0) return fc.tuple(nastyString, badValueJson).map(([key, bad]) => withJsonAt(example, [key], bad));
  const poison = fc.constantFrom("\u0000", "\ud800", "\udfff");
  return fc.oneof(
    exampleWithValue(example, badValueJson),
    fc.tuple(fc.constantFrom(...places), poison, fc.nat()).map(([path, p, at]) => {
      const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], example);
      const text = typeof current === "string" ? current : JSON.stringify(current);
      const i = at % (text.length + 1);
      return withJsonAt(example, path, JSON.stringify(text.slice(0, i) + p + text.slice(i)));
    }),
    fc.constantFrom(...places).map((path) => withJsonAt(example, path, undefined)),
    fc.tuple(nastyString, badValueJson).map(([key, bad]) => withJsonAt(example, [key], bad)),
  );
}

/**
 * JSON text of `example` with a NUL, an unpaired surrogate or other odd text
 * put into every string and every key at once.
 */
export function everyStringPoisoned(example: unknown): fc.Arbitrary<string> {
  const poison = fc.constantFrom("\u0000", "\ud800", "\udfff", "\u202e", "\ufeff", "\u0000\ud83d");
  return fc.tuple(poison, fc.boolean()).map(([p, keysToo]) => {
    const spoil = (value: unknown): unknown => {
      if (typeof value === "string") return `${value.slice(0, 1)}${p}${value.slice(1)}`;
      if (Array.isArray(value)) return value.map(spoil);
      if (typeof value !== "object" || value === null) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [keysToo ? `${k}${p}` : k, spoil(v)]));
    };
    return JSON.stringify(spoil(example));
  });
}

/** The body of a request: mostly the operation's own fields with some of them bad, sometimes no valid JSON at all. */
function bodyFor(op: TOperation, doc: TOpenApiDoc, example?: Record<string, unknown>): fc.Arbitrary<string | undefined> {
  const fromExample = example
    ? [
        { weight: 12, arbitrary: mutatedExample(example) },
        { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
      ]
    : [];
  return fc.oneof(
    ...fromExample,
    { weight: 8, arbitrary: mutatedJson(op.body, doc) },
    { weight: 2, arbitrary: op.body ? plausibleJson(op.body, doc) : fc.constant("{}") },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.constantFrom("", "{", "[", "null", "42", '"str"', "[]", "{}", '{"a":}', "\u0000", '{"a":1}garbage', "\ufeff{}", "{'a':1}"),
    },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: badValueJson },
  );
}

// ---------------------------------------------------------------- URLs

/** Percent-encodes text; text that is not valid UTF-16 gets the bytes of an encoded surrogate instead (invalid UTF-8). */
export function encodeLoosely(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

/** A path segment that is not valid percent-encoded UTF-8, or is odd in another way. */
export const badPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("%ZZ", "%C0%AF", "%FF", "%ED%A0%80", "%E2%82", "%", "%00", "%2e%2e", "..", ".", "%2F", "%5C", "a%00b", "%F4%90%80%80"),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0").toUpperCase()}`).join("")),
  nastyString.map((s) => encodeLoosely(s.slice(0, 4_000))),
);

function pathParamValue(param: TParameter, doc: TOpenApiDoc): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: plausibleJson(param.schema, doc).map((json) => encodeLoosely(String(JSON.parse(json) as unknown))) },
    { weight: 3, arbitrary: badPathSegment },
  );
}

function queryFor(op: TOperation, doc: TOpenApiDoc): fc.Arbitrary<string> {
  const pairs = op.queryParams.map((p) =>
    fc.oneof(
      { weight: 3, arbitrary: plausibleJson(p.schema, doc).map((json) => `${p.name}=${encodeLoosely(String(JSON.parse(json) as unknown))}`) },
      { weight: 3, arbitrary: nastyString.map((s) => `${p.name}=${encodeLoosely(s.slice(0, 4_000))}`) },
      { weight: 1, arbitrary: badPathSegment.map((s) => `${p.name}=${s}`) },
      { weight: 1, arbitrary: fc.constant(`${p.name}[]=1&${p.name}=2`) },
      { weight: 1, arbitrary: fc.constant("") },
    ),
  );
  return fc.tuple(...pairs).map((parts) => {
    const query = parts.filter(Boolean).join("&");
    return query ? `?${query}` : "";
  });
}

function pathFor(op: TOperation, doc: TOpenApiDoc): fc.Arbitrary<string> {
  const values = op.pathParams.map((p) => pathParamValue(p, doc));
  return fc
    .tuple(fc.tuple(...values), queryFor(op, doc), fc.constantFrom("", "", "", "/", "//"))
    .map(([params, query, trailing]) => {
      let i = 0;
      const path = op.path.replace(/\{[^}]+\}/g, () => params[i++] ?? "x");
      return `${path}${trailing === "//" ? "/x/y" : trailing}${query}`;
    });
}

// ---------------------------------------------------------------- requests

/** Methods Next.js serves, and some it does not (undici's fetch refuses to send TRACE and CONNECT at all). */
export const ODD_METHODS = ["TRACE", "TRACK", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "PURGE", "SEARCH", "REPORT", "LINK", "BREW"];
const ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", ...ODD_METHODS];

const CONTENT_TYPES = [
  "application/x-www-form-urlencoded",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/json; charset=utf-16",
  "application/xml",
  "*/*",
  "",
];

/** A generated bad request for one operation: its method or another, bad parameters, a bad body, odd headers. */
export function badRequestFor(
  op: TOperation,
  doc: TOpenApiDoc,
  credentials: { bearer: string },
  /** A valid body for the operation, to build faulty ones from. */
  example?: Record<string, unknown>,
): fc.Arbitrary<TRawRequest> {
  return fc
    .record({
      method: fc.oneof({ weight: 8, arbitrary: fc.constant(op.method) }, { weight: 2, arbitrary: fc.constantFrom(...ALL_METHODS) }),
      path: pathFor(op, doc),
      body: bodyFor(op, doc, example),
      contentType: fc.oneof({ weight: 8, arbitrary: fc.constant("application/json") }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
      auth: fc.oneof(
        { weight: 8, arbitrary: fc.constant(`Bearer ${credentials.bearer}`) },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom("Bearer", "Bearer emb_", "Basic Zm9vOmJhcg==", `Bearer ${credentials.bearer}x`, "bearer  ") },
      ),
      idempotencyKey: fc.option(fc.string({ unit: "binary-ascii", maxLength: 300 }).map((s) => s.replace(/[^\x21-\x7e]/g, "x")), { freq: 6 }),
    })
    .map(({ method, path, body, contentType, auth, idempotencyKey }) => {
      const headers: Record<string, string> = {};
      if (contentType) headers["content-type"] = contentType;
      if (auth) headers.authorization = auth;
      if (idempotencyKey !== null) headers["idempotency-key"] = idempotencyKey;
      const sendsBody = body !== undefined && method !== "GET" && method !== "HEAD";
      return { method, path, headers, body: sendsBody ? body : undefined };
    });
}

/** Sends exactly what it is given (any method, any percent-encoding) over HTTP/1.1. */
export function sendRaw(baseUrl: string, req: TRawRequest): Promise<TRawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body, "utf8");
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        agent: false,
        // A redirect may carry the long query it was sent back in its Location: read answers up to 64 kB of headers.
        maxHeaderSize: 64 * 1024,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** What is wrong with an answer, or undefined: a 5xx, or an error that is not the JSON error shape. */
export function answerProblem(req: TRawRequest, res: TRawResponse): string | undefined {
  if (res.status >= 500) return `answered ${res.status}`;
  if (res.status < 400 || req.method === "HEAD") return undefined;
  if (!/^application\/json/.test(res.contentType)) return `error ${res.status} is ${res.contentType || "without a content-type"}`;
  try {
    const parsed = JSON.parse(res.body) as unknown;
    // The tRPC transport answers in tRPC's own error envelope (its clients read it): a message and data.code, one per batch member.
    if (/^\/api\/trpc(\/|$)/.test(req.path) && isTrpcErrorAnswer(parsed)) return undefined;
    const body = parsed as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code !== "string" || typeof body.error.message !== "string") return `error ${res.status} lacks { error: { code, message } }`;
  } catch {
    return `error ${res.status} is not JSON`;
  }
  return undefined;
}

/**
 * A tRPC error answer: `{ error: { message, data: { code } } }`, or an array
 * of answers for a batch. Through superjson (the transport's transformer) the
 * error is wrapped as `{ error: { json: { … } } }`, which is how tRPC answers
 * a path naming no procedure.
 */
function isTrpcErrorAnswer(body: unknown): boolean {
  type TError = { message?: unknown; data?: { code?: unknown } };
  const one = (b: unknown) => {
    const raw = (b as { error?: TError & { json?: TError } } | null)?.error;
    const e = raw?.json ?? raw;
    return typeof e?.message === "string" && typeof e.data?.code === "string";
  };
  return Array.isArray(body) ? body.length > 0 && body.every((b) => one(b) || (b as { result?: unknown } | null)?.result !== undefined) : one(body);
}

/** A short description of a request for failure messages. */
export function describeRequest(req: TRawRequest): string {
  const body = req.body === undefined ? "" : ` body=${JSON.stringify(req.body.slice(0, 300))}${req.body.length > 300 ? `… (${req.body.length} chars)` : ""}`;
  return `${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.headers)}${body}`;
}
