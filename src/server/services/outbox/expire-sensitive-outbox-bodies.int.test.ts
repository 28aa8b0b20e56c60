import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentBoss } from "@/jobs/boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TMailer, TOutgoingMail } from "@/server/integrations/mail/smtp-mailer";
import { resetDatabase } from "../../../../test/support/db";
import { CONTENTS_REMOVED_REASON, deliverOutboxMessage } from "./deliver-outbox-message";
import {
  EXPIRED_BEFORE_DELIVERY,
  expireSensitiveOutboxBodies,
  SENSITIVE_BODY_TTL_MS,
  SETTLED_SENSITIVE_BODY_TTL_MS,
} from "./expire-sensitive-outbox-bodies";
import { getOutboxMessage } from "./get-outbox-message";
import { listOutbox } from "./list-outbox";
import { EXPIRED_BODY, HELD_REASON, WIPED_BODY } from "./outbox-status";
import { queueEmail } from "./queue-email";
import { retryOutboxMessage } from "./retry-outbox-message";

const MINUTE = 60 * 1000;
const NOW = new Date();

const row = (id: string) =>
  db().outboxMessage.findUniqueOrThrow({ where: { id }, select: { status: true, lastError: true, body: true } });

/** A message as it stands `ageMs` before NOW, in `status`. */
async function message(opts: { sensitive: boolean; status: string; ageMs: number; text?: string }) {
  const { id } = await queueEmail({
    to: "ada@example.com",
    subject: "Your code",
    text: opts.text ?? "Your code is 551903",
    sensitive: opts.sensitive,
  });
  const lastError = opts.status === "held" ? HELD_REASON : opts.status === "failed" ? "550 no such mailbox" : null;
  await db().outboxMessage.update({
    where: { id },
    data: { status: opts.status, lastError, createdAt: new Date(NOW.getTime() - opts.ageMs) },
  });
  return id;
}

/** A mailer that records what it is asked to send. */
function recordingMailer(): TMailer & { sent: TOutgoingMail[] } {
  const sent: TOutgoingMail[] = [];
  return { sent, send: async (mail) => (sent.push(mail), { messageId: `<${mail.id}@embark.test>` }) };
}

beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(() => resetDatabase());

describe("expireSensitiveOutboxBodies", () => {
  it("removes sealed bodies of failed and held sensitive mail past an hour, and keeps recent ones", async () => {
    const past = SETTLED_SENSITIVE_BODY_TTL_MS + MINUTE;
    const recent = SETTLED_SENSITIVE_BODY_TTL_MS - MINUTE;
    const oldFailed = await message({ sensitive: true, status: "failed", ageMs: past });
    const oldHeld = await message({ sensitive: true, status: "held", ageMs: past });
    const newFailed = await message({ sensitive: true, status: "failed", ageMs: recent });
    const newHeld = await message({ sensitive: true, status: "held", ageMs: recent });

    expect(await expireSensitiveOutboxBodies({ now: NOW })).toEqual({ expired: 2 });
    expect(await row(oldFailed)).toEqual({ status: "failed", lastError: "550 no such mailbox", body: EXPIRED_BODY });
    expect(await row(oldHeld)).toEqual({ status: "held", lastError: HELD_REASON, body: EXPIRED_BODY });
    for (const id of [newFailed, newHeld]) expect((await row(id)).body).toMatch(/^enc:v1:/);
    expect(await getOutboxMessage({ id: newHeld, reveal: true, localMailbox: true })).toMatchObject({
      body: "Your code is 551903",
    });
  });

  it("keeps non-sensitive bodies of any age and status", async () => {
    const ids = [];
    for (const status of ["queued", "sent", "failed", "held"]) {
      ids.push(await message({ sensitive: false, status, ageMs: 10 * SENSITIVE_BODY_TTL_MS, text: `plain ${status}` }));
    }
    expect(await expireSensitiveOutboxBodies({ now: NOW })).toEqual({ expired: 0 });
    for (const [i, status] of ["queued", "sent", "failed", "held"].entries()) {
      expect(await row(ids[i]!)).toMatchObject({ status, body: `plain ${status}` });
    }
  });

  it("keeps a queued sensitive body while it can still be delivered, and fails it once a day old", async () => {
    const pending = await message({ sensitive: true, status: "queued", ageMs: SENSITIVE_BODY_TTL_MS - MINUTE });
    const stale = await message({ sensitive: true, status: "queued", ageMs: SENSITIVE_BODY_TTL_MS + MINUTE });

    expect(await expireSensitiveOutboxBodies({ now: NOW })).toEqual({ expired: 1 });
    expect(await row(pending)).toMatchObject({ status: "queued", body: expect.stringMatching(/^enc:v1:/) });
    expect(await row(stale)).toEqual({ status: "failed", lastError: EXPIRED_BEFORE_DELIVERY, body: EXPIRED_BODY });
  });

  it("leaves the marker of delivered mail as it is", async () => {
    const sent = await message({ sensitive: true, status: "sent", ageMs: 2 * SENSITIVE_BODY_TTL_MS });
    await db().outboxMessage.update({ where: { id: sent }, data: { body: WIPED_BODY } });
    expect(await expireSensitiveOutboxBodies({ now: NOW })).toEqual({ expired: 0 });
    expect((await row(sent)).body).toBe(WIPED_BODY);
  });

  it("changes nothing more when run again", async () => {
    await message({ sensitive: true, status: "failed", ageMs: SETTLED_SENSITIVE_BODY_TTL_MS + MINUTE });
    await message({ sensitive: true, status: "queued", ageMs: SENSITIVE_BODY_TTL_MS + MINUTE });
    await message({ sensitive: true, status: "held", ageMs: MINUTE });
    await message({ sensitive: false, status: "failed", ageMs: SENSITIVE_BODY_TTL_MS + MINUTE });

    expect(await expireSensitiveOutboxBodies({ now: NOW })).toEqual({ expired: 2 });
    const snapshot = await db().outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(await expireSensitiveOutboxBodies({ now: NOW })).toEqual({ expired: 0 });
    expect(await db().outboxMessage.findMany({ orderBy: { id: "asc" } })).toEqual(snapshot);
  });
});

describe("a message whose sensitive body expired", () => {
  it("is never mailed: its delivery fails it instead of sending the placeholder", async () => {
    const id = await message({ sensitive: true, status: "queued", ageMs: SENSITIVE_BODY_TTL_MS + MINUTE });
    await expireSensitiveOutboxBodies({ now: NOW });
    // Its delivery job may still be live, and delivery does not look at the status.
    const mailer = recordingMailer();

    expect(await deliverOutboxMessage({ id, isLastAttempt: false, mailer })).toBe("contents-removed");
    expect(mailer.sent).toEqual([]);
    expect(await row(id)).toEqual({ status: "failed", lastError: CONTENTS_REMOVED_REASON, body: EXPIRED_BODY });
  });

  it("cannot be retried, and gets no new delivery job", async () => {
    const id = await message({ sensitive: true, status: "held", ageMs: SETTLED_SENSITIVE_BODY_TTL_MS + MINUTE });
    await expireSensitiveOutboxBodies({ now: NOW });
    const jobsBefore = await currentBoss()!.findJobs("mail.send", { data: { messageId: id } });

    const err = await retryOutboxMessage({ id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("contents were removed") });
    expect((await row(id)).status).toBe("held");
    expect(await currentBoss()!.findJobs("mail.send", { data: { messageId: id } })).toHaveLength(jobsBefore.length);
  });

  it("shows operators that it expired rather than that it was delivered", async () => {
    const id = await message({ sensitive: true, status: "failed", ageMs: SETTLED_SENSITIVE_BODY_TTL_MS + MINUTE });
    await expireSensitiveOutboxBodies({ now: NOW });
    expect((await listOutbox({ limit: 10 })).items).toEqual([expect.objectContaining({ id, preview: EXPIRED_BODY })]);
    expect(await getOutboxMessage({ id })).toMatchObject({ body: EXPIRED_BODY, revealed: false });
  });
});
