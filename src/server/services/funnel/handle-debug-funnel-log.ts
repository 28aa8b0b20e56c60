import { z } from "zod";
import { env } from "@/env";
import { DEBUG_FUNNEL_EVENT_NAMES, DEBUG_FUNNEL_MAX_EVENTS, DEBUG_FUNNEL_STEPS } from "@/lib/funnel-debug-events";
import { errorResponse } from "@/server/rest/error-response";
import { readBodyCapped } from "@/server/rest/read-body-capped";
import { FixedWindowLimiter } from "@/server/services/shared/fixed-window-limiter";
import { DEBUG_FUNNEL_SOURCE, type TFunnelIngestResult } from "./funnel-event";
import { ingestFunnelEvents } from "./ingest-funnel-events";

/** A debug batch is a few events from one tab; far less than the internal ingest takes. */
export const DEBUG_FUNNEL_MAX_BODY_BYTES = 64 * 1024;
/** Requests one client may send a minute (the queue sends one every few seconds at most). */
export const DEBUG_FUNNEL_RATE_PER_MINUTE = 60;

const limiter = new FixedWindowLimiter({ max: DEBUG_FUNNEL_RATE_PER_MINUTE, windowMs: 60_000 });

const ZDebugEnvelope = z.strictObject({ events: z.array(z.unknown()).min(1).max(DEBUG_FUNNEL_MAX_EVENTS) });
/** What the browser may send beyond the ingest rules: a UUID per event, a known name and step. */
const ZDebugEventGate = z.looseObject({
  event_id: z.uuid("event_id must be a UUID"),
  name: z.enum(DEBUG_FUNNEL_EVENT_NAMES, "name is not an event the wizard sends"),
  step: z.enum(DEBUG_FUNNEL_STEPS, "step is not a wizard step").optional(),
});

const notFound = () => errorResponse({ status: 404, code: "NOT_FOUND", message: "Not found" });

function clientKey(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

/** Only the wizard's own pages may post: the Origin must be Embark's, and a browser's Sec-Fetch-Site must agree. */
function isSameOrigin(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = req.headers.get("origin");
  if (!origin) return site === "same-origin";
  return origin === new URL(env().EMBARK_PUBLIC_URL).origin || origin === new URL(req.url).origin;
}

/**
 * `/api/debug/funnel-log`, the wizard's debug stream (staging only). With
 * NEXT_PUBLIC_ONBOARDING_DEBUG off (read at run time) every method is 404.
 * On: a same-origin POST of up to 50 events and 64 KiB, rate limited per
 * client, each event a known name with a UUID; the valid ones go to the
 * funnel ingest with the source set here, never by the browser.
 */
export async function handleDebugFunnelLog(req: Request): Promise<Response> {
  if (!env().NEXT_PUBLIC_ONBOARDING_DEBUG) return notFound();
  if (req.method !== "POST") {
    return errorResponse({ status: 405, code: "METHOD_NOT_ALLOWED", message: `${req.method} is not allowed here`, headers: { allow: "POST" } });
  }
  if (!isSameOrigin(req)) return errorResponse({ status: 403, code: "FORBIDDEN", message: "Only the wizard's own pages may send debug events" });
  const rate = limiter.take(clientKey(req.headers));
  if (!rate.allowed) {
    return errorResponse({
      status: 429,
      code: "TOO_MANY_REQUESTS",
      message: "Too many debug batches from this client; try again shortly",
      headers: { "retry-after": String(rate.retryAfterSeconds) },
    });
  }
  const raw = await readBodyCapped(req, DEBUG_FUNNEL_MAX_BODY_BYTES);
  if (raw === null) {
    return errorResponse({ status: 413, code: "PAYLOAD_TOO_LARGE", message: `The request body exceeds ${DEBUG_FUNNEL_MAX_BODY_BYTES} bytes` });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return errorResponse({ status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON" });
  }
  const envelope = ZDebugEnvelope.safeParse(json);
  if (!envelope.success) {
    return errorResponse({ status: 400, code: "BAD_REQUEST", message: `Send { events: [...] } with 1 to ${DEBUG_FUNNEL_MAX_EVENTS} events` });
  }
  const result = await forward(envelope.data.events);
  return Response.json(result, { status: 202, headers: { "cache-control": "no-store" } });
}

/** Gates each event, ingests the ones that pass, and reports rejections by their index in the request. */
async function forward(events: unknown[]): Promise<TFunnelIngestResult> {
  const passed: { index: number; event: unknown }[] = [];
  const rejected: TFunnelIngestResult["rejected"] = [];
  events.forEach((event, index) => {
    const gate = ZDebugEventGate.safeParse(event);
    if (gate.success) passed.push({ index, event });
    else rejected.push({ index, error: gate.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
  });
  if (passed.length === 0) return { accepted: 0, duplicates: 0, rejected };
  const ingested = await ingestFunnelEvents({ source: DEBUG_FUNNEL_SOURCE, events: passed.map((p) => p.event) });
  for (const r of ingested.rejected) rejected.push({ index: passed[r.index]!.index, error: r.error });
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: ingested.accepted, duplicates: ingested.duplicates, rejected };
}
