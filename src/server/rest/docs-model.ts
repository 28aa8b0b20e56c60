/**
 * Turns the OpenAPI document into what the /api/docs page shows: operations
 * grouped by tag, each schema flattened into rows of fields.
 */

type TJsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  items?: TJsonSchema;
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  allOf?: TJsonSchema[];
  additionalProperties?: boolean | TJsonSchema;
  default?: unknown;
};

type TParameter = { name: string; in: string; required?: boolean; description?: string; schema?: TJsonSchema };
type TOperation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: TParameter[];
  requestBody?: { content?: Record<string, { schema?: TJsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: TJsonSchema }> }>;
};
export type TOpenApiLike = {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, TOperation | undefined>>;
  components?: { schemas?: Record<string, unknown> };
  tags?: { name: string }[];
};

export type TFieldRow = { name: string; type: string; required: boolean; description?: string; depth: number };
export type TDocsResponse = { status: string; description: string; schemaName?: string; fields: TFieldRow[] };
export type TDocsOperation = {
  id: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  /** True when a bearer key is required. */
  protected: boolean;
  parameters: (TFieldRow & { in: string })[];
  body: TFieldRow[] | null;
  responses: TDocsResponse[];
};
export type TDocsModel = {
  title: string;
  version: string;
  description?: string;
  baseUrl?: string;
  groups: { tag: string; operations: TDocsOperation[] }[];
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const MAX_DEPTH = 4;

function refName(ref: string): string {
  return ref.replace("#/components/schemas/", "");
}

class SchemaReader {
  constructor(private readonly schemas: Record<string, unknown>) {}

  resolve(schema: TJsonSchema | undefined, seen = new Set<string>()): TJsonSchema {
    if (!schema?.$ref) return schema ?? {};
    const name = refName(schema.$ref);
    if (seen.has(name)) return { type: "object", description: `${name} (recursive)` };
    seen.add(name);
    return this.resolve(this.schemas[name] as TJsonSchema | undefined, seen);
  }

  typeOf(raw: TJsonSchema | undefined): string {
    const schema = this.resolve(raw);
    if (raw?.$ref && schema.properties) return refName(raw.$ref);
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) return variants.map((v) => this.typeOf(v)).join(" | ");
    if (schema.allOf?.length === 1) return this.typeOf(schema.allOf[0]);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (types.length === 0) return "any";
    return types
      .map((t) => {
        if (t === "array") return `${this.typeOf(schema.items)}[]`;
        if (t === "object" && !schema.properties && schema.additionalProperties) return "map";
        return schema.format ? `${t} (${schema.format})` : t;
      })
      .join(" | ");
  }

  /** The object a schema describes, looking through nullable unions and arrays. */
  private objectOf(raw: TJsonSchema | undefined): TJsonSchema | undefined {
    const schema = this.resolve(raw);
    if (schema.properties) return schema;
    if (schema.items) return this.objectOf(schema.items);
    const variants = (schema.anyOf ?? schema.oneOf ?? []).filter((v) => this.resolve(v).type !== "null");
    return variants.length === 1 ? this.objectOf(variants[0]) : undefined;
  }

  fields(raw: TJsonSchema | undefined, prefix = "", depth = 0): TFieldRow[] {
    const object = this.objectOf(raw);
    if (!object?.properties || depth > MAX_DEPTH) return [];
    const required = new Set(object.required ?? []);
    return Object.entries(object.properties).flatMap(([key, child]) => {
      const name = prefix ? `${prefix}.${key}` : key;
      const resolved = this.resolve(child);
      const row: TFieldRow = {
        name,
        type: this.typeOf(child),
        required: required.has(key),
        description: child.description ?? resolved.description,
        depth,
      };
      const isList = this.typeOf(child).endsWith("[]");
      return [row, ...this.fields(child, isList ? `${name}[]` : name, depth + 1)];
    });
  }
}

/** The documentation model of an OpenAPI document. */
export function buildDocsModel(doc: TOpenApiLike): TDocsModel {
  const reader = new SchemaReader(doc.components?.schemas ?? {});
  const byTag = new Map<string, TDocsOperation[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const operation: TDocsOperation = {
        id: op.operationId ?? `${method}-${path}`,
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        description: op.description,
        protected: (op.security ?? []).length > 0,
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          type: reader.typeOf(p.schema),
          required: p.required ?? false,
          description: p.description ?? reader.resolve(p.schema).description,
          depth: 0,
        })),
        body: body ? reader.fields(body) : null,
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => {
          const schema = r.content?.["application/json"]?.schema;
          return {
            status,
            description: r.description ?? "",
            schemaName: schema?.$ref ? refName(schema.$ref) : undefined,
            fields: reader.fields(schema),
          };
        }),
      };
      const tag = op.tags?.[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation]);
    }
  }
  const declared = (doc.tags ?? []).map((t) => t.name);
  const tags = [...byTag.keys()].sort((a, b) => {
    const ia = declared.indexOf(a);
    const ib = declared.indexOf(b);
    if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return a.localeCompare(b);
  });
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description,
    baseUrl: doc.servers?.[0]?.url,
    groups: tags.map((tag) => ({
      tag,
      operations: byTag.get(tag)!.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method)),
    })),
  };
}
