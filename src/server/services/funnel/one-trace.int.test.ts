import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedUsers } from "../../../../test/support/user-factory";
import { restCall, type TJsonBody } from "../../../../test/support/rest-call";
import { startRestServer, type TRestServer } from "../../../../test/support/rest-server";
import { newWizardTraceId } from "@/components/onboarding/wizard-trace";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { TRACE_ID_HEADER } from "@/lib/trace-id-header";
import { callAuth, cookieHeaderFrom } from "@/server/auth/testing/auth-requests";
import { db } from "@/server/db";
import { getOutboxMessage } from "@/server/services/outbox/get-outbox-message";
import { buildTraceTimeline } from "@/server/services/trace/build-trace-timeline";
import { findTraces } from "@/server/services/trace/find-traces";
import { createWebhookEndpoint } from "@/server/services/webhooks/create-webhook-endpoint";
import { startWebhookTestReceiver, type TWebhookTestReceiver } from "@/server/services/webhooks/webhook-test-receiver";

let server: TRestServer;
let receiver: TWebhookTestReceiver;

beforeAll(async () => {
  server = await startRestServer();
  await startJobRuntime({ role: "all" });
});
afterAll(async () => {
  await receiver?.close();
  await stopJobRuntime();
  await server.close();
});
beforeEach(async () => {
  await resetDatabase();
  // An onboarding names an existing user.
  await seedUsers(["user-a", "user-b"]);
});

async function codeFromOutbox(to: string): Promise<string> {
  const row = await eventually(() => db().outboxMessage.findFirst({ where: { to }, select: { id: true } }), { what: "the code mail" });
  const message = await getOutboxMessage({ id: row.id, reveal: true });
  return /code is (\d{6})/.exec(message.body)![1]!;
}

describe("one trace from the wizard's first step to the provision callback", () => {
  it("carries the wizard's trace id through sign-in, the session, registerTenant, the provision job and its callback", async () => {
    receiver = await startWebhookTestReceiver();
    receiver.secret = (await createWebhookEndpoint({ url: receiver.url, events: ["provision.completed"], actor: { id: "admin", label: "admin@example.com" } })).secret;
    const traceId = newWizardTraceId();
    const email = "trace.person@example.com";
    const traced = { [TRACE_ID_HEADER]: traceId };

    expect((await callAuth("/email-otp/send-verification-otp", { body: { email, type: "sign-in" }, headers: traced })).status).toBe(200);
    const code = await codeFromOutbox(email);
    const signedIn = await callAuth("/sign-in/email-otp", { body: { email, otp: code }, headers: traced });
    expect(signedIn.status).toBe(200);
    const userId = ((await signedIn.json()) as TJsonBody).user.id as string;

    const created = await restCall("POST", "/api/v1/onboarding", {
      baseUrl: server.url,
      token: null,
      headers: { cookie: cookieHeaderFrom(signedIn), origin: server.url },
      body: { platformName: "Traced Inc", slug: "traced", tier: "starter", userId, traceId },
    });
    expect(created.status).toBe(202);
    expect(created.body.traceId).toBe(traceId);
    const jobId = created.body.jobId as string;

    const job = await eventually(
      () => db().provisionJob.findFirst({ where: { id: jobId, status: { in: ["Completed", "Failed"] } } }),
      { what: "the provision callback", timeoutMs: 25_000 },
    );
    expect(job).toMatchObject({ status: "Completed", traceId });
    const session = await db().onboardingSession.findUniqueOrThrow({ where: { id: created.body.onboardingId }, include: { steps: true } });
    expect(session.traceId).toBe(traceId);
    expect(session.steps.find((s) => s.key === "provision_infra")!.result).toMatchObject({ trace_id: traceId });

    // Every stage the runner played, the callback included, is on the wizard's trace.
    const stages = await db().traceEvent.findMany({ where: { jobId }, select: { traceId: true, stage: true } });
    expect(new Set(stages.map((s) => s.traceId))).toEqual(new Set([traceId]));
    expect(stages.map((s) => s.stage)).toEqual(expect.arrayContaining(["placement", "resolve_target", "register_node", "callback"]));

    const milestones = await eventually(
      async () => {
        const res = await restCall("GET", `/internal/funnel-events?trace_id=${traceId}&limit=100`, { baseUrl: server.url });
        const names = res.body.map((e: TJsonBody) => e.name as string);
        return names.includes("provisioning_completed") ? names : null;
      },
      { what: "the provisioning milestone" },
    );
    expect(milestones.slice(0, 6)).toEqual(["signup_started", "code_sent", "code_verified", "company_submitted", "plan_chosen", "provisioning_completed"]);
    const stored = JSON.stringify(await db().funnelEvent.findMany({ where: { traceId }, omit: { id: true } }));
    expect(stored).not.toContain(email);
    expect(stored).not.toContain(code);

    // The trace explorer finds the trace by each of its names and lays it all out on one timeline.
    for (const q of [traceId, jobId, created.body.onboardingId, email.toUpperCase(), "traced"]) {
      expect((await findTraces({ q })).map((m) => m.traceId), q).toContain(traceId);
    }
    expect(await findTraces({ q: "nobody@example.com" })).toEqual([]);
    await receiver.waitFor(1);
    const timeline = await eventually(
      async () => {
        const entries = await buildTraceTimeline({ traceId });
        return entries.some((e) => e.kind === "webhook" && e.status === "succeeded") ? entries : null;
      },
      { what: "the delivered webhook on the timeline" },
    );
    expect(new Set(timeline.map((e) => e.kind))).toEqual(new Set(["funnel", "onboarding", "provision", "callback", "webhook"]));
    expect(timeline[0]).toMatchObject({ kind: "funnel", title: "signup_started · email", gapMs: null });
    for (let i = 1; i < timeline.length; i++) {
      expect(timeline[i]!.at.getTime()).toBeGreaterThanOrEqual(timeline[i - 1]!.at.getTime());
      expect(timeline[i]!.gapMs).toBe(timeline[i]!.at.getTime() - timeline[i - 1]!.at.getTime());
    }
    expect(timeline.find((e) => e.kind === "callback")).toMatchObject({ href: `/cp/jobs/${jobId}` });
  });

  it("does not let a second signup join a trace another tenant already has", async () => {
    const traceId = newWizardTraceId();
    const first = await restCall("POST", "/api/v1/onboarding", {
      baseUrl: server.url,
      body: { platformName: "First Inc", slug: "first-one", tier: "starter", userId: "user-a", traceId },
    });
    const second = await restCall("POST", "/api/v1/onboarding", {
      baseUrl: server.url,
      body: { platformName: "Second Inc", slug: "second-one", tier: "starter", userId: "user-b", traceId },
    });
    expect(first.body.traceId).toBe(traceId);
    expect(second.status).toBe(202);
    expect(second.body.traceId).toMatch(/^trace_/);
    expect(second.body.traceId).not.toBe(traceId);
  });
});
