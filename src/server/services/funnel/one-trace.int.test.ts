import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { restCall, type TJsonBody } from "../../../../test/support/rest-call";
import { startRestServer, type TRestServer } from "../../../../test/support/rest-server";
import { newWizardTraceId } from "@/components/onboarding/wizard-trace";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { TRACE_ID_HEADER } from "@/lib/trace-id-header";
import { callAuth, cookieHeaderFrom } from "@/server/auth/testing/auth-requests";
import { db } from "@/server/db";
import { getOutboxMessage } from "@/server/services/outbox/get-outbox-message";

let server: TRestServer;

beforeAll(async () => {
  server = await startRestServer();
  await startJobRuntime({ role: "all" });
});
afterAll(async () => {
  await stopJobRuntime();
  await server.close();
});
beforeEach(() => resetDatabase());

async function codeFromOutbox(to: string): Promise<string> {
  const row = await eventually(() => db().outboxMessage.findFirst({ where: { to }, select: { id: true } }), { what: "the code mail" });
  const message = await getOutboxMessage({ id: row.id, reveal: true });
  return /code is (\d{6})/.exec(message.body)![1]!;
}

describe("one trace from the wizard's first step to the provision callback", () => {
  it("carries the wizard's trace id through sign-in, the session, registerTenant, the provision job and its callback", async () => {
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
