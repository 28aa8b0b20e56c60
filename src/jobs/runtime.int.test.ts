import { EventEmitter } from "node:events";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/server/db";
import { createSmtpMailer, type TMailer } from "@/server/integrations/mail/smtp-mailer";
import { startSmtpTestServer, type TSmtpTestServer } from "@/server/integrations/mail/smtp-test-server";
import { queueEmail } from "@/server/services/outbox/queue-email";
import { currentBoss } from "./boss";
import { defineJob, JOB_HEARTBEAT_SECONDS, type TJobContext } from "./define-job";
import { createMailSendHandler } from "./definitions/mail/send.handler";
import { mailSendJob } from "./definitions/mail/send";
import { jobQueueHealth, startJobRuntime, stopJobRuntime } from "./runtime";
import { eventually } from "./testing";

let smtp: TSmtpTestServer;
let mailer: TMailer;
/** Emits "attempt" after each run of the mail handler, with the message id and any error. */
const attempts = new EventEmitter<{ attempt: [{ messageId: string; error?: unknown }] }>();

/** The real mail.send definition and handler core, pointed at the test SMTP server, with quick retries. */
const testMailJob = defineJob({
  ...mailSendJob,
  retry: { limit: 2, delaySeconds: 0, backoff: false },
  handler: async () => {
    const inner = createMailSendHandler({ mailer: () => mailer });
    return {
      default: async (payload: { messageId: string }, ctx: TJobContext) => {
        try {
          await inner(payload, ctx);
          attempts.emit("attempt", { messageId: payload.messageId });
        } catch (error) {
          attempts.emit("attempt", { messageId: payload.messageId, error });
          throw error;
        }
      },
    };
  },
});

function nextAttempt(messageId: string): Promise<{ messageId: string; error?: unknown }> {
  return new Promise((resolve) => {
    const listener = (a: { messageId: string; error?: unknown }) => {
      if (a.messageId !== messageId) return;
      attempts.off("attempt", listener);
      resolve(a);
    };
    attempts.on("attempt", listener);
  });
}

const jobState = (queue: string, messageId: string) => async () => {
  const [job] = await currentBoss()!.findJobs(queue, { data: { messageId } });
  return job;
};

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  mailer = createSmtpMailer({ url: smtp.url, from: "Embark <no-reply@embark.test>" });
});
afterAll(async () => {
  await stopJobRuntime();
  await smtp?.close();
});

describe("job runtime, role all", () => {
  beforeAll(() => startJobRuntime({ role: "all", definitions: [testMailJob], pollingIntervalSeconds: 0.5 }));
  afterAll(() => stopJobRuntime());

  it("reports ok while running", async () => {
    expect(await jobQueueHealth()).toBe("ok");
  });

  it("gives every queue a heartbeat, so a dead worker's jobs are not held until they expire", async () => {
    const queue = await currentBoss()!.getQueue(testMailJob.name);
    expect(queue).toMatchObject({ heartbeatSeconds: JOB_HEARTBEAT_SECONDS });
    expect(queue!.expireInSeconds).toBeGreaterThan(JOB_HEARTBEAT_SECONDS);
  });

  it("delivers a queued email through a worker and marks it sent", async () => {
    const delivered = smtp.mailTo("lin@example.com");
    const { id } = await queueEmail({ to: "lin@example.com", subject: "Welcome", text: "Hello Lin" });
    const attempt = nextAttempt(id);
    const mail = await delivered;
    expect(mail.rcptTo).toEqual(["lin@example.com"]);
    expect(mail.text).toBe("Hello Lin");
    expect((await attempt).error).toBeUndefined();
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent", attempts: 1 });
    const job = await eventually(async () => {
      const j = await jobState("mail.send", id)();
      return j?.state === "completed" && j;
    });
    expect(job.state).toBe("completed");
  });

  it("retries a refused delivery, then fails it into the dead-letter queue with the error on the row", async () => {
    smtp.rejectRecipients({ code: 550, message: "5.1.1 no such mailbox" });
    try {
      const { id } = await queueEmail({ to: "ghost@example.com", subject: "Hi", text: "x" });
      // retry.limit 2: three attempts in all.
      for (let i = 0; i < 3; i++) expect((await nextAttempt(id)).error).toBeDefined();
      const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "failed", attempts: 3 });
      expect(row.lastError).toContain("550 5.1.1 no such mailbox");
      const dead = await eventually(jobState("mail.send.dead", id), { what: "the dead-lettered job" });
      expect(dead.data).toEqual({ messageId: id });
      expect((await jobState("mail.send", id)())?.state).toBe("failed");
    } finally {
      smtp.rejectRecipients(null);
    }
  });

  it("dead-letters a queued payload that no longer parses, without running the handler", async () => {
    const messageId = "garbage";
    let ran = false;
    const listener = (a: { messageId: string }) => {
      if (a.messageId === messageId) ran = true;
    };
    attempts.on("attempt", listener);
    await currentBoss()!.send("mail.send", { messageId });
    const dead = await eventually(jobState("mail.send.dead", messageId), { what: "the dead-lettered job" });
    attempts.off("attempt", listener);
    expect(dead.data).toEqual({ messageId });
    expect(ran).toBe(false);
  });
});

describe("job runtime lifecycle", () => {
  afterEach(() => stopJobRuntime());

  it("is disabled before start and after stop", async () => {
    expect(await jobQueueHealth()).toBe("disabled");
    await startJobRuntime({ role: "web", definitions: [testMailJob] });
    expect(await jobQueueHealth()).toBe("ok");
    await stopJobRuntime();
    expect(await jobQueueHealth()).toBe("disabled");
  });

  it("is down while it cannot start, and refuses a second start in another role", async () => {
    const starting = startJobRuntime({ role: "web", definitions: [testMailJob], connectionString: "postgres://x:y@127.0.0.1:1/none" });
    expect(await jobQueueHealth()).toBe("down");
    await expect(starting).rejects.toThrow();
    expect(await jobQueueHealth()).toBe("disabled");

    await startJobRuntime({ role: "web", definitions: [testMailJob] });
    await expect(startJobRuntime({ role: "worker", definitions: [testMailJob] })).rejects.toThrow(/already started as "web"/);
  });

  it("runs no workers in the web role, but can enqueue", async () => {
    await startJobRuntime({ role: "web", definitions: [testMailJob] });
    expect(currentBoss()!.getWipData()).toEqual([]);
    const { id } = await queueEmail({ to: "web@example.com", subject: "Hi", text: "x" });
    expect((await jobState("mail.send", id)())?.state).toBe("created");
  });

  it("registers cron schedules for definitions that have one, and removes them when dropped", async () => {
    const tick = defineJob({
      name: "test.tick",
      payload: z.object({}),
      retry: { limit: 0, delaySeconds: 0, backoff: false },
      cron: "*/5 * * * *",
      handler: async () => ({ default: async () => undefined }),
    });
    await startJobRuntime({ role: "worker", definitions: [tick] });
    expect(await currentBoss()!.getSchedules("test.tick")).toEqual([
      expect.objectContaining({ name: "test.tick", cron: "*/5 * * * *", timezone: "UTC" }),
    ]);
    await stopJobRuntime();
    await startJobRuntime({ role: "worker", definitions: [defineJob({ ...tick, cron: undefined })] });
    expect(await currentBoss()!.getSchedules("test.tick")).toEqual([]);
  });
});
