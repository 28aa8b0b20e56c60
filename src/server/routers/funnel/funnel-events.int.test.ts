import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { captureLogs } from "../../../../test/support/capture-logs";
import { resetDatabase, testDatabaseUrl } from "../../../../test/support/db";
import { queryRows } from "../../../../test/support/query";
import { restCall, type TJsonBody } from "../../../../test/support/rest-call";
import { TEST_INTERNAL_API_KEY } from "../../../../test/support/test-env";
import { db } from "@/server/db";
import { handleRestRequest } from "@/server/rest/handle-rest-request";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { emailFingerprint } from "@/server/services/funnel/scrub-properties";
import { newTraceId } from "@/server/services/provisioning/ids";
import { createCaller } from "@/server/trpc/root";

beforeEach(() => resetDatabase({ jobs: false }));

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEiLCJleHAiOjk5OTk5OTk5OTl9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
const ingest = (body: unknown, token?: string) => restCall("POST", "/internal/funnel-events/ingest", { body, token });
const list = (query: string, token?: string) => restCall("GET", `/internal/funnel-events?${query}`, { token });
const event = (over: Record<string, unknown> = {}) => ({ event_id: randomUUID(), name: "step_viewed", ...over });
const storedCount = async () => db().funnelEvent.count();

describe("POST /internal/funnel-events/ingest", () => {
  it("stores a batch and adds nothing when the same events are sent again", async () => {
    const traceId = newTraceId();
    const events = [event({ trace_id: traceId, step: "email" }), event({ trace_id: traceId, step: "code", name: "code_submitted" })];
    const first = await ingest({ source: "web", events });
    expect(first).toEqual({ status: 200, body: { accepted: 2, duplicates: 0, rejected: [] } });
    const again = await ingest({ source: "web", events: [...events, events[0]] });
    expect(again.body).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect(await storedCount()).toBe(2);
    const rows = await db().funnelEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.source, r.name, r.step, r.traceId])).toEqual([
      ["web", "step_viewed", "email", traceId],
      ["web", "code_submitted", "code", traceId],
    ]);
  });

  it("keeps concurrent resends of one batch to one copy", async () => {
    const events = Array.from({ length: 50 }, () => event());
    const answers = await Promise.all(Array.from({ length: 8 }, () => ingest({ source: "web", events })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.reduce((n, a) => n + (a.body.accepted as number), 0)).toBe(50);
    expect(await storedCount()).toBe(50);
  });

  it("reports invalid events by index and keeps the valid ones", async () => {
    const res = await ingest({
      source: "web",
      events: [
        event(),
        { name: "no_id" },
        event({ name: "Bad Name" }),
        event({ trace_id: "not-a-trace" }),
        "not an object",
        event({ otp: "123456" }),
        event({ occurred_at: "2999-01-01T00:00:00Z" }),
        event({ email: "nope" }),
        event(),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected.map((r: TJsonBody) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(res.body.rejected[0].error).toMatch(/event_id/);
    expect(res.body.rejected[4].error).toMatch(/otp/);
    expect(res.body.rejected[5].error).toMatch(/future/);
    expect(JSON.stringify(res.body)).not.toContain("123456");
    expect(await storedCount()).toBe(2);
  });

  it("rejects by index, never with a 5xx, an event nested thousands deep, NUL in a property and a JSON-breaking string", async () => {
    // 10,000 levels, deeper than JSON.stringify goes without overflowing the stack: the body is written by hand.
    const deep = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
    const rest = [event({ properties: { note: "a\u0000b" } }), event({ properties: { k: "\ud800" } }), event()].map((e) => JSON.stringify(e));
    const deepProps = JSON.stringify(event({ properties: "DEEP" })).replace('"DEEP"', deep);
    const response = await handleRestRequest(
      new Request("http://embark.test/internal/funnel-events/ingest", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TEST_INTERNAL_API_KEY}` },
        body: `{"source":"web","events":[${[deep, deepProps, ...rest].join(",")}]}`,
      }),
    );
    const res = { status: response.status, body: (await response.json()) as TJsonBody };
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.rejected.map((r: TJsonBody) => r.index)).toEqual([0, 1, 2, 3]);
    expect(res.body.rejected[1].error).toMatch(/nest deeper than 32/);
    expect(res.body.rejected[2].error).toMatch(/NUL/);
    expect(await storedCount()).toBe(1);
  });

  it("answers 413 and writes nothing beyond 500 events or 1 MiB", async () => {
    const tooMany = await ingest({ source: "web", events: Array.from({ length: 501 }, () => event()) });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const big = "x".repeat(5000);
    const tooBig = await ingest({ source: "web", events: Array.from({ length: 250 }, () => event({ properties: { big } })) });
    expect(tooBig.status).toBe(413);
    expect(await storedCount()).toBe(0);
    const exactly = await ingest({ source: "web", events: Array.from({ length: 500 }, () => event()) });
    expect(exactly.body.accepted).toBe(500);
  });

  it("answers 413 on the tRPC transport too when a batch is over 1 MiB", async () => {
    const caller = createCaller({ principal: { kind: "internal" } } as never);
    const big = "y".repeat(300_000);
    await expect(caller.funnel.ingest({ source: "web", events: Array.from({ length: 4 }, () => event({ properties: { big } })) })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(await storedCount()).toBe(0);
  });

  it("validates the envelope", async () => {
    expect((await ingest({ source: "Web Site", events: [event()] })).status).toBe(400);
    expect((await ingest({ source: "web", events: [] })).status).toBe(400);
    expect((await ingest({ source: "web" })).status).toBe(400);
  });

  it("needs the internal key or a funnel:write key", async () => {
    const actor = { id: "admin", label: "admin@example.com" };
    const writer = await createApiKey({ name: "writer", scopes: ["funnel:write"], actor });
    const reader = await createApiKey({ name: "reader", scopes: ["funnel:read"], actor });
    expect((await ingest({ source: "web", events: [event()] }, writer.key)).status).toBe(200);
    expect((await ingest({ source: "web", events: [event()] }, reader.key)).status).toBe(403);
    expect((await ingest({ source: "web", events: [event()] }, "")).status).toBe(401);
    expect((await list(`trace_id=${newTraceId()}`, writer.key)).status).toBe(403);
    expect((await list(`trace_id=${newTraceId()}`, reader.key)).status).toBe(200);
  });
});

describe("privacy", () => {
  it("never stores or logs codes, passwords, tokens, JWTs or addresses", async () => {
    const traceId = newTraceId();
    const secrets = ["314159", "hunter2hunter2", "s3cr3t-value", "tok-abcdef", JWT, "sid=cookie-value", "ada@example.com", "Bob@Example.org"];
    const { lines, result } = await captureLogs(() =>
      ingest({
        source: "web",
        events: [
          event({
            trace_id: traceId,
            email: "Ada@Example.com ",
            properties: {
              otpCode: "314159",
              form: { Password: "hunter2hunter2", fields: [{ client_secret: "s3cr3t-value" }, { note: JWT }] },
              headers: { Authorization: `Bearer ${JWT}`, Cookie: "sid=cookie-value" },
              list: [{ accessToken: "tok-abcdef" }, "kept"],
              contact: "Bob@Example.org",
              plan: "growth",
            },
          }),
          event({ trace_id: traceId, otp: "314159", email: "ada@example.com" }),
        ],
      }),
    );
    expect(result.body).toMatchObject({ accepted: 1, rejected: [{ index: 1 }] });
    expect(lines.some((l) => l.includes("funnel events ingested"))).toBe(true);
    const [row] = await queryRows<{ all: string }>(testDatabaseUrl(), "SELECT json_agg(f)::text AS all FROM funnel_events f");
    for (const secret of secrets) {
      expect(row!.all).not.toContain(secret);
      expect(lines.join("\n")).not.toContain(secret);
    }
    const stored = await db().funnelEvent.findFirstOrThrow({ where: { traceId } });
    expect(stored.emailFingerprint).toBe(emailFingerprint("ada@example.com"));
    expect(stored.properties).toEqual({
      form: { fields: [{}, {}] },
      headers: {},
      list: [{}, "kept"],
      contact: `sha256:${emailFingerprint("bob@example.org")}`,
      plan: "growth",
    });
  });
});

describe("GET /internal/funnel-events", () => {
  async function seed(traceId: string, sessionId: string, n: number) {
    const base = Date.parse("2026-12-01T10:00:00Z");
    // Sent newest first, two of them at the same instant: the answer is still oldest first.
    const events = Array.from({ length: n }, (_, i) =>
      event({ trace_id: traceId, session_id: sessionId, name: `e${i}`, occurred_at: new Date(base + Math.min(i, n - 2) * 1000).toISOString() }),
    ).reverse();
    expect((await ingest({ source: "web", events }, undefined)).body.accepted).toBe(n);
  }

  it("lists a trace oldest first, in keyset pages", async () => {
    const traceId = newTraceId();
    await seed(traceId, "sess-1", 7);
    await seed(newTraceId(), "sess-2", 3);
    const seen: string[] = [];
    let after = "";
    for (let page = 0; page < 5; page++) {
      const res = await list(`trace_id=${traceId}&limit=3${after ? `&after=${after}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.map((e: TJsonBody) => e.name));
      if (res.body.length < 3) break;
      after = res.body.at(-1).id;
    }
    expect(seen.slice(0, 5)).toEqual(["e0", "e1", "e2", "e3", "e4"]);
    expect(new Set(seen.slice(5))).toEqual(new Set(["e5", "e6"]));
    expect(seen).toHaveLength(7);
  });

  it("lists by session and by time range", async () => {
    await seed(newTraceId(), "sess-a", 4);
    const bySession = await list("session_id=sess-a&limit=10");
    expect(bySession.body).toHaveLength(4);
    expect(bySession.body[0]).toMatchObject({ session_id: "sess-a", source: "web", properties: {} });
    expect(bySession.body[0].occurred_at).toBe("2026-12-01T10:00:00.000Z");
    const ranged = await list(`from=${encodeURIComponent("2026-12-01T10:00:01Z")}&to=${encodeURIComponent("2026-12-01T10:00:02Z")}`);
    expect(ranged.body.map((e: TJsonBody) => e.name)).toEqual(["e1"]);
  });

  it("answers 200 [] for an unknown trace and 400 without a filter or with a bad cursor", async () => {
    expect(await list(`trace_id=${newTraceId()}`)).toEqual({ status: 200, body: [] });
    expect((await list("limit=5")).status).toBe(400);
    expect((await list(`trace_id=${newTraceId()}&after=999999`)).status).toBe(400);
    expect((await list("trace_id=nope")).status).toBe(400);
  });
});
