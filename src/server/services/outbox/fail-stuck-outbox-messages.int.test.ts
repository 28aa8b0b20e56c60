import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentBoss } from "@/jobs/boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { resetDatabase } from "../../../../test/support/db";
import { failStuckOutboxMessages, STUCK_GRACE_MS, STUCK_REASONS } from "./fail-stuck-outbox-messages";
import { queueEmail } from "./queue-email";
import { retryOutboxMessage } from "./retry-outbox-message";

const MINUTE = 60 * 1000;
/** A clock past the grace period of every message queued by a test. */
const later = () => new Date(Date.now() + STUCK_GRACE_MS + MINUTE);

const boss = () => currentBoss()!;
const row = (id: string) =>
  db().outboxMessage.findUniqueOrThrow({ where: { id }, select: { status: true, lastError: true, body: true } });

async function jobOf(messageId: string) {
  const jobs = await boss().findJobs("mail.send", { data: { messageId } });
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

async function queued(to = "ada@example.com") {
  const { id } = await queueEmail({ to, subject: "Welcome", text: "Hello" });
  return id;
}

/** What pg-boss leaves behind when a job's last attempt is cut short by a shutdown or its expiry. */
async function failLastAttempt(messageId: string) {
  const job = await jobOf(messageId);
  await db().$executeRaw`
    UPDATE pgboss.job SET state = 'failed', retry_count = retry_limit, completed_on = now() WHERE id = ${job.id}::uuid`;
}

// Send-only: no worker touches the jobs, so each test sets their states itself.
beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(() => resetDatabase());

describe("failStuckOutboxMessages", () => {
  it("fails a queued message whose delivery job failed, saying why", async () => {
    const id = await queued();
    await failLastAttempt(id);
    expect(await failStuckOutboxMessages({ now: later() })).toEqual({ failed: 1 });
    expect(await row(id)).toMatchObject({ status: "failed", lastError: STUCK_REASONS.failed, body: "Hello" });
  });

  it("fails a queued message whose job was cancelled, completed without a result, or is gone", async () => {
    const completed = await queued("d@example.com");
    const [taken] = await boss().fetch("mail.send", { batchSize: 1 });
    expect(taken!.id).toBe((await jobOf(completed)).id);
    await boss().complete("mail.send", taken!.id);
    const cancelled = await queued("c@example.com");
    await boss().cancel("mail.send", (await jobOf(cancelled)).id);
    const missing = await queued("m@example.com");
    await boss().deleteJob("mail.send", (await jobOf(missing)).id);

    expect((await jobOf(completed)).state).toBe("completed");
    expect((await jobOf(cancelled)).state).toBe("cancelled");
    expect(await boss().findJobs("mail.send", { data: { messageId: missing } })).toEqual([]);

    expect(await failStuckOutboxMessages({ now: later() })).toEqual({ failed: 3 });
    expect(await row(cancelled)).toMatchObject({ status: "failed", lastError: STUCK_REASONS.cancelled });
    expect(await row(completed)).toMatchObject({ status: "failed", lastError: STUCK_REASONS.completed });
    expect(await row(missing)).toMatchObject({ status: "failed", lastError: STUCK_REASONS.missing });
  });

  it("leaves a queued message alone while its job is created, waiting to retry, or active", async () => {
    const active = await queued("a@example.com");
    expect(await boss().fetch("mail.send", { batchSize: 1 })).toHaveLength(1);
    const created = await queued("b@example.com");
    const retrying = await queued("c@example.com");
    await boss().fail("mail.send", (await jobOf(retrying)).id, { message: "relay down" });
    expect((await jobOf(active)).state).toBe("active");
    expect((await jobOf(created)).state).toBe("created");
    expect((await jobOf(retrying)).state).toBe("retry");

    expect(await failStuckOutboxMessages({ now: later() })).toEqual({ failed: 0 });
    for (const id of [active, created, retrying]) expect((await row(id)).status).toBe("queued");
  });

  it("leaves a message inside the grace period alone even when its job failed", async () => {
    const id = await queued();
    await failLastAttempt(id);
    const justBeforeGraceEnds = new Date(Date.now() + STUCK_GRACE_MS - MINUTE);
    expect(await failStuckOutboxMessages({ now: justBeforeGraceEnds })).toEqual({ failed: 0 });
    expect((await row(id)).status).toBe("queued");
  });

  it("leaves a retried message alone: its old job failed but the new one is live", async () => {
    const id = await queued();
    await failLastAttempt(id);
    await db().outboxMessage.update({ where: { id }, data: { status: "failed", lastError: "550 no such mailbox" } });
    await retryOutboxMessage({ id });
    expect((await boss().findJobs("mail.send", { data: { messageId: id } })).map((j) => j.state).sort()).toEqual([
      "created",
      "failed",
    ]);

    expect(await failStuckOutboxMessages({ now: later() })).toEqual({ failed: 0 });
    expect(await row(id)).toMatchObject({ status: "queued", lastError: null });
  });

  it("never touches a message that is no longer queued", async () => {
    const sent = await queued("s@example.com");
    const held = await queued("h@example.com");
    for (const id of [sent, held]) await failLastAttempt(id);
    await db().outboxMessage.update({ where: { id: sent }, data: { status: "sent", lastError: null } });
    await db().outboxMessage.update({ where: { id: held }, data: { status: "held", lastError: "kept" } });

    expect(await failStuckOutboxMessages({ now: later() })).toEqual({ failed: 0 });
    expect(await row(sent)).toMatchObject({ status: "sent", lastError: null });
    expect(await row(held)).toMatchObject({ status: "held", lastError: "kept" });
  });

  it("changes nothing more when run again", async () => {
    const stuck = await queued("a@example.com");
    await failLastAttempt(stuck);
    const live = await queued("b@example.com");
    const now = later();

    expect(await failStuckOutboxMessages({ now })).toEqual({ failed: 1 });
    const snapshot = await db().outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(await failStuckOutboxMessages({ now })).toEqual({ failed: 0 });
    expect(await db().outboxMessage.findMany({ orderBy: { id: "asc" } })).toEqual(snapshot);
    expect((await row(live)).status).toBe("queued");
  });
});
