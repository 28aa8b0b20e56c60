import { execFile } from "node:child_process";
import { captured } from "./support/log-capture";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env, rawEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { startTrpcServer, type TTrpcServer } from "./support/trpc-server";

/**
 * @embark/client as another app gets it: built (`npm run client:build`),
 * packed, installed from the tarball into a fresh strict NodeNext project
 * (offline: its dependencies are packed from this repository's node_modules,
 * TypeScript is linked from it), typechecked, and run against a server.
 */
const root = path.resolve(import.meta.dirname, "..");
const pkgDir = path.join(root, "packages", "client");
const consumer = mkdtempSync(path.join(os.tmpdir(), "embark-client-consumer-"));
const npmEnv = { ...rawEnv(), npm_config_cache: path.join(consumer, ".npm-cache"), npm_config_audit: "false", npm_config_fund: "false" };

type TRun = { code: number; stdout: string; stderr: string };
async function run(file: string, args: string[], cwd: string): Promise<TRun> {
  return promisify(execFile)(file, args, { cwd, env: npmEnv, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" }),
  ).then(captured(path.basename(file)));
}
async function ok(file: string, args: string[], cwd: string): Promise<string> {
  const r = await run(file, args, cwd);
  if (r.code !== 0) throw new Error(`${file} ${args.join(" ")} failed (${r.code}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A package and its dependencies, as installed in this repository (typescript excluded: it is linked). */
function dependencyClosure(names: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || name === "typescript") return;
    seen.add(name);
    const manifest = JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) visit(dep);
  };
  names.forEach(visit);
  return [...seen];
}

const tsc = (project: string) => run(process.execPath, [path.join(consumer, "node_modules/typescript/bin/tsc"), "-p", project], consumer);
const manifest = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
let server: TTrpcServer;

beforeAll(async () => {
  await ok("npm", ["run", "client:build"], root);
  const packed = (await ok("npm", ["pack", "--pack-destination", consumer], pkgDir)).trim().split("\n").at(-1)!;
  const deps = dependencyClosure([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]);
  const depTarballs = (await ok("npm", ["pack", "--ignore-scripts", "--pack-destination", consumer, ...deps.map((d) => path.join(root, "node_modules", d))], root))
    .trim()
    .split("\n");
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await ok("npm", ["install", "--offline", "--no-audit", "--no-fund", ...depTarballs.map((t) => `./${t}`), path.join(root, "node_modules/typescript"), `./${packed}`], consumer);
  const compilerOptions = { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, skipLibCheck: true };
  writeFileSync(path.join(consumer, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["good.ts"] }));
  writeFileSync(path.join(consumer, "tsconfig.bad.json"), JSON.stringify({ compilerOptions, files: ["bad.ts"] }));
  server = await startTrpcServer();
}, 240_000);

afterAll(async () => {
  await server?.close();
  rmSync(consumer, { recursive: true, force: true });
});

describe("@embark/client, packed and installed", () => {
  it("has @trpc/client (and superjson, its transformer) as its only runtime dependencies and self-contained types", () => {
    const installed = path.join(consumer, "node_modules/@embark/client");
    const pkg = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@trpc/client", "superjson"]);
    const dts = readFileSync(path.join(installed, pkg.exports["."].types), "utf8");
    const imports = [...dts.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(imports)).toEqual(new Set(["@trpc/client", "@trpc/server"]));
    const js = readFileSync(path.join(installed, pkg.exports["."].import), "utf8");
    expect([...js.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(["@trpc/client", "superjson"]);
  });

  it("typechecks a correct call under strict NodeNext, and a wrong one fails", async () => {
    writeFileSync(
      path.join(consumer, "good.ts"),
      `import { createEmbarkClient, TRPCClientError, type AppRouter } from "@embark/client";
const embark = createEmbarkClient({ url: "http://127.0.0.1:1", apiKey: "emb_x" });
export async function check() {
  const me = await embark.system.whoami.query();
  const kind: "anonymous" | "user" | "internal" | "apiKey" | "jobToken" | "deployToken" = me.kind;
  const keys = await embark.apiKeys.list.query({ includeRevoked: true });
  const created: Date = keys[0]!.createdAt;
  const job = await embark.jobs.get.query({ job_id: "job_1" });
  // @ts-expect-error: whoami's kind is not a number
  const wrong: number = me.kind;
  // @ts-expect-error: no such procedure
  await embark.system.nothing.query();
  const error: TRPCClientError<AppRouter> | undefined = undefined;
  return { kind, created, job, wrong, error };
}
`,
    );
    writeFileSync(
      path.join(consumer, "bad.ts"),
      `import { createEmbarkClient } from "@embark/client";
const embark = createEmbarkClient({ url: "http://127.0.0.1:1", apiKey: "emb_x" });
export const keys = embark.apiKeys.list.query({ includeRevoked: "yes" });
`,
    );
    const good = await tsc("tsconfig.json");
    expect(good.stdout + good.stderr).toBe("");
    expect(good.code).toBe(0);
    const bad = await tsc("tsconfig.bad.json");
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/bad\.ts\(3,\d+\): error TS2322: Type 'string' is not assignable to type 'boolean \| undefined'/);
  });

  it("calls a running Embark: a signup and its job, dates revived, refusals as TRPCClientError", async () => {
    const created = await createApiKey({ name: "consumer", scopes: ["system:read"], actor: { id: null, label: "test" } });
    writeFileSync(
      path.join(consumer, "call.mjs"),
      `import { createEmbarkClient, TRPCClientError } from "@embark/client";
const [url, internalKey, apiKey] = process.argv.slice(2);
const me = await createEmbarkClient({ url, apiKey }).system.whoami.query();
const internal = createEmbarkClient({ url, apiKey: internalKey });
const tenant = await internal.tenants.create.mutate({ company_name: "Packed Co", subdomain_slug: "packed-co" });
const job = await internal.jobs.get.query({ job_id: tenant.job_id });
const refused = await createEmbarkClient({ url, apiKey: "emb_wrong" }).system.whoami.query().catch((e) => e);
console.log(JSON.stringify({ me, job: { tenant_id: job.tenant_id, createdAtIsDate: job.created_at instanceof Date }, tenant, refused: refused instanceof TRPCClientError ? refused.data : null }));
`,
    );
    await startJobRuntime({ role: "web" });
    const out = JSON.parse(
      await ok(process.execPath, ["call.mjs", server.url, env().INTERNAL_API_KEY, created.key], consumer).finally(() => stopJobRuntime()),
    );
    expect(out.me).toMatchObject({ kind: "apiKey", id: created.id, name: "consumer" });
    expect(out.tenant).toMatchObject({ status: "Pending", job_id: expect.stringMatching(/^job_/) });
    expect(out.job).toEqual({ tenant_id: out.tenant.tenant_id, createdAtIsDate: true });
    expect(await db().tenant.findUnique({ where: { slug: "packed-co" }, select: { id: true } })).toEqual({ id: out.tenant.tenant_id });
    expect(out.refused).toMatchObject({ appCode: "UNAUTHORIZED", httpStatus: 401 });
  });
});
