/**
 * Benchmarks: `npm run bench` runs every `bench/*.bench.ts`
 * (`npm run bench -- job-pickup` runs the ones named). Each compares
 * Embark's path (candidate) with a bare baseline measured in the same run on
 * the same throwaway Postgres, and reports candidate/baseline ratios: a table
 * on stdout and bench/results.json.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { rawEnv } from "@/env";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/server/database/embedded";
import { applyMigrations } from "@/server/database/migrate";
import { percentile, type TBenchMeasurements, type TBenchModule } from "./support";

const BENCH_DIR = import.meta.dirname;
const RESULTS_FILE = path.join(BENCH_DIR, "results.json");
const RESULTS_MD = path.join(BENCH_DIR, "RESULTS.md");
const README = path.join(BENCH_DIR, "..", "README.md");
const README_START = "<!-- bench-results:start -->";
const README_END = "<!-- bench-results:end -->";
/**
 * A hung benchmark (a job that never arrives) fails the run instead of holding
 * it: no single benchmark may take longer than this (list-scale's seeding of
 * a million rows and a first production build are the slow ones).
 */
const WATCHDOG_MS = 15 * 60_000;

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

type TSideSummary = { label: string; n: number; p50: number; p95: number };
type TBenchSummary = {
  name: string;
  description: string;
  metric: string;
  unit: string;
  baseline: TSideSummary;
  candidate: TSideSummary;
  /** candidate / baseline: above 1 means Embark's path is slower by that factor. */
  ratio: { p50: number; p95: number };
};

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

function summarize(mod: TBenchModule, m: TBenchMeasurements): TBenchSummary {
  const side = (s: TBenchMeasurements["baseline"]): TSideSummary => ({
    label: s.label,
    n: s.samples.length,
    p50: percentile(s.samples, 50),
    p95: percentile(s.samples, 95),
  });
  const baseline = side(m.baseline);
  const candidate = side(m.candidate);
  return {
    name: mod.name,
    description: mod.description,
    metric: m.metric,
    unit: m.unit ?? "ms",
    baseline: { ...baseline, p50: round(baseline.p50), p95: round(baseline.p95) },
    candidate: { ...candidate, p50: round(candidate.p50), p95: round(candidate.p95) },
    ratio: { p50: round(candidate.p50 / baseline.p50), p95: round(candidate.p95 / baseline.p95) },
  };
}

function table(results: readonly TBenchSummary[]): string {
  const header = ["benchmark", "n", "baseline p50", "baseline p95", "candidate p50", "candidate p95", "ratio p50", "ratio p95"];
  const rows = results.map((r) => [
    r.name,
    String(r.candidate.n),
    `${r.baseline.p50.toFixed(2)} ${r.unit}`,
    `${r.baseline.p95.toFixed(2)} ${r.unit}`,
    `${r.candidate.p50.toFixed(2)} ${r.unit}`,
    `${r.candidate.p95.toFixed(2)} ${r.unit}`,
    `${r.ratio.p50.toFixed(2)}×`,
    `${r.ratio.p95.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? `-${"-".repeat(w)}-` : `-${"-".repeat(w)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The markdown table README.md and bench/RESULTS.md show. */
function markdown(results: readonly TBenchSummary[], measuredAt: string, machine: string): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.baseline.label} | ${r.candidate.label} | ${r.candidate.n} | ${r.baseline.p50.toFixed(2)} / ${r.baseline.p95.toFixed(2)} ${r.unit} | ${r.candidate.p50.toFixed(2)} / ${r.candidate.p95.toFixed(2)} ${r.unit} | ${r.ratio.p50.toFixed(2)}× / ${r.ratio.p95.toFixed(2)}× |`,
  );
  return [
    `Measured ${measuredAt.slice(0, 16).replace("T", " ")} UTC on ${machine}; ratio = candidate / baseline (lower is better).`,
    "",
    "| benchmark | baseline | candidate | n | baseline p50 / p95 | candidate p50 / p95 | ratio p50 / p95 |",
    "|---|---|---|--:|--:|--:|--:|",
    ...rows,
  ].join("\n");
}

/** Writes bench/RESULTS.md and replaces the table between README.md's markers. */
async function writeMarkdown(md: string): Promise<void> {
  await writeFile(RESULTS_MD, `# Benchmark results\n\nWritten by \`npm run bench\`; see bench/README.md.\n\n${md}\n`);
  const readme = await readFile(README, "utf8");
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  await writeFile(README, `${readme.slice(0, start + README_START.length)}\n${md}\n${readme.slice(end)}`);
}

async function loadBenchmarks(only: readonly string[]): Promise<TBenchModule[]> {
  const files = (await readdir(BENCH_DIR)).filter((f) => f.endsWith(".bench.ts")).sort();
  const mods: TBenchModule[] = [];
  for (const file of files) mods.push((await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as TBenchModule);
  const unknown = only.filter((n) => !mods.some((m) => m.name === n));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(", ")} (have: ${mods.map((m) => m.name).join(", ")})`);
  return only.length ? mods.filter((m) => only.includes(m.name)) : mods;
}

async function main(only: readonly string[]): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "embark-bench-"));
  let server: TEmbeddedPostgres | undefined;
  const cleanUp = async () => {
    await server?.stop();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  };
  let watchdog: NodeJS.Timeout | undefined;
  /** Restarted as each benchmark begins, so the limit is per benchmark, not for the whole run. */
  const armWatchdog = (what: string) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      say(`${what} still running after ${WATCHDOG_MS / 60_000} minutes: giving up`);
      void cleanUp().finally(() => process.exit(1));
    }, WATCHDOG_MS);
    watchdog.unref();
  };
  armWatchdog("setup");

  try {
    server = await startEmbeddedPostgres({ dataDir, noSync: true, database: "embark_bench" });
    say(`postgres on port ${server.port}, migrating`);
    await applyMigrations({ databaseUrl: server.url });

    // Before any app module loads: they read configuration through src/env.ts on first use.
    const environment = rawEnv();
    environment.DATABASE_URL = server.url;
    environment.AUTH_SECRET = randomBytes(32).toString("base64url");
    environment.INTERNAL_API_KEY = randomBytes(32).toString("base64url");
    environment.LOG_LEVEL ||= "warn";
    // What a production start (idle-memory's `next start` and `npm start`) requires.
    environment.LICENSE_SIGNING_KEY = randomBytes(32).toString("base64url");
    environment.EMBARK_PUBLIC_URL ||= "http://127.0.0.1";

    const benchmarks = await loadBenchmarks(only);
    const results: TBenchSummary[] = [];
    for (const mod of benchmarks) {
      armWatchdog(mod.name);
      say(`${mod.name}: ${mod.description}`);
      const measured = await mod.run({ databaseUrl: server.url, log: say });
      results.push(summarize(mod, measured));
    }

    const cpus = os.cpus();
    const report = {
      measuredAt: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? "unknown",
      },
      postgres: "embedded, throwaway cluster, fsync off",
      ratio: "candidate / baseline; 1.00 = as fast (or as small) as the baseline, 2.00 = twice as long (or as large)",
      benchmarks: results,
    };
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    // A partial run (`npm run bench -- name`) leaves the published tables alone.
    if (only.length === 0) await writeMarkdown(markdown(results, report.measuredAt, `${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, ${report.postgres}`));
    process.stdout.write(`\n${table(results)}\n\nratio = candidate / baseline (lower is better). Written to ${path.relative(process.cwd(), RESULTS_FILE)}\n`);
  } finally {
    clearTimeout(watchdog);
    await cleanUp();
  }
}

// The schema engine and pg pools can leave handles open: exit explicitly.
main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
