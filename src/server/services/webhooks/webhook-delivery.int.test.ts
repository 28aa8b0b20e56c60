import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentBoss } from "@/jobs/boss";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { resetDatabase } from "../../../../test/support/db";
import { ENDPOINT_DISABLED_REASON, attemptWebhookDelivery } from "./attempt-webhook-delivery";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { emitWebhookEvent } from "./emit-webhook-event";
import { getWebhookDelivery } from "./get-webhook-delivery";
import { replayWebhookDelivery } from "./replay-webhook-delivery";
import { webhookAttemptOffsetsMs } from "./retry-schedule";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { updateWebhookEndpoint } from "./update-webhook-endpoint";
import { startWebhookTestReceiver, type TWebhookTestReceiver } from "./webhook-test-receiver";
import { verifyWebhookSignature } from "./webhook-signature";

const actor = { id: "user-admin", label: "admin@example.com" };
let receiver: TWebhookTestReceiver;

const jobsFor = (deliveryId: string) => currentBoss()!.findJobs("webhooks.deliver", { data: { deliveryId } });
const attemptsOf = async (deliveryId: string) => (await getWebhookDelivery({ id: deliveryId })).attemptLog;

/** An endpoint on the receiver, which then checks signatures with its secret. */
async function endpoint(opts: { events?: string[]; url?: string } = {}) {
  const created = await createWebhookEndpoint({
    url: opts.url ?? receiver.url,
    events: opts.events ?? ["onboarding.completed", "provision.failed"],
    actor,
  });
  receiver.secret = created.secret;
  return created;
}

/** Emits one event and returns the delivery written for `endpointId`. */
async function emitFor(endpointId: string, data: Record<string, unknown> = { onboarding_id: "onb_1", tenant: "acme" }) {
  const { eventId, deliveries } = await emitWebhookEvent({ db: db(), type: "onboarding.completed", data });
  expect(deliveries).toBeGreaterThan(0);
  const row = await db().webhookDelivery.findUniqueOrThrow({ where: { endpointId_eventId: { endpointId, eventId } } });
  return { eventId, deliveryId: row.id };
}

beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(async () => {
  await resetDatabase();
  receiver = await startWebhookTestReceiver();
});
afterEach(() => receiver.close());

describe("emitWebhookEvent", () => {
  it("writes one delivery and one job per enabled subscriber, and none for others", async () => {
    const a = await endpoint();
    const b = await endpoint({ events: ["onboarding.completed"] });
    const other = await endpoint({ events: ["provision.completed"] });
    const off = await endpoint();
    await updateWebhookEndpoint({ id: off.id, enabled: false, actor });

    const { eventId, deliveries } = await emitWebhookEvent({ db: db(), type: "onboarding.completed", data: { n: 1 } });
    expect(eventId).toMatch(/^evt_[0-9a-z]{26}$/);
    expect(deliveries).toBe(2);
    const rows = await db().webhookDelivery.findMany({ orderBy: { endpointId: "asc" } });
    expect(rows.map((r) => r.endpointId).sort()).toEqual([a.id, b.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ eventId, eventType: "onboarding.completed", status: "pending", attempts: 0 });
      expect(row.id).toMatch(/^whd_/);
      expect(row.payload).toEqual({ id: eventId, type: "onboarding.completed", created_at: expect.any(String), data: { n: 1 } });
      expect(await jobsFor(row.id)).toEqual([expect.objectContaining({ data: { deliveryId: row.id, trigger: "automatic" } })]);
    }
    expect(await db().webhookDelivery.count({ where: { endpointId: { in: [other.id, off.id] } } })).toBe(0);
  });

  it("is a no-op without subscribers", async () => {
    expect(await emitWebhookEvent({ db: db(), type: "provision.completed", data: {} })).toEqual({
      eventId: expect.stringMatching(/^evt_/),
      deliveries: 0,
    });
    expect(await currentBoss()!.findJobs("webhooks.deliver")).toEqual([]);
  });

  it("delivers nothing when the caller's transaction rolls back", async () => {
    await endpoint();
    let eventId = "";
    await expect(
      db().$transaction(async (tx) => {
        ({ eventId } = await emitWebhookEvent({ db: tx, type: "onboarding.completed", data: { n: 1 } }));
        expect(await tx.webhookDelivery.count()).toBe(1);
        throw new Error("the onboarding update failed");
      }),
    ).rejects.toThrow("the onboarding update failed");
    expect(eventId).toMatch(/^evt_/);
    expect(await db().webhookDelivery.count()).toBe(0);
    expect(await currentBoss()!.findJobs("webhooks.deliver")).toEqual([]);
    expect(receiver.received).toEqual([]);
  });
});

describe("attemptWebhookDelivery", () => {
  it("POSTs the event signed, with its ids in headers, and marks the delivery succeeded", async () => {
    const ep = await endpoint();
    const { eventId, deliveryId } = await emitFor(ep.id, { onboarding_id: "onb_7", at: new Date("2026-11-23T10:00:00Z") });

    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic" })).toEqual({ outcome: "succeeded", attempt: 1, statusCode: 200 });
    const [req] = await receiver.waitFor(1);
    expect(req!.signature).toEqual({ ok: true, timestamp: expect.any(Number) });
    expect(req!.path).toBe("/hooks/embark");
    expect(req!.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": expect.stringMatching(/^Embark-Webhooks\/\d/),
      "embark-event-id": eventId,
      "embark-event-type": "onboarding.completed",
      "embark-delivery-id": deliveryId,
    });
    expect(Object.keys(JSON.parse(req!.body))).toEqual(["id", "type", "created_at", "data"]);
    expect(JSON.parse(req!.body)).toEqual({
      id: eventId,
      type: "onboarding.completed",
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { onboarding_id: "onb_7", at: "2026-11-23T10:00:00.000Z" },
    });
    // The signature covers the body as sent, under this endpoint's secret only.
    const header = req!.headers["embark-signature"] as string;
    expect(verifyWebhookSignature({ secret: ep.secret, header, body: req!.body }).ok).toBe(true);
    expect(verifyWebhookSignature({ secret: ep.secret, header, body: req!.body.replace("onb_7", "onb_8") }).ok).toBe(false);

    const delivery = await getWebhookDelivery({ id: deliveryId });
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    expect(delivery.deliveredAt).toBeInstanceOf(Date);
    expect(delivery.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, trigger: "automatic", statusCode: 200, error: null, responseSnippet: "ok" }),
    ]);
  });

  it("does nothing when the job for a delivered event runs again", async () => {
    const ep = await endpoint();
    const { deliveryId } = await emitFor(ep.id);
    await attemptWebhookDelivery({ deliveryId, trigger: "automatic" });
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic" })).toEqual({ outcome: "skipped" });
    expect(receiver.received).toHaveLength(1);
    expect(await attemptsOf(deliveryId)).toHaveLength(1);
  });

  it("retries a receiver that answers 500, after 30 s, and logs both attempts", async () => {
    const ep = await endpoint();
    const { eventId, deliveryId } = await emitFor(ep.id);
    receiver.answer({ status: 500, body: "database is down" });

    const before = Date.now();
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic" })).toMatchObject({ outcome: "retrying", statusCode: 500 });
    const waiting = await getWebhookDelivery({ id: deliveryId });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500 Internal Server Error" });
    const due = waiting.nextAttemptAt!;
    expect(due.getTime() - before).toBeGreaterThanOrEqual(30_000);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(30_000);
    // The retry is a job of its own, held back until it is due.
    const jobs = await jobsFor(deliveryId);
    expect(jobs).toHaveLength(2);
    expect(jobs.map((j) => j.startAfter.getTime()).sort()).toEqual([expect.any(Number), due.getTime()]);

    // A stale copy of the first job finds the delivery not yet due and sends nothing.
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic" })).toEqual({ outcome: "skipped" });
    expect(receiver.received).toHaveLength(1);

    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic", now: () => due })).toMatchObject({
      outcome: "succeeded",
      attempt: 2,
    });
    const [first, second] = await receiver.waitFor(2);
    expect(second!.body).toBe(first!.body);
    expect(second!.headers["embark-event-id"]).toBe(eventId);
    expect(await attemptsOf(deliveryId)).toEqual([
      expect.objectContaining({ attempt: 1, trigger: "automatic", statusCode: 500, responseSnippet: "database is down" }),
      expect.objectContaining({ attempt: 2, trigger: "automatic", statusCode: 200, error: null }),
    ]);
    expect(await getWebhookDelivery({ id: deliveryId })).toMatchObject({ status: "succeeded", attempts: 2, nextAttemptAt: null });
  });

  it("keeps retrying on its schedule for 24 hours, then fails the delivery", async () => {
    await receiver.close();
    // Signatures carry the simulated clock, so this receiver accepts any timestamp.
    receiver = await startWebhookTestReceiver({ toleranceSeconds: 3 * 24 * 3600 });
    const ep = await endpoint();
    const { deliveryId } = await emitFor(ep.id);
    const { createdAt } = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    receiver.answer(...Array.from({ length: 40 }, () => ({ status: 503, body: "maintenance" })));

    let clock = createdAt;
    const times: number[] = [];
    for (;;) {
      times.push(clock.getTime() - createdAt.getTime());
      const { outcome } = await attemptWebhookDelivery({ deliveryId, trigger: "automatic", now: () => clock });
      if (outcome !== "retrying") {
        expect(outcome).toBe("failed");
        break;
      }
      clock = (await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).nextAttemptAt!;
    }
    expect(times).toEqual(webhookAttemptOffsetsMs());
    expect(times).toHaveLength(30);
    const failed = await getWebhookDelivery({ id: deliveryId });
    expect(failed).toMatchObject({ status: "failed", attempts: 30, nextAttemptAt: null, lastStatusCode: 503 });
    expect(failed.attemptLog.map((a) => [a.attempt, a.trigger, a.statusCode])).toEqual(
      times.map((_, i) => [i + 1, "automatic", 503]),
    );
    // One job per attempt: the first from the event, 29 retries, none after the last.
    expect(await jobsFor(deliveryId)).toHaveLength(30);
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic", now: () => clock })).toEqual({ outcome: "skipped" });
  });

  it("logs a timeout, a refused connection and a redirect as failed attempts", async () => {
    const ep = await endpoint();
    const { deliveryId } = await emitFor(ep.id);
    receiver.answer({ status: 200, delayMs: 2_000 });
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "replay", timeoutMs: 500 })).toMatchObject({
      outcome: "retrying",
      statusCode: null,
    });
    receiver.answer({ status: 302, headers: { location: "https://elsewhere.example/hook" } });
    await attemptWebhookDelivery({ deliveryId, trigger: "replay" });

    const closed = await startWebhookTestReceiver();
    const url = closed.url;
    await closed.close();
    await updateWebhookEndpoint({ id: ep.id, url, actor });
    await attemptWebhookDelivery({ deliveryId, trigger: "replay" });

    const log = await attemptsOf(deliveryId);
    expect(log.map((a) => [a.trigger, a.statusCode, a.error])).toEqual([
      ["replay", null, "no answer within 500 ms"],
      ["replay", 302, "HTTP 302: redirect to https://elsewhere.example/hook not followed"],
      ["replay", null, expect.stringMatching(/ECONNREFUSED/)],
    ]);
    expect(log[0]!.durationMs).toBeGreaterThanOrEqual(400);
    expect(receiver.received).toHaveLength(2);
  });

  it("fails a delivery whose endpoint is disabled, without sending", async () => {
    const ep = await endpoint();
    const { deliveryId } = await emitFor(ep.id);
    await updateWebhookEndpoint({ id: ep.id, enabled: false, actor });
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic" })).toEqual({ outcome: "failed" });
    expect(await getWebhookDelivery({ id: deliveryId })).toMatchObject({ status: "failed", lastError: ENDPOINT_DISABLED_REASON, attempts: 0 });
    expect(receiver.received).toEqual([]);
  });

  it("signs with the new secret right after a rotation, and never stores or logs a secret in clear", async () => {
    const ep = await endpoint();
    const rotated = await rotateWebhookSecret({ id: ep.id, actor });
    expect(rotated.secret).not.toBe(ep.secret);
    const { deliveryId } = await emitFor(ep.id);
    // The receiver still holds the old secret: it refuses the request.
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "automatic" })).toMatchObject({ outcome: "retrying", statusCode: 401 });
    receiver.secret = rotated.secret;
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "replay" })).toMatchObject({ outcome: "succeeded" });

    const everything = JSON.stringify([
      await db().$queryRaw`SELECT * FROM webhook_endpoints`,
      await db().$queryRaw`SELECT * FROM webhook_deliveries`,
      await db().$queryRaw`SELECT id::text, delivery_id, error, response_snippet FROM webhook_delivery_attempts`,
      await db().$queryRaw`SELECT * FROM audit_log`,
      await currentBoss()!.findJobs("webhooks.deliver"),
    ]);
    for (const secret of [ep.secret, rotated.secret]) {
      expect(everything).not.toContain(secret);
      expect(everything).not.toContain(secret.slice(12));
    }
  });
});

describe("replayWebhookDelivery", () => {
  it("sends a delivered event again, logged as a replay, with an audit row", async () => {
    const ep = await endpoint();
    const { eventId, deliveryId } = await emitFor(ep.id);
    await attemptWebhookDelivery({ deliveryId, trigger: "automatic" });

    expect(await replayWebhookDelivery({ deliveryId, actor, requestId: "req-replay" })).toEqual({ id: deliveryId, queued: true });
    const replayJobs = (await jobsFor(deliveryId)).filter((j) => (j.data as { trigger: string }).trigger === "replay");
    expect(replayJobs).toHaveLength(1);
    expect(await db().auditLog.findMany({ where: { action: "webhookDelivery.replay" } })).toEqual([
      expect.objectContaining({
        actorId: actor.id,
        targetType: "webhookDelivery",
        targetId: deliveryId,
        requestId: "req-replay",
        details: { endpointId: ep.id, eventId, eventType: "onboarding.completed", status: "succeeded" },
      }),
    ]);

    expect(await attemptWebhookDelivery({ deliveryId, trigger: "replay" })).toMatchObject({ outcome: "succeeded", attempt: 2 });
    const [first, second] = await receiver.waitFor(2);
    expect(second!.signature.ok).toBe(true);
    expect(second!.headers["embark-event-id"]).toBe(eventId);
    expect(second!.body).toBe(first!.body);
    expect((await attemptsOf(deliveryId)).map((a) => [a.attempt, a.trigger, a.statusCode])).toEqual([
      [1, "automatic", 200],
      [2, "replay", 200],
    ]);
  });

  it("sets the status to the replay's outcome and schedules no retry", async () => {
    const ep = await endpoint();
    const { deliveryId } = await emitFor(ep.id);
    await attemptWebhookDelivery({ deliveryId, trigger: "automatic" });
    const jobsBefore = (await jobsFor(deliveryId)).length;

    receiver.answer({ status: 410, body: "gone" });
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "replay" })).toMatchObject({ outcome: "failed", statusCode: 410 });
    expect(await getWebhookDelivery({ id: deliveryId })).toMatchObject({ status: "failed", lastStatusCode: 410, nextAttemptAt: null });
    expect(await jobsFor(deliveryId)).toHaveLength(jobsBefore);

    expect(await attemptWebhookDelivery({ deliveryId, trigger: "replay" })).toMatchObject({ outcome: "succeeded" });
    expect(await getWebhookDelivery({ id: deliveryId })).toMatchObject({ status: "succeeded", lastStatusCode: 200, lastError: null });
  });

  it("leaves a delivery that is still being retried on its schedule when the replay fails too", async () => {
    const ep = await endpoint();
    const { deliveryId } = await emitFor(ep.id);
    receiver.answer({ status: 500 }, { status: 500 });
    await attemptWebhookDelivery({ deliveryId, trigger: "automatic" });
    const { nextAttemptAt } = await getWebhookDelivery({ id: deliveryId });
    expect(await attemptWebhookDelivery({ deliveryId, trigger: "replay" })).toMatchObject({ outcome: "retrying" });
    expect(await getWebhookDelivery({ id: deliveryId })).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt });
    expect(await jobsFor(deliveryId)).toHaveLength(2);
  });

  it("refuses unknown deliveries and those of a disabled endpoint", async () => {
    const ep = await endpoint();
    const { deliveryId } = await emitFor(ep.id);
    await expect(replayWebhookDelivery({ deliveryId: "whd_00000000000000000000000000", actor })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(replayWebhookDelivery({ deliveryId: "nope", actor })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await updateWebhookEndpoint({ id: ep.id, enabled: false, actor });
    await expect(replayWebhookDelivery({ deliveryId, actor })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().auditLog.count({ where: { action: "webhookDelivery.replay" } })).toBe(0);
  });
});
