import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deadLetterQueueOf, defineJob, defineScheduledJob } from "./define-job";

const base = {
  payload: z.object({}),
  retry: { limit: 1, delaySeconds: 0, backoff: false },
  handler: async () => ({ default: async () => undefined }),
};

describe("defineJob", () => {
  it("accepts area.verb names and defaults the dead-letter queue", () => {
    const def = defineJob({ ...base, name: "mail.send" });
    expect(deadLetterQueueOf(def)).toBe("mail.send.dead");
    expect(deadLetterQueueOf(defineJob({ ...base, name: "mail.send", deadLetter: "mail.graveyard" }))).toBe(
      "mail.graveyard",
    );
  });

  it("rejects names pg-boss or operators would trip over", () => {
    expect(() => defineJob({ ...base, name: "send" })).toThrow(/area\.verb/);
    expect(() => defineJob({ ...base, name: "Mail.Send" })).toThrow(/area\.verb/);
    expect(() => defineJob({ ...base, name: "mail.send", deadLetter: "dead letters" })).toThrow(/dead-letter/);
  });

  it("rejects impossible retry policies", () => {
    expect(() => defineJob({ ...base, name: "mail.send", retry: { limit: -1, delaySeconds: 0, backoff: false } })).toThrow();
    expect(() => defineJob({ ...base, name: "mail.send", retry: { limit: 1, delaySeconds: 0.5, backoff: false } })).toThrow();
    expect(() => defineJob({ ...base, name: "mail.send", heartbeatSeconds: 5 })).toThrow(/heartbeatSeconds/);
    expect(defineJob({ ...base, name: "mail.send", heartbeatSeconds: 10 }).heartbeatSeconds).toBe(10);
  });
});

describe("defineScheduledJob", () => {
  const handler = base.handler;
  const scheduled = defineScheduledJob({ name: "area.tick", cron: "*/5 * * * *", expireInSeconds: 60, handler });

  it("is never retried (the next tick is the retry) and takes only an empty payload", () => {
    expect(scheduled).toMatchObject({ name: "area.tick", cron: "*/5 * * * *", retry: { limit: 0, backoff: false } });
    expect(scheduled.payload.safeParse({}).success).toBe(true);
    expect(scheduled.payload.safeParse(null).success).toBe(false);
  });

  it("checks its name like any job", () => {
    expect(() => defineScheduledJob({ name: "Tick", cron: "* * * * *", handler })).toThrow(/area\.verb/);
  });
});
