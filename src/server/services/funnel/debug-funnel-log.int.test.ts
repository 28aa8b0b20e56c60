import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { env, reloadEnv } from "@/env";
import { db } from "@/server/db";
import { newTraceId } from "@/server/services/provisioning/ids";
import { DEBUG_FUNNEL_RATE_PER_MINUTE, handleDebugFunnelLog } from "./handle-debug-funnel-log";

let ipCounter = 0;
const nextIp = () => `10.9.${(++ipCounter >> 8) & 255}.${ipCounter & 255}`;

function post(body: unknown, headers: Record<string, string> = {}, method = "POST") {
  const origin = new URL(env().EMBARK_PUBLIC_URL).origin;
  return handleDebugFunnelLog(
    new Request(`${origin}/api/debug/funnel-log`, {
      method,
      headers: { "content-type": "application/json", origin, "x-forwarded-for": nextIp(), ...headers },
      body: method === "GET" || method === "HEAD" || body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const debugEvent = (over: Record<string, unknown> = {}) => ({ event_id: randomUUID(), name: "step_viewed", step: "email", ...over });

function setFlag(value: string | undefined) {
  if (value === undefined) delete process.env.NEXT_PUBLIC_ONBOARDING_DEBUG;
  else process.env.NEXT_PUBLIC_ONBOARDING_DEBUG = value;
  reloadEnv();
}

beforeEach(() => resetDatabase({ jobs: false }));
afterEach(() => setFlag(undefined));

describe("POST /api/debug/funnel-log with NEXT_PUBLIC_ONBOARDING_DEBUG off", () => {
  it("answers 404 to every method and stores nothing", async () => {
    setFlag(undefined);
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]) {
      const res = await post({ events: [debugEvent()] }, {}, method);
      expect(res.status, method).toBe(404);
    }
    setFlag("0");
    expect((await post({ events: [debugEvent()] })).status).toBe(404);
    expect(await db().funnelEvent.count()).toBe(0);
  });
});

describe("POST /api/debug/funnel-log with NEXT_PUBLIC_ONBOARDING_DEBUG=1", () => {
  beforeEach(() => setFlag("1"));

  it("forwards the wizard's events to ingest under the debug source, scrubbed", async () => {
    const traceId = newTraceId();
    const events = [
      debugEvent({ trace_id: traceId, session_id: "fs_tab1", name: "wizard_started", step: "resolving" }),
      debugEvent({ trace_id: traceId, session_id: "fs_tab1", name: "code_requested", email: "Ada@Example.com", properties: { otp: "123456", ok: true } }),
    ];
    const res = await post({ events });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const again = await post({ events });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 2 });
    const rows = await db().funnelEvent.findMany({ where: { traceId }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.source, r.name, r.sessionId])).toEqual([
      ["admin_web_onboarding_debug", "wizard_started", "fs_tab1"],
      ["admin_web_onboarding_debug", "code_requested", "fs_tab1"],
    ]);
    expect(rows[1]!.properties).toEqual({ ok: true });
    expect(rows[1]!.emailFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects names off the allow-list, ids that are not UUIDs and bad events by index", async () => {
    const res = await post({
      events: [debugEvent(), debugEvent({ name: "provisioning_completed" }), debugEvent({ event_id: "embark:trace_x:forged" }), debugEvent({ trace_id: "bad" }), debugEvent({ step: "admin" })],
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: number; rejected: { index: number; error: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(body.rejected[0]!.error).toMatch(/name/);
    expect((await db().funnelEvent.findMany()).map((r) => r.name)).toEqual(["step_viewed"]);
  });

  it("refuses other origins, a source chosen by the browser, large bodies and other methods", async () => {
    expect((await post({ events: [debugEvent()] }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ events: [debugEvent()] }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const noOrigin = new Request(`${env().EMBARK_PUBLIC_URL}/api/debug/funnel-log`, { method: "POST", body: JSON.stringify({ events: [debugEvent()] }) });
    expect((await handleDebugFunnelLog(noOrigin)).status).toBe(403);
    expect((await post({ source: "embark", events: [debugEvent()] })).status).toBe(400);
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ events: [debugEvent({ properties: { big: "x".repeat(70_000) } })] })).status).toBe(413);
    expect((await post(undefined, {}, "GET")).status).toBe(405);
    expect(await db().funnelEvent.count()).toBe(0);
  });

  it("rate limits each client", async () => {
    const ip = "10.200.0.1";
    const answers = await Promise.all(
      Array.from({ length: 2 * DEBUG_FUNNEL_RATE_PER_MINUTE + 10 }, () => post({ events: [debugEvent()] }, { "x-forwarded-for": ip })),
    );
    const limited = answers.filter((a) => a.status === 429);
    // A window boundary may fall inside the burst: two windows' worth pass at most.
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(answers.length - limited.length).toBeLessThanOrEqual(2 * DEBUG_FUNNEL_RATE_PER_MINUTE);
    expect(limited[0]!.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await post({ events: [debugEvent()] }, { "x-forwarded-for": "10.200.0.2" })).status).toBe(202);
  });
});
