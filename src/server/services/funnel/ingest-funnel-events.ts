import { env } from "@/env";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { fieldIssuesOf } from "@/server/trpc/error-mapping";
import {
  MAX_FUNNEL_BATCH_BYTES,
  MAX_FUNNEL_BATCH_EVENTS,
  ZFunnelEventInput,
  type TFunnelEventRow,
  type TFunnelIngestResult,
} from "./funnel-event";
import { emailFingerprint, scrubProperties } from "./scrub-properties";

/** A row ready for the table: validated and scrubbed. */
export type TFunnelRow = Omit<TFunnelEventRow, "id" | "receivedAt" | "properties"> & { properties: Record<string, unknown> };

/** How far ahead of the server's clock a sender's occurred_at may be (clock skew). */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const COLUMNS = ["event_id", "source", "name", "step", "session_id", "trace_id", "email_fingerprint", "properties", "occurred_at"];

/** One event checked and scrubbed, or why it was refused (never quoting its values). */
export function toFunnelRow(raw: unknown, opts: { source: string; now: Date; oldest: Date }): TFunnelRow | { error: string } {
  const parsed = ZFunnelEventInput.safeParse(raw);
  if (!parsed.success) {
    return { error: fieldIssuesOf(parsed.error.issues).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ") };
  }
  const e = parsed.data;
  const occurredAt = e.occurred_at ? new Date(e.occurred_at) : opts.now;
  if (occurredAt.getTime() > opts.now.getTime() + MAX_FUTURE_MS) return { error: "occurred_at: more than a day in the future" };
  if (occurredAt < opts.oldest) return { error: "occurred_at: older than the retention period" };
  return {
    eventId: e.event_id,
    source: opts.source,
    name: e.name,
    step: e.step ?? null,
    sessionId: e.session_id ?? null,
    traceId: e.trace_id ?? null,
    emailFingerprint: e.email ? emailFingerprint(e.email) : (e.email_fingerprint ?? null),
    properties: scrubProperties(e.properties),
    occurredAt,
  };
}

/**
 * Stores rows with ONE multi-row `INSERT … ON CONFLICT (event_id) DO
 * NOTHING`; returns how many were new. Rows must come from toFunnelRow (or be
 * Embark's own, free of personal data).
 */
export async function insertFunnelRows(db: TDbOrTx, rows: TFunnelRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const params: unknown[] = [];
  const tuples = rows.map((r) => {
    const at = params.length;
    params.push(r.eventId, r.source, r.name, r.step, r.sessionId, r.traceId, r.emailFingerprint, JSON.stringify(r.properties), r.occurredAt.toISOString());
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8}::jsonb, ($${at + 9}::timestamptz AT TIME ZONE 'UTC'))`;
  });
  const sql = `INSERT INTO funnel_events (${COLUMNS.join(", ")}) VALUES ${tuples.join(", ")} ON CONFLICT (event_id) DO NOTHING`;
  return db.$executeRawUnsafe(sql, ...params);
}

/**
 * The batch's size as JSON. An event nested too deeply for JSON.stringify
 * (thousands of levels) is left out: validation rejects it by its index.
 */
function batchBytes(events: unknown[]): number {
  let total = 2;
  for (const event of events) {
    try {
      total += Buffer.byteLength(JSON.stringify(event) ?? "null", "utf8") + 1;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return total;
}

/**
 * Ingests a batch from one source. Over 500 events or 1 MiB is
 * PAYLOAD_TOO_LARGE and writes nothing; an invalid event is reported by its
 * index while the valid ones are stored; a resent event_id adds nothing.
 */
export async function ingestFunnelEvents(opts: { db?: TDbOrTx; source: string; events: unknown[]; now?: Date }): Promise<TFunnelIngestResult> {
  const db = opts.db ?? defaultDb();
  if (opts.events.length > MAX_FUNNEL_BATCH_EVENTS) {
    throw new AppError("PAYLOAD_TOO_LARGE", {
      message: `A batch holds at most ${MAX_FUNNEL_BATCH_EVENTS} events (got ${opts.events.length})`,
      details: { max_events: MAX_FUNNEL_BATCH_EVENTS },
    });
  }
  if (batchBytes(opts.events) > MAX_FUNNEL_BATCH_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", {
      message: `A batch holds at most ${MAX_FUNNEL_BATCH_BYTES} bytes`,
      details: { max_bytes: MAX_FUNNEL_BATCH_BYTES },
    });
  }
  const now = opts.now ?? new Date();
  const oldest = new Date(now.getTime() - env().FUNNEL_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const rows: TFunnelRow[] = [];
  const rejected: TFunnelIngestResult["rejected"] = [];
  opts.events.forEach((raw, index) => {
    const row = toFunnelRow(raw, { source: opts.source, now, oldest });
    if ("error" in row) rejected.push({ index, error: row.error });
    else rows.push(row);
  });
  const accepted = await insertFunnelRows(db, rows);
  const result = { accepted, duplicates: rows.length - accepted, rejected };
  // Counts and rejection reasons only: reasons name fields, never their values.
  logger.debug({ source: opts.source, ...result }, "funnel events ingested");
  return result;
}
