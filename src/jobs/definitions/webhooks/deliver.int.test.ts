import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentBoss } from "@/jobs/boss";
import { JOB_DEFINITIONS } from "@/jobs/registry";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { createWebhookEndpoint } from "@/server/services/webhooks/create-webhook-endpoint";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import { getWebhookDelivery } from "@/server/services/webhooks/get-webhook-delivery";
import { replayWebhookDelivery } from "@/server/services/webhooks/replay-webhook-delivery";
import { startWebhookTestReceiver, type TWebhookTestReceiver } from "@/server/services/webhooks/webhook-test-receiver";
import { resetDatabase } from "../../../../test/support/db";
import { webhooksDeliverJob } from "./deliver";

const actor = { id: "user-op", label: "op@example.com" };
let receiver: TWebhookTestReceiver;

const deliveryOf = (eventId: string) => db().webhookDelivery.findFirstOrThrow({ where: { eventId }, select: { id: true } });
const settled = (id: string, status: string) =>
  eventually(async () => {
    const d = await getWebhookDelivery({ id });
    return d.status === status ? d : undefined;
  }, { what: `delivery ${id} to be ${status}` });

beforeAll(() => startJobRuntime({ role: "worker", definitions: [webhooksDeliverJob], pollingIntervalSeconds: 0.5 }));
afterAll(() => stopJobRuntime());
beforeEach(async () => {
  await resetDatabase();
  receiver = await startWebhookTestReceiver();
  const { secret } = await createWebhookEndpoint({ url: receiver.url, events: ["provision.failed"], actor });
  receiver.secret = secret;
});
afterEach(() => receiver.close());

describe("webhooks.deliver through a worker", () => {
  it("is registered", () => {
    expect(JOB_DEFINITIONS).toContain(webhooksDeliverJob);
  });

  it("delivers an event once its transaction commits", async () => {
    const { eventId } = await db().$transaction((tx) =>
      emitWebhookEvent({ db: tx, type: "provision.failed", data: { job_id: "job_1", failure_stage: "ansible" } }),
    );
    const [req] = await receiver.waitFor(1);
    expect(req!.signature.ok).toBe(true);
    expect(JSON.parse(req!.body)).toMatchObject({ id: eventId, type: "provision.failed", data: { failure_stage: "ansible" } });
    const { id } = await deliveryOf(eventId);
    expect((await settled(id, "succeeded")).attemptLog).toEqual([expect.objectContaining({ attempt: 1, trigger: "automatic", statusCode: 200 })]);
  });

  it("runs the retry job it enqueued when its time comes, and a replay on demand", async () => {
    receiver.answer({ status: 500, body: "try later" });
    const { eventId } = await emitWebhookEvent({ db: db(), type: "provision.failed", data: { job_id: "job_2" } });
    await receiver.waitFor(1);
    const { id } = await deliveryOf(eventId);
    const waiting = await eventually(async () => {
      const d = await getWebhookDelivery({ id });
      return d.attempts === 1 ? d : undefined;
    }, { what: "the first attempt to be logged" });
    expect(waiting).toMatchObject({ status: "pending", lastStatusCode: 500 });

    // Thirty seconds pass: the delivery and its retry job both come due.
    await db().webhookDelivery.update({ where: { id }, data: { nextAttemptAt: new Date() } });
    await db().$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = 'webhooks.deliver' AND state = 'created' AND data->>'deliveryId' = ${id}`;
    await receiver.waitFor(2);
    const delivered = await settled(id, "succeeded");
    expect(delivered.attemptLog.map((a) => [a.attempt, a.trigger, a.statusCode])).toEqual([
      [1, "automatic", 500],
      [2, "automatic", 200],
    ]);

    await replayWebhookDelivery({ deliveryId: id, actor });
    const [, , replayed] = await receiver.waitFor(3);
    expect(replayed!.signature.ok).toBe(true);
    const after = await eventually(async () => {
      const d = await getWebhookDelivery({ id });
      return d.attempts === 3 ? d : undefined;
    }, { what: "the replay to be logged" });
    expect(after.attemptLog.at(-1)).toMatchObject({ attempt: 3, trigger: "replay", statusCode: 200 });
    // Three jobs (first attempt, retry, replay), each completed: a failed request is not a failed job.
    await eventually(async () => {
      const jobs = await currentBoss()!.findJobs("webhooks.deliver", { data: { deliveryId: id } });
      return jobs.length === 3 && jobs.every((j) => j.state === "completed");
    }, { what: "the three delivery jobs to complete" });
  });
});
