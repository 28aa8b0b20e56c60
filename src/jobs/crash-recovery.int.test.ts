import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { killFixtureProcesses, killProcessGroup, startFixtureProcess } from "./fixture-process";
import { eventually } from "./testing";

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "crash.fixture.ts");
let client: pg.Client;

const startWorker = (queue: string, holdMs: number, flags: string[]) =>
  startFixtureProcess(fixture, [queue, String(holdMs), ...flags], { ownGroup: true });

async function countsBy(table: "test_job_attempts" | "test_job_effects", ids: string[]): Promise<Record<string, number>> {
  const { rows } = await client.query<{ job_id: string; n: number }>(
    `SELECT job_id::text, count(*)::int AS n FROM ${table} WHERE job_id = ANY($1::uuid[]) GROUP BY job_id`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.job_id, r.n]));
}

beforeAll(async () => {
  client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  await client.query("CREATE TABLE IF NOT EXISTS test_job_attempts (job_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())");
  await client.query("CREATE TABLE IF NOT EXISTS test_job_effects (job_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT now())");
});
afterAll(async () => {
  await client.end();
});
afterEach(() => killFixtureProcesses());

describe("crash recovery", () => {
  it("runs the jobs of a worker killed mid-run (kill -9 of its process group) again within 60 s, none twice", async () => {
    const queue = `test.crash-${randomBytes(4).toString("hex")}`;
    // Six jobs, four of them running (and holding far longer than the test) when the worker dies.
    const doomed = startWorker(queue, 10 * 60_000, ["--enqueue", "6", "--concurrency", "4"]);
    const ids = (await doomed.line("ENQUEUED ")).split(" ").slice(1);
    expect(ids).toHaveLength(6);
    const running = (await doomed.lines("STARTED ", 4)).map((l) => l.split(" ")[1]!);
    killProcessGroup(doomed);
    expect((await doomed.exited).signal).toBe("SIGKILL");
    const { rows: active } = await client.query("SELECT id FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'active'", [running]);
    expect(active).toHaveLength(4);

    // The restart: its own jobs hold 12 s, longer than the 10 s heartbeat, so
    // only a renewed heartbeat keeps them from being taken for lost.
    const restarted = startWorker(queue, 12_000, ["--concurrency", "4"]);
    await restarted.line("READY");
    const terminal = await eventually(
      async () => {
        const { rows } = await client.query<{ id: string; state: string; retry_count: number }>(
          "SELECT id::text, state, retry_count FROM pgboss.job WHERE id = ANY($1::uuid[])",
          [ids],
        );
        return rows.length === 6 && rows.every((r) => r.state === "completed") ? rows : null;
      },
      { timeoutMs: 60_000, what: "every job of the killed worker to complete" },
    );

    // Each job's side effect happened exactly once; the four lost ones were started twice.
    expect(await countsBy("test_job_effects", ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    expect(await countsBy("test_job_attempts", ids)).toEqual(
      Object.fromEntries(ids.map((id) => [id, running.includes(id) ? 2 : 1])),
    );
    expect(Object.fromEntries(terminal.map((r) => [r.id, r.retry_count]))).toEqual(
      Object.fromEntries(ids.map((id) => [id, running.includes(id) ? 1 : 0])),
    );

    restarted.child.kill("SIGTERM");
    expect((await restarted.exited).code).toBe(0);
  }, 120_000);
});
