import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { killFixtureProcesses, startFixtureProcess, type TFixtureProcess } from "./fixture-process";

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "shutdown.fixture.ts");
let client: pg.Client;

function startWorker(
  queue: string,
  holdMs: number,
  opts: { enqueue?: boolean; holdInDb?: boolean; graceMs?: number } = {},
): TFixtureProcess {
  const flags = [...(opts.enqueue ? ["--enqueue"] : []), ...(opts.holdInDb ? ["--hold-in-db"] : [])];
  return startFixtureProcess(fixture, [queue, String(holdMs), ...flags], {
    env: { EMBARK_SHUTDOWN_TIMEOUT_MS: String(opts.graceMs ?? 7000) },
  });
}

async function jobRow(id: string): Promise<{ state: string; retry_count: number }> {
  const { rows } = await client.query("SELECT state, retry_count FROM pgboss.job WHERE id = $1", [id]);
  return rows[0];
}

const queueName = () => `test.slow-${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});
afterEach(() => killFixtureProcesses());

describe("graceful shutdown on SIGTERM", () => {
  it("lets a running job finish, then exits 0 well within 10 s", async () => {
    const worker = startWorker(queueName(), 1500, { enqueue: true });
    const jobId = (await worker.line("ENQUEUED ")).split(" ")[1]!;
    await worker.line(`STARTED ${jobId}`);
    const signalled = Date.now();
    worker.child.kill("SIGTERM");
    const { code, at } = await worker.exited;

    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    await expect(worker.line(`FINISHED ${jobId}`)).resolves.toBeDefined();
    expect((await jobRow(jobId)).state).toBe("completed");
  }, 30_000);

  it("exits in time when a handler outlives the grace, and the job runs again elsewhere", async () => {
    const queue = queueName();
    const stuck = startWorker(queue, 10 * 60_000, { enqueue: true, graceMs: 1000 });
    const jobId = (await stuck.line("ENQUEUED ")).split(" ")[1]!;
    await stuck.line(`STARTED ${jobId}`);
    const signalled = Date.now();
    stuck.child.kill("SIGTERM");
    const { code, at } = await stuck.exited;

    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    // Failed back by pg-boss as the grace ran out: waiting for a retry, not lost, not active.
    expect((await jobRow(jobId)).state).toBe("retry");

    const next = startWorker(queue, 0);
    await next.line(`FINISHED ${jobId}`);
    next.child.kill("SIGTERM");
    expect((await next.exited).code).toBe(0);
    expect(await jobRow(jobId)).toEqual({ state: "completed", retry_count: 1 });
  }, 30_000);

  it("still exits within 10 s when closing the database hangs behind a stuck query", async () => {
    // The abandoned handler keeps its pooled connection busy, so closing
    // Prisma's pool never finishes: only the hard timer ends the process.
    const stuck = startWorker(queueName(), 60_000, { enqueue: true, holdInDb: true, graceMs: 1000 });
    const jobId = (await stuck.line("ENQUEUED ")).split(" ")[1]!;
    await stuck.line(`STARTED ${jobId}`);
    const signalled = Date.now();
    stuck.child.kill("SIGTERM");
    const { code, at } = await stuck.exited;

    expect(code).toBe(1);
    expect(at - signalled).toBeLessThan(10_000);
    expect((await jobRow(jobId)).state).toBe("retry");
    // Postgres notices the dead client only when the sleep ends; end it now.
    await client.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()",
    );
  }, 30_000);
});
