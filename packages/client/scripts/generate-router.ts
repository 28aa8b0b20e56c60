/**
 * Writes src/app-router.gen.ts: the type of Embark's tRPC router as the client
 * sees it, written out in full — every procedure's input and output as plain
 * structural types, the error shape, superjson on. Nothing in it refers to
 * the server's code (its context, Prisma, zod), so the bundled .d.ts of the
 * package stands alone with @trpc/server's types only.
 *
 * Run by `npm run client:build` before tsdown.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const here = import.meta.dirname;
const root = path.resolve(here, "../../..");
const entry = path.join(root, "src/server/trpc/root.ts");
const out = path.join(here, "../src/app-router.gen.ts");

function program(): ts.Program {
  const configFile = path.join(root, "tsconfig.json");
  const config = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  return ts.createProgram({ rootNames: [entry], options: { ...parsed.options, noEmit: true, incremental: false } });
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Prints types structurally; types met again while being printed become named aliases. */
class Printer {
  private stack = new Set<ts.Type>();
  private recursive = new Set<ts.Type>();
  private names = new Map<ts.Type, string>();
  readonly aliases: string[] = [];

  constructor(private readonly checker: ts.TypeChecker) {}

  print(type: ts.Type): string {
    const named = this.names.get(type);
    if (named) return named;
    if (this.stack.has(type)) {
      this.recursive.add(type);
      const name = `TRecursive${this.names.size + 1}`;
      this.names.set(type, name);
      return name;
    }
    this.stack.add(type);
    const body = this.body(type);
    this.stack.delete(type);
    if (this.recursive.has(type)) {
      const name = this.names.get(type)!;
      this.aliases.push(`type ${name} = ${body};`);
      return name;
    }
    return body;
  }

  private body(type: ts.Type): string {
    const c = this.checker;
    const f = type.flags;
    if (f & ts.TypeFlags.Any) return "any";
    if (f & ts.TypeFlags.Unknown) return "unknown";
    if (f & ts.TypeFlags.Never) return "never";
    if (f & ts.TypeFlags.String) return "string";
    if (f & ts.TypeFlags.Number) return "number";
    if (f & ts.TypeFlags.Boolean) return "boolean";
    if (f & ts.TypeFlags.BigInt) return "bigint";
    if (f & ts.TypeFlags.Null) return "null";
    if (f & ts.TypeFlags.Undefined) return "undefined";
    if (f & ts.TypeFlags.Void) return "void";
    if (f & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) return "symbol";
    if (type.isStringLiteral()) return JSON.stringify(type.value);
    if (type.isNumberLiteral()) return String(type.value);
    if (f & ts.TypeFlags.BooleanLiteral) return c.typeToString(type);
    if (f & (ts.TypeFlags.BigIntLiteral | ts.TypeFlags.TemplateLiteral)) return c.typeToString(type);
    if (f & ts.TypeFlags.NonPrimitive) return "object";
    if (type.isUnion()) {
      let members = type.types;
      const hasTrue = members.some((m) => c.typeToString(m) === "true");
      const hasFalse = members.some((m) => c.typeToString(m) === "false");
      const parts: string[] = [];
      if (hasTrue && hasFalse) {
        members = members.filter((m) => !(m.flags & ts.TypeFlags.BooleanLiteral));
        parts.push("boolean");
      }
      parts.push(...members.map((m) => this.wrap(m)));
      return parts.join(" | ");
    }
    if (type.isIntersection()) return type.types.map((m) => this.wrap(m)).join(" & ");
    if (f & ts.TypeFlags.Object) return this.object(type as ts.ObjectType);
    // Anything else (a generic left unresolved): the checker's own words.
    return c.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  }

  private wrap(type: ts.Type): string {
    const text = this.print(type);
    return type.isUnion() || type.isIntersection() || text.startsWith("(") ? `(${text})` : text;
  }

  private object(type: ts.ObjectType): string {
    const c = this.checker;
    if (c.isArrayType(type)) return `Array<${this.print(c.getTypeArguments(type as ts.TypeReference)[0]!)}>`;
    if (c.isTupleType(type)) return `[${c.getTypeArguments(type as ts.TypeReference).map((t) => this.print(t)).join(", ")}]`;
    // Built-in classes (Date, Uint8Array, …) exist on both sides: keep their names.
    const symbol = type.getSymbol();
    const declaration = symbol?.getDeclarations()?.[0];
    if (symbol && declaration && /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]+\.d\.ts$/.test(declaration.getSourceFile().fileName)) {
      return c.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
    }
    if (c.getSignaturesOfType(type, ts.SignatureKind.Call).length) return "((...args: any[]) => unknown)";
    const members: string[] = [];
    for (const info of c.getIndexInfosOfType(type)) {
      members.push(`[key: ${c.typeToString(info.keyType)}]: ${this.print(info.type)}`);
    }
    for (const prop of c.getPropertiesOfType(type)) {
      const name = IDENT.test(prop.name) ? prop.name : JSON.stringify(prop.name);
      const optional = prop.flags & ts.SymbolFlags.Optional ? "?" : "";
      const propType = c.getTypeOfSymbol(prop);
      members.push(`${name}${optional}: ${this.print(optional ? removeUndefined(propType) : propType)}`);
    }
    return members.length ? `{ ${members.join("; ")} }` : "{}";
  }
}

/** `T | undefined` of an optional property → `T` (the `?` says it). */
function removeUndefined(type: ts.Type): ts.Type {
  if (!type.isUnion()) return type;
  const kept = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
  // A union of several: print it whole (`| undefined` included) rather than rebuild it.
  return kept.length === 1 ? kept[0]! : type;
}

function prop(c: ts.TypeChecker, type: ts.Type, name: string): ts.Type {
  const symbol = type.getProperty(name);
  if (!symbol) throw new Error(`the router type has no "${name}" where expected`);
  return c.getTypeOfSymbol(symbol);
}

function main(): void {
  const p = program();
  const c = p.getTypeChecker();
  const source = p.getSourceFile(entry)!;
  const diagnostics = ts.getPreEmitDiagnostics(p, source);
  if (diagnostics.length) throw new Error(ts.formatDiagnostics(diagnostics, ts.createCompilerHost({})));
  const moduleSymbol = c.getSymbolAtLocation(source)!;
  const routerSymbol = c.getExportsOfModule(moduleSymbol).find((s) => s.name === "appRouter");
  if (!routerSymbol) throw new Error("src/server/trpc/root.ts exports no appRouter");
  const router = c.getTypeOfSymbol(routerSymbol);
  const def = prop(c, router, "_def");
  const printer = new Printer(c);
  const errorShape = printer.print(prop(c, prop(c, prop(c, def, "_config"), "$types"), "errorShape"));

  const kinds = { query: "TRPCQueryProcedure", mutation: "TRPCMutationProcedure", subscription: "TRPCSubscriptionProcedure" } as const;
  const record = (type: ts.Type, indent: string): string => {
    const lines = c.getPropertiesOfType(type).map((entry) => {
      const value = c.getTypeOfSymbol(entry);
      const procDef = value.getProperty("_def");
      if (!procDef) return `${indent}  ${entry.name}: ${record(value, `${indent}  `)};`;
      const d = c.getTypeOfSymbol(procDef);
      const kind = c.typeToString(prop(c, d, "type")).replace(/"/g, "") as keyof typeof kinds;
      const types = prop(c, d, "$types");
      const input = printer.print(prop(c, types, "input"));
      const output = printer.print(prop(c, types, "output"));
      return `${indent}  ${entry.name}: ${kinds[kind]}<{ input: ${input}; output: ${output}; meta: object }>;`;
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  };
  const procedures = record(prop(c, def, "record"), "");

  const text = [
    "// Generated by packages/client/scripts/generate-router.ts from src/server/trpc/root.ts. Do not edit.",
    "/* eslint-disable */",
    'import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure, TRPCSubscriptionProcedure } from "@trpc/server";',
    "",
    ...printer.aliases,
    `type TErrorShape = ${errorShape};`,
    "",
    "/** Embark's API as the typed client sees it: procedures with their inputs and outputs. */",
    `export type AppRouter = TRPCBuiltRouter<{ ctx: object; meta: object; errorShape: TErrorShape; transformer: true }, ${procedures}>;`,
    "",
  ].join("\n");
  writeFileSync(out, text);
  process.stdout.write(`wrote ${path.relative(root, out)} (${(text.length / 1024).toFixed(0)} KB)\n`);
}

main();
