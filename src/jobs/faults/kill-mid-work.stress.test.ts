import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../test/support/db";
import { reloadEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { startDnsTestServer, type TDnsTestServer } from "@/server/integrations/dns/dns-test-server";
import { startFakeGithub, type TFakeGithub } from "@/server/integrations/github/github-test-server";
import { startKubeTestServer, type TKubeTestServer } from "@/server/integrations/kubernetes/kube-test-server";
import { startSmtpTestServer, type TSmtpTestServer } from "@/server/integrations/mail/smtp-test-server";
import { ensurePortalTarget } from "@/server/services/portal-domains/portal-target";
import { portalResourceNames } from "@/server/services/portal-domains/render-portal-manifests";
import { submitPortalDomain } from "@/server/services/portal-domains/submit-portal-domain";
import { queueEmail } from "@/server/services/outbox/queue-email";
import { createTenant } from "@/server/services/tenants/create-tenant";
import { createWebhookEndpoint } from "@/server/services/webhooks/create-webhook-endpoint";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import { startWebhookTestReceiver, type TWebhookTestReceiver } from "@/server/services/webhooks/webhook-test-receiver";
import { seedTenant } from "../../../test/support/provisioning-factory";
import { killFixtureProcesses, killProcessGroup, startFixtureProcess } from "../fixture-process";

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.fixture.ts");
const TOKEN = "ghp_faulttoken00000000000000000000000";
const DISPATCH_PATH = "/repos/acme/infra/actions/workflows/provision-tenant.yml/dispatches";

let github: TFakeGithub;
let smtp: TSmtpTestServer;
let receiver: TWebhookTestReceiver;
let dns: TDnsTestServer;
let kube: TKubeTestServer;
let dir: string;

const startWorker = () => startFixtureProcess(fixture, [], { ownGroup: true });

beforeAll(async () => {
  github = await startFakeGithub({ token: TOKEN, hangMs: 10 * 60_000 });
  smtp = await startSmtpTestServer();
  dns = await startDnsTestServer();
  kube = await startKubeTestServer();
  dir = mkdtempSync(path.join(tmpdir(), "embark-faults-"));
  Object.assign(process.env, {
    DNS_RESOLVERS: dns.address,
    PORTAL_BASE_DOMAIN: "portal.embark.io",
    PORTAL_DOMAIN_MANIFEST_DIR: path.join(dir, "manifests"),
    KUBECONFIG: kube.writeKubeconfig(dir),
    PROVISION_DISPATCHER: "github",
    GITHUB_TOKEN: TOKEN,
    GITHUB_WORKFLOW_DISPATCH_URL: `${github.url}${DISPATCH_PATH}`,
    SMTP_URL: smtp.url,
  });
  reloadEnv();
  await startJobRuntime({ role: "web" });
});
afterAll(async () => {
  await stopJobRuntime();
  await Promise.all([github.close(), smtp.close(), dns.close(), kube.close()]);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDatabase();
  receiver = await startWebhookTestReceiver();
});
afterEach(async () => {
  killFixtureProcesses();
  await receiver.close();
});

describe("a worker killed (kill -9 of its process group) in the middle of every kind of outbound work", () => {
  it("finishes each piece of work after a restart within 60 s, and nothing reaches the outside world twice", async () => {
    // Each downstream takes the request and holds its answer, so the kill
    // lands while the call is in flight: the worst moment for a duplicate.
    github.respondWith({ acceptThenHang: true });
    smtp.holdMessages(true);
    receiver.answer({ status: 200, body: "ok", delayMs: 10 * 60_000 });
    kube.failNext({ hang: true, method: "GET" });

    const signup = await createTenant({
      input: { company_name: "Faulty Co", subdomain_slug: "faulty-co", plan: "starter" },
      callerScope: "internal",
    });
    const mail = await queueEmail({ to: "ops@example.com", subject: "Fault test", text: "sent exactly once" });
    const endpoint = await createWebhookEndpoint({
      url: receiver.url,
      events: ["onboarding.completed", "portal_domain.active"],
      actor: { id: "user-admin", label: "admin@example.com" },
    });
    receiver.secret = endpoint.secret;
    const { eventId } = await emitWebhookEvent({ db: db(), type: "onboarding.completed", data: { tenant: "faulty-co" } });
    const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { endpointId_eventId: { endpointId: endpoint.id, eventId } } });

    // A portal domain whose certificate poll the Kubernetes API leaves unanswered.
    const tenantId = await seedTenant({ slug: "faulty-portal", createdBy: "user-faulty" });
    dns.cnames.set("portal.faulty-co.com", `${await ensurePortalTarget(db(), tenantId)}.portal.embark.io`);
    const domain = await submitPortalDomain({ tenantId, domain: "portal.faulty-co.com", viewer: undefined, createdBy: null });

    const doomed = startWorker();
    await doomed.line("READY");
    await Promise.all([github.accepted(1), smtp.held(1), receiver.waitFor(1)]);
    await eventually(async () => kube.faulted.length === 1, { what: "the certificate poll to reach the Kubernetes API" });
    killProcessGroup(doomed);
    expect((await doomed.exited).signal).toBe("SIGKILL");

    // What the kill left behind: a dispatch GitHub accepted but nobody
    // recorded, a mail the SMTP server never acknowledged, a webhook request
    // never answered.
    expect(await db().provisionJob.findUniqueOrThrow({ where: { id: signup.job_id } })).toMatchObject({
      status: "Pending",
      dispatchRunId: null,
    });
    await eventually(async () => smtp.dropped.length === 1, { what: "the SMTP server to drop the unacknowledged mail" });
    smtp.holdMessages(false);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "queued" });
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "pending", attempts: 0 });

    expect((await db().portalDomain.findUniqueOrThrow({ where: { id: domain.id } })).status).not.toBe("active");
    const names = portalResourceNames(tenantId);
    kube.setCertificateCondition("msp", names.certificate, { status: "True", reason: "Ready", message: "Certificate is up to date" });

    const restarted = startWorker();
    await restarted.line("READY");
    await eventually(
      async () => {
        const [job, outbox, hook, portal] = await Promise.all([
          db().provisionJob.findUniqueOrThrow({ where: { id: signup.job_id } }),
          db().outboxMessage.findUniqueOrThrow({ where: { id: mail.id } }),
          db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }),
          db().portalDomain.findUniqueOrThrow({ where: { id: domain.id } }),
        ]);
        return job.status === "Dispatched" && outbox.status === "sent" && hook.status === "succeeded" && portal.status === "active";
      },
      { timeoutMs: 60_000, what: "the dispatch, the mail, the webhook and the portal domain to reach their end state" },
    );

    // GitHub: one workflow run, found again by its name instead of dispatched twice.
    expect(github.dispatches).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === "POST" && r.path === DISPATCH_PATH)).toHaveLength(1);
    const job = await db().provisionJob.findUniqueOrThrow({ where: { id: signup.job_id } });
    expect(job.dispatchRunId).toBe(String(github.dispatches[0]!.runId));
    // SMTP: the unacknowledged copy was dropped; exactly one was accepted.
    expect(smtp.received.filter((m) => m.rcptTo.includes("ops@example.com"))).toHaveLength(1);
    // Webhook: the lost request was never answered; the retry was, once, and is the one attempt logged.
    expect(receiver.received.filter((r) => r.headers["embark-delivery-id"] === delivery.id)).toHaveLength(2);
    const attempts = await db().webhookDeliveryAttempt.findMany({ where: { deliveryId: delivery.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ statusCode: 200 });

    // Portal domain: the killed pass left nothing (its transaction rolled back);
    // the rerun applied again (server-side apply is idempotent) and announced it active once.
    const portalEvents = await db().webhookDelivery.findMany({ where: { endpointId: endpoint.id, eventType: "portal_domain.active" } });
    expect(portalEvents).toHaveLength(1);
    expect(kube.faulted).toHaveLength(1);

    restarted.child.kill("SIGTERM");
    expect((await restarted.exited).code).toBe(0);
  }, 120_000);
});
