import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reloadEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/server/database/embedded";
import { applyMigrations } from "@/server/database/migrate";
import { db } from "@/server/db";
import { startSmtpTestServer, type TSmtpTestServer } from "@/server/integrations/mail/smtp-test-server";
import { queueEmail } from "@/server/services/outbox/queue-email";
import { killFixtureProcesses, startFixtureProcess } from "../fixture-process";

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.fixture.ts");

let dataDir: string;
let postgres: TEmbeddedPostgres;
let smtp: TSmtpTestServer;

// A cluster of this test's own, so stopping it disturbs no other test.
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "embark-pg-restart-"));
  postgres = await startEmbeddedPostgres({ dataDir, noSync: true });
  await applyMigrations({ databaseUrl: postgres.url });
  smtp = await startSmtpTestServer();
  // Before anything in this process opened the database: the app's client and job runtime use this cluster.
  Object.assign(process.env, { DATABASE_URL: postgres.url, SMTP_URL: smtp.url });
  reloadEnv();
  await startJobRuntime({ role: "web" });
}, 120_000);
afterAll(async () => {
  killFixtureProcesses();
  await stopJobRuntime();
  await db().$disconnect();
  await smtp.close();
  await postgres.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("Postgres restarted while jobs flow", () => {
  it("the worker reconnects within 10 s of Postgres being back, and every mail queued is sent once", async () => {
    const worker = startFixtureProcess(fixture, [], { env: { DATABASE_URL: postgres.url, SMTP_URL: smtp.url } });
    await worker.line("READY");

    // A producer queues five mails a second (about what one worker sends);
    // what Postgres refused while it was down was never accepted, what it
    // committed must all go out.
    const queued: string[] = [];
    let refused = 0;
    let producing = true;
    const producer = (async () => {
      for (let n = 0; producing; n++) {
        try {
          queued.push((await queueEmail({ to: `user${n}@example.com`, subject: `Flow ${n}`, text: `mail ${n}` })).id);
        } catch {
          refused += 1;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    const sentCount = () => db().outboxMessage.count({ where: { id: { in: [...queued] }, status: "sent" } });
    await eventually(async () => (await sentCount()) >= 10, { timeoutMs: 30_000, what: "mail to flow before the restart" });

    // Postgres goes away while the SMTP server holds a mail; the server then
    // accepts it, so the worker must record a sent mail with no database.
    smtp.holdMessages(true);
    const acceptedBefore = smtp.received.length;
    await smtp.held(1);
    await postgres.stop();
    smtp.holdMessages(false);
    await eventually(async () => smtp.received.length > acceptedBefore, { what: "the held mail to be accepted" });
    postgres = await startEmbeddedPostgres({ dataDir, noSync: true, port: postgres.port });
    const before = queued.length;

    // Mail queued after the restart goes out within 10 s: the worker is back.
    await eventually(async () => queued.length > before && queued.length, { timeoutMs: 10_000, what: "the producer to queue again" });
    const probe = queued[queued.length - 1]!;
    await eventually(
      async () => (await db().outboxMessage.findUnique({ where: { id: probe } }))?.status === "sent",
      { timeoutMs: 10_000, what: "the worker to send mail again after the restart" },
    );
    producing = false;
    await producer;

    await eventually(async () => (await sentCount()) === queued.length, {
      timeoutMs: 60_000,
      what: "every queued mail to be sent",
    });
    expect(refused).toBeGreaterThan(0);
    // Each mail reached the SMTP server once (its Message-ID carries the outbox id).
    const received = smtp.received.map((m) => m.headers.get("message-id")!.replace(/^<|@.*$/g, ""));
    expect(received.sort()).toEqual([...queued].sort());
    expect(worker.child.exitCode).toBeNull();

    worker.child.kill("SIGTERM");
    expect((await worker.exited).code).toBe(0);
  }, 180_000);
});
