import { env } from "@/env";
import { enqueue } from "@/jobs/registry";
import { retryWrite } from "@/server/database/retry-write";
import { db as defaultDb, type TDb, type TDbOrTx } from "@/server/db";
import { logger } from "@/server/logger";
import { APP_VERSION } from "@/server/rest/app-version";
import type { TWebhookPayload } from "./emit-webhook-event";
import { postWebhook, type TPostResult } from "./post-webhook";
import { nextWebhookAttemptAt } from "./retry-schedule";
import { SIGNATURE_HEADER, signWebhookPayload } from "./webhook-signature";
import { openWebhookSecret } from "./webhook-secret";

export type TDeliveryTrigger = "automatic" | "replay";

/** `lastError` of a delivery whose turn came while its endpoint was disabled. */
export const ENDPOINT_DISABLED_REASON = "the endpoint is disabled";
/** `lastError` when the sealed signing secret no longer opens; rotating the secret repairs the endpoint. */
export const SECRET_UNREADABLE_REASON = "the signing secret cannot be decrypted (was AUTH_SECRET changed?); rotate the secret";

/**
 * How early an automatic job may run against the delivery's nextAttemptAt
 * (clocks of replicas and Postgres differ a little). Every retry is at least
 * 30 s out, so a stale duplicate of an earlier attempt's job is still told apart.
 */
const DUE_SLACK_MS = 5_000;

export type TAttemptOutcome =
  /** The receiver answered 2xx. */
  | "succeeded"
  /** It did not; the next automatic attempt is enqueued. */
  | "retrying"
  /** It did not, and no automatic attempt follows. */
  | "failed"
  /** Nothing sent: the delivery is settled, not due, or deleted. */
  | "skipped";

type TLoaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(db: TDbOrTx, id: string) {
  return db.webhookDelivery.findUnique({
    where: { id },
    select: {
      id: true,
      eventId: true,
      eventType: true,
      payload: true,
      status: true,
      nextAttemptAt: true,
      createdAt: true,
      endpoint: { select: { id: true, url: true, enabled: true, secretSealed: true } },
    },
  });
}

/**
 * Makes one attempt at a webhook delivery (the core of the `webhooks.deliver`
 * job) and logs it. An automatic attempt runs only for a pending delivery
 * that is due, so a repeated job sends nothing twice; after a failure it
 * enqueues the next attempt (backoff from 30 s, at most an hour apart) in the
 * transaction that logs this one, until 24 h after the event, then fails the
 * delivery. A replay always sends, schedules nothing, and sets the status to
 * its own outcome (except that a delivery still being retried keeps its
 * schedule when the replay fails too). Throws only when the database does.
 */
export async function attemptWebhookDelivery(opts: {
  deliveryId: string;
  trigger: TDeliveryTrigger;
  db?: TDb;
  /** Aborts the request, e.g. when the worker shuts down. */
  signal?: AbortSignal;
  /** Defaults to WEBHOOK_TIMEOUT_MS. */
  timeoutMs?: number;
  /** The clock, for tests that play a day of retries. */
  now?: () => Date;
}): Promise<{ outcome: TAttemptOutcome; attempt?: number; statusCode?: number | null }> {
  const db = opts.db ?? defaultDb();
  const now = opts.now ?? (() => new Date());
  const delivery = await load(db, opts.deliveryId);
  if (!delivery) return { outcome: "skipped" };
  if (opts.trigger === "automatic") {
    if (delivery.status !== "pending") return { outcome: "skipped" };
    if (delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > now().getTime() + DUE_SLACK_MS) return { outcome: "skipped" };
  }

  const { endpoint } = delivery;
  if (!endpoint.enabled) return settleWithoutSending(db, delivery, ENDPOINT_DISABLED_REASON);
  let secret: string;
  try {
    secret = openWebhookSecret(endpoint.id, endpoint.secretSealed);
  } catch {
    return settleWithoutSending(db, delivery, SECRET_UNREADABLE_REASON);
  }

  const stored = delivery.payload as TWebhookPayload;
  // Rebuilt in a fixed key order: Postgres' jsonb does not keep the order it was given.
  const body = JSON.stringify({ id: stored.id, type: stored.type, created_at: stored.created_at, data: stored.data });
  const result = await postWebhook({
    url: endpoint.url,
    body,
    timeoutMs: opts.timeoutMs ?? env().WEBHOOK_TIMEOUT_MS,
    signal: opts.signal,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": `Embark-Webhooks/${APP_VERSION}`,
      [SIGNATURE_HEADER]: signWebhookPayload({ secret, body, now: now() }),
      "Embark-Event-Id": delivery.eventId,
      "Embark-Event-Type": delivery.eventType,
      "Embark-Delivery-Id": delivery.id,
    },
  });
  // The receiver has had the request: a database hiccup now must not fail the job and send it again.
  const at = now();
  const logged = await retryWrite(() => logAttempt(db, delivery, opts.trigger, result, at), {
    what: `an attempt of ${delivery.id}`,
    signal: opts.signal,
  });
  logger.info(
    { deliveryId: delivery.id, endpointId: endpoint.id, trigger: opts.trigger, ...logged, statusCode: result.statusCode, ms: result.durationMs },
    "webhook attempt",
  );
  return { ...logged, statusCode: result.statusCode };
}

/** Logs the attempt, moves the delivery on and, when it is to be retried, enqueues that retry: all or nothing. */
async function logAttempt(
  db: TDb,
  delivery: TLoaded,
  trigger: TDeliveryTrigger,
  result: TPostResult,
  at: Date,
): Promise<{ outcome: TAttemptOutcome; attempt?: number }> {
  return db.$transaction(async (tx) => {
    const counted = await tx.webhookDelivery.updateMany({ where: { id: delivery.id }, data: { attempts: { increment: 1 } } });
    // Deleted with its endpoint while the request was out: nothing left to log against.
    if (counted.count === 0) return { outcome: "skipped" as const };
    // Read after the update, under its row lock: a concurrent attempt's outcome is already in.
    const current = await tx.webhookDelivery.findUniqueOrThrow({
      where: { id: delivery.id },
      select: { attempts: true, status: true, nextAttemptAt: true, createdAt: true },
    });
    const attempt = current.attempts;
    await tx.webhookDeliveryAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt,
        trigger,
        statusCode: result.statusCode,
        error: result.error,
        responseSnippet: result.responseSnippet,
        durationMs: result.durationMs,
        createdAt: at,
      },
      select: { id: true },
    });
    const last = { lastStatusCode: result.statusCode, lastError: result.error };

    if (result.ok) {
      await tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { ...last, status: "succeeded", deliveredAt: at, nextAttemptAt: null },
      });
      return { outcome: "succeeded" as const, attempt };
    }
    // A failure never undoes a success another attempt recorded meanwhile, unless it is a replay.
    if (trigger === "automatic" && current.status !== "pending") return { outcome: "failed" as const, attempt };
    const retrying = current.status === "pending" && (trigger === "automatic" || current.nextAttemptAt !== null);
    if (trigger === "replay" && retrying) {
      // The automatic schedule is still running; the replay leaves it be.
      await tx.webhookDelivery.update({ where: { id: delivery.id }, data: last });
      return { outcome: "retrying" as const, attempt };
    }
    const next = trigger === "automatic" ? nextWebhookAttemptAt({ createdAt: current.createdAt, failedAttempts: attempt, now: at }) : null;
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: { ...last, status: next ? "pending" : "failed", nextAttemptAt: next },
    });
    if (!next) return { outcome: "failed" as const, attempt };
    await enqueue("webhooks.deliver", { deliveryId: delivery.id, trigger: "automatic" }, { db: tx, startAfter: next });
    return { outcome: "retrying" as const, attempt };
  });
}

/** Fails the delivery without a request (nothing to log as an attempt); a delivered one stays delivered. */
async function settleWithoutSending(db: TDb, delivery: TLoaded, reason: string): Promise<{ outcome: TAttemptOutcome }> {
  await db.webhookDelivery.updateMany({
    where: { id: delivery.id, status: { not: "succeeded" } },
    data: { status: "failed", lastError: reason, nextAttemptAt: null },
  });
  logger.warn({ deliveryId: delivery.id, endpointId: delivery.endpoint.id, reason }, "webhook delivery not sent");
  return { outcome: delivery.status === "succeeded" ? "skipped" : "failed" };
}
