import { randomUUID } from "node:crypto";
import pg from "pg";
import { env } from "@/env";
import { db } from "@/server/db";
import { newTraceId } from "@/server/services/provisioning/ids";
import { startRestServer } from "../test/support/rest-server";
import { interleave, percentile, timed, type TBenchContext, type TBenchMeasurements } from "./support";

export const name = "funnel-ingest";
export const description =
  "500 funnel events: POST /internal/funnel-events/ingest over HTTP (auth, zod per event, scrub, one multi-row INSERT) vs a hand-written multi-row INSERT … ON CONFLICT DO NOTHING of the same rows";

const BATCH = 500;
const COLUMNS = "event_id, source, name, step, session_id, trace_id, email_fingerprint, properties, occurred_at";

/** A wizard-like batch: one trace and tab, its steps, small properties. */
function batch(): Record<string, unknown>[] {
  const traceId = newTraceId();
  const steps = ["email", "code", "company", "plan", "session"];
  return Array.from({ length: BATCH }, (_, i) => ({
    event_id: randomUUID(),
    name: "step_viewed",
    step: steps[i % steps.length],
    session_id: `fs_${traceId.slice(6, 22)}`,
    trace_id: traceId,
    properties: { tier: "starter", region: "sg", index: i, first: i === 0 },
    occurred_at: new Date(Date.now() - (BATCH - i)).toISOString(),
  }));
}

/** The baseline: the same rows, written the way a careful hand would, in one statement. */
async function insertByHand(pool: pg.Pool, events: Record<string, unknown>[]): Promise<void> {
  const params: unknown[] = [];
  const tuples = events.map((e) => {
    const at = params.length;
    params.push(e.event_id, "bench", e.name, e.step, e.session_id, e.trace_id, null, JSON.stringify(e.properties), e.occurred_at);
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8}::jsonb, ($${at + 9}::timestamptz AT TIME ZONE 'UTC'))`;
  });
  await pool.query(`INSERT INTO funnel_events (${COLUMNS}) VALUES ${tuples.join(", ")} ON CONFLICT (event_id) DO NOTHING`, params);
}

export async function run({ databaseUrl, log }: TBenchContext): Promise<TBenchMeasurements> {
  const server = await startRestServer();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const key = env().INTERNAL_API_KEY;
  try {
    const post = async (events: Record<string, unknown>[]) => {
      const res = await fetch(`${server.url}/internal/funnel-events/ingest`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ source: "bench", events }),
      });
      const body = (await res.json()) as { accepted?: number };
      if (res.status !== 200 || body.accepted !== BATCH) throw new Error(`ingest answered ${res.status} ${JSON.stringify(body)}`);
    };
    log(`funnel-ingest: 2 × 40 batches of ${BATCH} events`);
    // Batches are built outside the clock on both sides.
    const { baseline, candidate } = await interleave({
      rounds: 8,
      perRound: 5,
      warmUp: 4,
      baseline: () => {
        const events = batch();
        return timed(() => insertByHand(pool, events));
      },
      candidate: () => {
        const events = batch();
        return timed(() => post(events));
      },
    });
    const rate = (samples: number[]) => Math.round(BATCH / (percentile(samples, 50) / 1000));
    log(`funnel-ingest: events/s at p50 — hand-written INSERT ${rate(baseline)}, HTTP ingest ${rate(candidate)} (${(rate(candidate) / rate(baseline)).toFixed(2)}×)`);
    return {
      metric: `one batch of ${BATCH} events (ms)`,
      baseline: { label: "hand-written multi-row INSERT", samples: baseline },
      candidate: { label: "POST /internal/funnel-events/ingest", samples: candidate },
    };
  } finally {
    await pool.end();
    await server.close();
    await db().$disconnect();
  }
}
