import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/env";
import { currentBoss } from "@/jobs/boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { JOB_DEFINITIONS } from "@/jobs/registry";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { SETTLED_SENSITIVE_BODY_TTL_MS } from "@/server/services/outbox/expire-sensitive-outbox-bodies";
import { STUCK_GRACE_MS, STUCK_REASONS } from "@/server/services/outbox/fail-stuck-outbox-messages";
import { newOutboxId } from "@/server/services/outbox/outbox-id";
import { EXPIRED_BODY } from "@/server/services/outbox/outbox-status";
import { queueEmail } from "@/server/services/outbox/queue-email";
import { sealBody } from "@/server/services/outbox/sealed-body";
import { resetDatabase } from "../../../../test/support/db";
import { outboxMaintainJob } from "./maintain";
import { createOutboxMaintainHandler } from "./maintain.handler";

const HOUR = 60 * 60 * 1000;
const boss = () => currentBoss()!;
const row = (id: string) =>
  db().outboxMessage.findUniqueOrThrow({ where: { id }, select: { status: true, lastError: true, body: true } });

/**
 * A sensitive message queued `ageMs` ago whose only delivery job ended with
 * its last attempt cut short (what pg-boss leaves after a shutdown or expiry).
 */
async function stuckCode(ageMs: number) {
  const { id } = await queueEmail({ to: "ada@example.com", subject: "Code", text: "Your code is 551903", sensitive: true });
  await db().outboxMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - ageMs) } });
  await db().$executeRaw`
    UPDATE pgboss.job SET state = 'failed', retry_count = retry_limit, completed_on = now()
     WHERE name = 'mail.send' AND data->>'messageId' = ${id}`;
  return id;
}

beforeEach(() => resetDatabase());

describe("outbox.maintain", () => {
  it("is registered and scheduled every five minutes", () => {
    expect(JOB_DEFINITIONS).toContain(outboxMaintainJob);
    expect(outboxMaintainJob).toMatchObject({ name: "outbox.maintain", cron: "*/5 * * * *" });
  });

  it("fails a stuck message, then removes its sensitive body once old enough, and is idempotent", async () => {
    await startJobRuntime({ role: "web" });
    try {
      const id = await stuckCode(0);
      const start = Date.now();
      const at = (ms: number) => createOutboxMaintainHandler({ now: () => new Date(start + ms) });
      const ctx = { jobId: "test", retryCount: 0, retryLimit: 0, isLastAttempt: true, signal: new AbortController().signal };

      await at(STUCK_GRACE_MS - 60_000)({}, ctx);
      expect((await row(id)).status).toBe("queued");

      await at(STUCK_GRACE_MS + 60_000)({}, ctx);
      const failed = await row(id);
      expect(failed).toMatchObject({ status: "failed", lastError: STUCK_REASONS.failed });
      expect(failed.body).toMatch(/^enc:v1:/);

      await at(SETTLED_SENSITIVE_BODY_TTL_MS + 60_000)({}, ctx);
      const expired = await row(id);
      expect(expired).toEqual({ status: "failed", lastError: STUCK_REASONS.failed, body: EXPIRED_BODY });

      await at(SETTLED_SENSITIVE_BODY_TTL_MS + 60_000)({}, ctx);
      expect(await row(id)).toEqual(expired);
    } finally {
      await stopJobRuntime();
    }
  });

  describe("through a worker", () => {
    beforeAll(() => startJobRuntime({ role: "worker", definitions: [outboxMaintainJob], pollingIntervalSeconds: 0.5 }));
    afterAll(() => stopJobRuntime());

    it("registers its cron schedule in UTC", async () => {
      expect(await boss().getSchedules("outbox.maintain")).toEqual([
        expect.objectContaining({ name: "outbox.maintain", cron: "*/5 * * * *", timezone: "UTC" }),
      ]);
    });

    it("runs the scheduled payload: fails the stuck message and removes its old sensitive body", async () => {
      // No mail.send worker runs here; a message whose job is gone is stuck all the same.
      const id = newOutboxId();
      await db().outboxMessage.create({
        data: {
          id,
          to: "ada@example.com",
          subject: "Code",
          body: sealBody({ id, text: "Your code is 551903", secret: env().AUTH_SECRET }),
          sensitive: true,
          createdAt: new Date(Date.now() - 2 * HOUR),
        },
      });
      const jobId = await boss().send("outbox.maintain", {});
      const job = await eventually(
        async () => {
          const found = await boss().getJobById("outbox.maintain", jobId!);
          return found && found.state !== "created" && found.state !== "active" ? found : undefined;
        },
        { what: "the outbox.maintain job to finish" },
      );
      expect(job.state).toBe("completed");
      expect(await row(id)).toEqual({ status: "failed", lastError: STUCK_REASONS.missing, body: EXPIRED_BODY });
    });
  });
});
