/**
 * Fills a database with scale data: `npx tsx scripts/seed-scale.ts
 * [--jobs 1000000] [--events 10000000] [--batch 200000]` against
 * DATABASE_URL (an empty, migrated database). Prints rows/s per table.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { seedScale } from "./seed-scale-data";

const { values } = parseArgs({
  options: { jobs: { type: "string", default: "1000000" }, events: { type: "string", default: "10000000" }, batch: { type: "string", default: "200000" } },
});
const count = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${v}`);
  return n;
};
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const report = await seedScale(
    client,
    { jobs: count("jobs", values.jobs), events: count("events", values.events), batch: count("batch", values.batch) || 1 },
    (line) => process.stderr.write(`\r${line}   `),
  );
  process.stderr.write("\n");
  for (const r of report) console.log(`${r.table.padEnd(20)} ${String(r.rows).padStart(10)} rows  ${String(r.ms).padStart(8)} ms  ${r.rowsPerSecond} rows/s`);
} finally {
  await client.end();
}
