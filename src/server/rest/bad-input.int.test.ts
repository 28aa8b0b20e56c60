import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../test/support/db";
import { seedTenantWithJob } from "../../../test/support/provisioning-factory";
import { restCall } from "../../../test/support/rest-call";
import { TEST_INTERNAL_API_KEY } from "../../../test/support/test-env";
import { db } from "@/server/db";
import { newTraceId } from "@/server/services/provisioning/ids";
import { TRACE_MESSAGE_MAX } from "@/server/services/trace/trace-event";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { handleRestRequest } from "./handle-rest-request";

const NUL = "\u0000";
const LONE = "\ud800";

beforeEach(() => resetDatabase({ jobs: false }));

/** The field paths a 400 names, after checking it is the validation answer. */
async function rejectedFields(res: { status: number; body: Record<string, unknown> }): Promise<string[]> {
  expect(res.status).toBe(400);
  const error = res.body.error as { code: string; message: string; details: { path: string }[] };
  expect(error.code).toBe("BAD_REQUEST");
  expect(error.message).toMatch(/^Input validation failed at /);
  return error.details.map((d) => d.path);
}

function rawPost(path: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = { "content-type": "application/json" }) {
  return handleRestRequest(
    new Request(`http://embark.test${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_INTERNAL_API_KEY}`, ...headers },
      body,
    }),
  );
}

describe("text Postgres cannot store is a 400 naming the field", () => {
  const event = () => ({ trace_id: newTraceId(), stage: "ansible", status: "info" });

  it.each([
    ["message", { message: `a${NUL}b` }, "message"],
    ["message", { message: `a${LONE}b` }, "message"],
    ["source", { source: `x${NUL}` }, "source"],
    ["a data value", { data: { note: `x${LONE}` } }, "data.note"],
    ["a nested data value", { data: { list: [{ deep: NUL }] } }, "data.list.0.deep"],
    ["a data key", { data: { [`k${NUL}`]: 1 } }, `data.k${NUL}`],
  ])("POST /internal/trace-events refuses %s", async (_, fields, path) => {
    const res = await restCall("POST", "/internal/trace-events", { body: { ...event(), ...fields } });
    expect(await rejectedFields(res)).toEqual([path]);
    expect(await db().traceEvent.count()).toBe(0);
  });

  it("names the event of a batch", async () => {
    const res = await restCall("POST", "/internal/trace-events", { body: { events: [event(), { ...event(), message: NUL }] } });
    expect(await rejectedFields(res)).toEqual(["events.1.message"]);
  });

  it("tRPC trace.record refuses the same", async () => {
    const caller = createCaller(createInnerContext({ requestId: "req-test", principal: { kind: "internal" } }));
    await expect(caller.trace.record({ ...event(), status: "info", message: `x${NUL}` })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db().traceEvent.count()).toBe(0);
  });

  it("POST /internal/provision-complete refuses message and outputs.*", async () => {
    const { jobId } = await seedTenantWithJob({ slug: "nul-callback", status: "provisioning" }, { status: "Dispatched" });
    const failed = { job_id: jobId, status: "Failed", failure_stage: "ansible" };
    expect(await rejectedFields(await restCall("POST", "/internal/provision-complete", { body: { ...failed, message: NUL } }))).toEqual(["message"]);
    for (const outputs of [{ pulumi_stack: `s${NUL}` }, { anything: { nested: LONE } }]) {
      const res = await restCall("POST", "/internal/provision-complete", { body: { job_id: jobId, status: "Completed", outputs } });
      expect((await rejectedFields(res))[0]).toMatch(/^outputs\./);
    }
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("Dispatched");
  });

  it("POST /api/v1/onboarding refuses userId", async () => {
    const body = { platformName: "Nul Ltd", slug: "nul-onboarding", tier: "starter", userId: `u${NUL}` };
    expect(await rejectedFields(await restCall("POST", "/api/v1/onboarding", { body }))).toEqual(["userId"]);
    expect(await rejectedFields(await restCall("POST", "/api/v1/onboarding", { body: { ...body, userId: LONE } }))).toEqual(["userId"]);
    expect(await db().onboardingSession.count()).toBe(0);
  });

  it("query and path parameters are refused the same way", async () => {
    expect(await rejectedFields(await restCall("GET", "/v1/tenants/slug-availability?slug=a%00b", { token: null }))).toEqual(["slug"]);
    // Path parameters arrive still percent-encoded, so an encoded NUL is just text that names nothing.
    expect(await restCall("GET", "/internal/nodes/n%00de")).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
  });
});

describe("timestamps and free-form JSON are bounded", () => {
  it("refuses occurred_at of year 0000 and 9999", async () => {
    for (const occurred_at of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
      const body = { trace_id: newTraceId(), stage: "ansible", status: "info", occurred_at };
      expect(await rejectedFields(await restCall("POST", "/internal/trace-events", { body }))).toEqual(["occurred_at"]);
    }
  });

  it("refuses data nested 5,000 levels deep (a 30 kB body) with a 400", async () => {
    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const res = await rawPost("/internal/trace-events", `{"trace_id":"${newTraceId()}","stage":"ansible","status":"info","data":${deep}}`);
    const body = (await res.json()) as { error: { details: { path: string; message: string }[] } };
    expect(res.status).toBe(400);
    expect(body.error.details[0]!.message).toBe("must not nest deeper than 32 levels");
    expect(body.error.details[0]!.path).toMatch(/^data(\.a)+$/);
  });

  it("refuses data larger than its cap", async () => {
    const body = { trace_id: newTraceId(), stage: "ansible", status: "info", data: { blob: "x".repeat(40_000) } };
    const res = await restCall("POST", "/internal/trace-events", { body });
    expect(await rejectedFields(res)).toEqual(["data"]);
  });
});

describe("a Failed callback's long message", () => {
  it.each([1963, 3000, 4000])("of %i characters records the outcome and cuts only the trace event", async (length) => {
    const { jobId, tenantId, traceId } = await seedTenantWithJob(
      { slug: `long-${length}`, status: "provisioning" },
      { status: "Dispatched" },
    );
    // Emoji are two UTF-16 units: a careless cut would leave half of one.
    const message = `${"x".repeat(TRACE_MESSAGE_MAX - 10)}${"😀".repeat(length)}`.slice(0, length);
    const res = await restCall("POST", "/internal/provision-complete", {
      body: { job_id: jobId, status: "Failed", failure_stage: "ansible", message },
    });
    expect(res).toEqual({ status: 200, body: { job_id: jobId, status: "Failed", changed: true } });
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "Failed", message });
    expect((await db().tenant.findUniqueOrThrow({ where: { id: tenantId } })).status).toBe("failed");
    const callback = await db().traceEvent.findFirstOrThrow({ where: { traceId, stage: "callback" } });
    expect(callback.message!.length).toBeLessThanOrEqual(TRACE_MESSAGE_MAX);
    expect(callback.message!.startsWith("callback received: Failed at ansible: xxx")).toBe(true);
    if (`callback received: Failed at ansible: ${message}`.length > TRACE_MESSAGE_MAX) expect(callback.message!.endsWith("…")).toBe(true);
  });

  it("over the limit is a 400 and leaves the job as it was", async () => {
    const { jobId } = await seedTenantWithJob({ slug: "too-long", status: "provisioning" }, { status: "Dispatched" });
    const res = await restCall("POST", "/internal/provision-complete", {
      body: { job_id: jobId, status: "Failed", failure_stage: "ansible", message: "x".repeat(4001) },
    });
    expect(await rejectedFields(res)).toEqual(["message"]);
    expect((await db().provisionJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("Dispatched");
  });
});

describe("bodies and content types", () => {
  it("a bodyless POST needs no content-type", async () => {
    const res = await handleRestRequest(
      new Request("http://embark.test/api/v1/onboarding/onb_0000000000nothere/resume", {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_INTERNAL_API_KEY}` },
      }),
    );
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("names the whole unsupported content-type in the 415", async () => {
    const res = await rawPost("/api/v1/onboarding", "platformName=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: {
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: 'Unsupported content-type "application/x-www-form-urlencoded"; send the body as application/json',
      },
    });
  });

  it("refuses a body without a content-type with 415", async () => {
    // Bytes, not a string: a string body would get text/plain.
    const res = await rawPost("/internal/trace-events", new TextEncoder().encode('{"trace_id":"x"}'), {});
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/no content-type/);
  });

  it("takes a JSON content-type in any letter case, and +json types", async () => {
    const body = JSON.stringify({ trace_id: newTraceId(), stage: "ansible", status: "info" });
    for (const type of ["Application/JSON; charset=utf-8", "application/merge-patch+json"]) {
      expect((await rawPost("/internal/trace-events", body, { "content-type": type })).status).toBe(202);
    }
  });
});
