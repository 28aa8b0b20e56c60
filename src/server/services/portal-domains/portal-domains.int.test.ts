import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedTenant } from "../../../../test/support/provisioning-factory";
import { operatorCaller } from "../../../../test/support/operator-caller";
import { restCall, type TJsonBody } from "../../../../test/support/rest-call";
import { reloadEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { startDnsTestServer, type TDnsTestServer } from "@/server/integrations/dns/dns-test-server";
import { startKubeTestServer, type TKubeTestServer } from "@/server/integrations/kubernetes/kube-test-server";
import { ensurePortalTarget } from "./portal-target";
import { reconcilePortalDomain } from "./reconcile-portal-domain";
import { portalResourceNames } from "./render-portal-manifests";

let dns: TDnsTestServer;
let kube: TKubeTestServer;
let dir: string;
let kubeconfig: string;
let ingress: { server: Server; port: number; hits: string[] };

const HOUR = 60 * 60 * 1000;
const api = (method: string, path: string, body?: unknown) => restCall(method, path, { body });

function configure(settings: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(settings)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  reloadEnv();
}

async function startIngress() {
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=portal domains",
    "-addext", "subjectAltName=DNS:portal.acme-corp.com,DNS:clients.beta-corp.com,DNS:app.gamma-corp.com",
    "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"),
  ], { stdio: "ignore" });
  const hits: string[] = [];
  const server = createServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (req, res) => {
    hits.push(`${req.headers.host}${req.url}`);
    res.writeHead(200).end("portal");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as { port: number }).port, hits };
}

const manifestDir = () => join(dir, "manifests");

function clusterSettings(withCluster = true) {
  configure({
    DNS_RESOLVERS: dns.address,
    PORTAL_BASE_DOMAIN: "portal.embark.io",
    PORTAL_DOMAIN_MANIFEST_DIR: manifestDir(),
    KUBECONFIG: withCluster ? kubeconfig : undefined,
    PORTAL_INGRESS_ADDRESS: `127.0.0.1:${ingress.port}`,
    PORTAL_INGRESS_CA_FILE: join(dir, "cert.pem"),
  });
}

/** A tenant whose CNAME target is known before it submits, as the settings page shows it. */
async function tenantWithTarget(slug: string) {
  const tenantId = await seedTenant({ slug, createdBy: `user-${slug}` });
  const label = await ensurePortalTarget(db(), tenantId);
  return { tenantId, target: `${label}.portal.embark.io` };
}

async function statusOf(id: string, want: string) {
  let last: TJsonBody = {};
  try {
    return await eventually(
      async () => {
        last = (await api("GET", `/v1/portal-domains/${id}`)).body;
        return last.status === want ? last : null;
      },
      { what: `portal domain ${id} to reach ${want}`, timeoutMs: 20_000 },
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen ${last.status}: ${last.status_message}`);
  }
}

/** An endpoint subscribed to the portal domain events, so emitted events leave delivery rows to count. */
const subscribeToDomainEvents = () =>
  db().webhookEndpoint.create({
    data: {
      id: "whe_portaltest",
      url: "http://127.0.0.1:9/hook",
      events: ["portal_domain.certificate_stuck", "portal_domain.failed", "portal_domain.active"],
      secretSealed: "x",
      secretPrefix: "x",
      createdBy: "test",
    },
  });
const deliveries = (type: string) => db().webhookDelivery.count({ where: { eventType: type } });

const traceOf = async (id: string) => {
  const row = await db().portalDomain.findUniqueOrThrow({ where: { id }, select: { traceId: true } });
  return db().traceEvent.findMany({ where: { traceId: row.traceId }, orderBy: { id: "asc" } });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "embark-portal-"));
  dns = await startDnsTestServer();
  kube = await startKubeTestServer();
  kubeconfig = kube.writeKubeconfig(dir);
  ingress = await startIngress();
  clusterSettings();
  await startJobRuntime({ role: "all" });
});
afterAll(async () => {
  await stopJobRuntime();
  await dns.close();
  await kube.close();
  await new Promise((resolve) => ingress.server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await resetDatabase();
  dns.cnames.clear();
  kube.requests.length = 0;
  kube.objects.clear();
  ingress.hits.length = 0;
  rmSync(manifestDir(), { recursive: true, force: true });
  clusterSettings();
});

describe("a portal domain with the right CNAME", () => {
  it("is verified, applied, snapshotted, probed through the ingress and becomes active", async () => {
    const { tenantId, target } = await tenantWithTarget("acme");
    // A chain: the tenant's name → their own alias → Embark's target, in mixed case with trailing dots.
    dns.cnames.set("portal.acme-corp.com", "Edge.Acme-Corp.com.");
    dns.cnames.set("edge.acme-corp.com", `${target.toUpperCase()}.`);

    const created = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "HTTPS://Portal.Acme-Corp.com./login" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ domain: "portal.acme-corp.com", status: "pending", cname_target: target });

    const deploying = await statusOf(created.body.id, "deploying");
    expect(deploying.status_message).toMatch(/waiting for the certificate|cert-manager/i);
    const names = portalResourceNames(tenantId);
    const applies = kube.requests.filter((r) => r.method === "PATCH");
    expect(applies.map((r) => r.path).sort()).toEqual([
      `/apis/cert-manager.io/v1/namespaces/msp/certificates/${names.certificate}`,
      `/apis/networking.istio.io/v1/namespaces/istio-system/gateways/${names.gateway}`,
      `/apis/networking.istio.io/v1/namespaces/msp/virtualservices/${names.virtualService}`,
    ]);
    for (const r of applies) {
      expect(r).toMatchObject({ contentType: "application/apply-patch+yaml", fieldManager: "embark", force: "true" });
    }
    const vs = kube.objects.get(`virtualservices/msp/${names.virtualService}`) as TJsonBody;
    expect(vs.spec.http[0]).toMatchObject({
      match: [{ uri: { prefix: "/.well-known/acme-challenge/" } }],
      route: [{ destination: { host: "cert-manager-acme-solver.msp.svc.cluster.local" } }],
    });
    const gw = kube.objects.get(`gateways/istio-system/${names.gateway}`) as TJsonBody;
    expect(gw.spec.servers[0].tls).toBeUndefined();

    const folder = join(manifestDir(), names.prefix);
    const snapshot = readFileSync(join(folder, "gateway.json"), "utf8");
    expect(JSON.parse(snapshot)).toEqual(gw);
    expect(snapshot.indexOf('"apiVersion"')).toBeLessThan(snapshot.indexOf('"kind"'));
    expect(snapshot.indexOf('"kind"')).toBeLessThan(snapshot.indexOf('"metadata"'));
    expect(existsSync(join(folder, "certificate.json")) && existsSync(join(folder, "virtualservice.json"))).toBe(true);

    kube.setCertificateCondition("msp", names.certificate, { status: "True", reason: "Ready", message: "Certificate is up to date" });
    const forced = await api("POST", `/internal/portal-domains/${created.body.id}/reconcile`);
    expect(forced.status).toBe(202);
    const active = await statusOf(created.body.id, "active");
    expect(active.status_message).toContain(`through 127.0.0.1:${ingress.port}`);
    expect(ingress.hits).toContain("portal.acme-corp.com/");

    const stages = (await traceOf(created.body.id)).map((e) => e.stage);
    expect(stages).toEqual([
      "portal_domain.pending",
      "portal_domain.verifying_dns",
      "portal_domain.pending_certificate",
      "portal_domain.deploying",
      "portal_domain.active",
    ]);
    const events = await traceOf(created.body.id);
    expect(events.every((e) => (e.data as TJsonBody).tenantId === tenantId && (e.data as TJsonBody).portalDomainId === created.body.id)).toBe(true);
  });

  it("waits in pending_certificate with the reason when no cluster is configured", async () => {
    clusterSettings(false);
    const { tenantId, target } = await tenantWithTarget("nocluster");
    dns.cnames.set("portal.acme-corp.com", target);
    const created = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "portal.acme-corp.com" });
    const waiting = await statusOf(created.body.id, "pending_certificate");
    expect(waiting.status_message).toMatch(/written to .*must be applied: no cluster is configured/);
    expect(kube.requests).toEqual([]);
  });
});

describe("a portal domain with a wrong CNAME", () => {
  it("ends dns_failed with the reason, and the scheduled re-check moves it on once DNS is fixed", async () => {
    await subscribeToDomainEvents();
    const { tenantId, target } = await tenantWithTarget("beta");
    dns.cnames.set("clients.beta-corp.com", "pzzzzzzzzzzzz.portal.embark.io");
    const created = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "clients.beta-corp.com" });
    const failed = await statusOf(created.body.id, "dns_failed");
    expect(failed.status_message).toContain(`not ${target}`);
    expect(failed.last_checked_at).not.toBeNull();

    const first = await db().portalDomain.findUniqueOrThrow({ where: { id: created.body.id } });
    const firstWait = first.nextCheckAt!.getTime() - first.lastCheckedAt!.getTime();
    expect(firstWait).toBeGreaterThan(0);
    // Still wrong at the next check: it waits twice as long, and the failure is reported once.
    await reconcilePortalDomain({ portalDomainId: created.body.id, dueAt: first.nextCheckAt!.toISOString() });
    const row = await db().portalDomain.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.nextCheckAt!.getTime() - row.lastCheckedAt!.getTime()).toBe(2 * firstWait);
    expect(await deliveries("portal_domain.failed")).toBe(1);
    // An outdated scheduled check does nothing.
    expect(await reconcilePortalDomain({ portalDomainId: created.body.id, dueAt: new Date(0).toISOString() })).toEqual({
      status: "dns_failed",
      skipped: true,
    });

    dns.cnames.set("clients.beta-corp.com", target);
    const outcome = await reconcilePortalDomain({ portalDomainId: created.body.id, dueAt: row.nextCheckAt!.toISOString() });
    expect(outcome).toEqual({ status: "deploying", skipped: false });
  });
});

describe("a certificate that never becomes Ready", () => {
  it("ends certificate_failed after an hour, raises one alert and one webhook, and clears it once Ready", async () => {
    await subscribeToDomainEvents();
    const { tenantId, target } = await tenantWithTarget("gamma");
    dns.cnames.set("app.gamma-corp.com", target);
    const created = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "app.gamma-corp.com" });
    const id = created.body.id as string;
    await statusOf(id, "deploying");
    const names = portalResourceNames(tenantId);
    kube.setCertificateCondition("msp", names.certificate, { status: "False", reason: "Pending", message: "Issuing certificate" });

    const base = Date.now();
    expect(await reconcilePortalDomain({ portalDomainId: id, now: new Date(base + 0.5 * HOUR) })).toMatchObject({ status: "deploying" });
    expect((await api("GET", `/v1/portal-domains/${id}`)).body.status_message).toContain("Pending: Issuing certificate");

    expect(await reconcilePortalDomain({ portalDomainId: id, now: new Date(base + 1.1 * HOUR) })).toMatchObject({ status: "certificate_failed" });
    expect(await reconcilePortalDomain({ portalDomainId: id, now: new Date(base + 1.5 * HOUR) })).toMatchObject({ status: "certificate_failed" });
    expect((await api("GET", `/v1/portal-domains/${id}`)).body.status_message).toMatch(/over an hour.*Pending/);

    const alerts = await db().opsAlert.findMany({ where: { subjectId: id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "portal_domain.certificate_stuck", clearedAt: null, tenantId });
    expect(await deliveries("portal_domain.certificate_stuck")).toBe(1);
    expect(await deliveries("portal_domain.failed")).toBe(1);

    kube.setCertificateCondition("msp", names.certificate, { status: "True", reason: "Ready", message: "Certificate is up to date" });
    expect(await reconcilePortalDomain({ portalDomainId: id, now: new Date(base + 2 * HOUR) })).toMatchObject({ status: "active" });
    const cleared = await db().opsAlert.findMany({ where: { subjectId: id } });
    expect(cleared).toHaveLength(1);
    expect(cleared[0]!.clearedAt).not.toBeNull();
    expect(await deliveries("portal_domain.active")).toBe(1);
  });
});

describe("disabling a portal domain", () => {
  it("deletes its resources from the cluster, removes its snapshots, and frees the tenant for another domain", async () => {
    const { tenantId, target } = await tenantWithTarget("delta");
    dns.cnames.set("portal.acme-corp.com", target);
    const created = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "portal.acme-corp.com" });
    await statusOf(created.body.id, "deploying");
    const names = portalResourceNames(tenantId);
    kube.setCertificateCondition("msp", names.certificate, { status: "True", reason: "Ready", message: "ok" });
    expect(kube.objects.size).toBe(4);

    const disabled = await api("DELETE", `/v1/portal-domains/${created.body.id}`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe("disabled");
    const cleaned = await eventually(
      async () => {
        const res = await api("GET", `/v1/portal-domains/${created.body.id}`);
        return /deleted from the cluster/.test(res.body.status_message) ? res.body : null;
      },
      { what: "the clean-up", timeoutMs: 20_000 },
    );
    expect(cleaned.status_message).toContain(`Certificate msp/${names.certificate}`);
    expect(cleaned.status_message).toContain(`Secret msp/${names.secret}`);
    expect(cleaned.status_message).toContain("removed snapshots");
    expect(kube.objects.size).toBe(0);
    expect(kube.requests.filter((r) => r.method === "DELETE")).toHaveLength(4);
    expect(existsSync(join(manifestDir(), names.prefix))).toBe(false);

    const again = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "portal.acme-corp.com" });
    expect(again.status).toBe(201);
    await statusOf(again.body.id, "deploying");
    // A late clean-up of the old domain leaves the resources the new one now uses.
    expect(await reconcilePortalDomain({ portalDomainId: created.body.id })).toMatchObject({ status: "disabled" });
    expect((await api("GET", `/v1/portal-domains/${created.body.id}`)).body.status_message).toContain("now serve portal.acme-corp.com");
    expect(kube.objects.has(`certificates/msp/${names.certificate}`)).toBe(true);
    expect(existsSync(join(manifestDir(), names.prefix, "gateway.json"))).toBe(true);
  });
});

describe("submitting", () => {
  it("refuses bad names with 400 naming the field and the problem", async () => {
    const { tenantId } = await tenantWithTarget("eps");
    for (const [domain, problem] of [["10.0.0.1", "ip_literal"], ["example.com", "apex"], ["x.portal.embark.io", "own_zone"], ["*.a.com", "wildcard"]]) {
      const res = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toMatchObject({ field: "domain", problem });
    }
    expect(await db().portalDomain.count()).toBe(0);
  });

  it("keeps one live domain per tenant and one tenant per domain, even when many submit at once", async () => {
    const a = await tenantWithTarget("zeta");
    const b = await tenantWithTarget("eta");
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api("POST", `/v1/tenants/${a.tenantId}/portal-domains`, { domain: `p${i}.zeta-corp.com` })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(7);
    const taken = answers.find((r) => r.status === 201)!.body.domain as string;
    const clash = await Promise.all(
      Array.from({ length: 4 }, () => api("POST", `/v1/tenants/${b.tenantId}/portal-domains`, { domain: taken })),
    );
    expect(clash.map((r) => r.status)).toEqual([409, 409, 409, 409]);
    expect(clash[0]!.body.error.message).toContain("already registered");
    // Every stored domain has its background job.
    const jobs = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM pgboss.job WHERE name = 'portal-domains.reconcile' AND data->>'portalDomainId' = ${answers.find((r) => r.status === 201)!.body.id}`;
    expect(Number(jobs[0]!.n)).toBeGreaterThanOrEqual(1);
  });

  it("lets a tenant's own user in and hides other tenants' domains", async () => {
    const { createCaller } = await import("@/server/trpc/root");
    const { createInnerContext } = await import("@/server/trpc/context");
    const as = (id: string) =>
      createCaller(createInnerContext({ principal: { kind: "user", user: { id, email: `${id}@x.test`, name: id, role: "user" } } }));
    const { tenantId } = await tenantWithTarget("theta");
    const mine = await as("user-theta").portalDomains.submit({ tenant_id: tenantId, domain: "portal.theta-corp.com" });
    expect(mine.status).toBe("pending");
    await expect(as("someone-else").portalDomains.get({ id: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      as("someone-else").portalDomains.submit({ tenant_id: tenantId, domain: "portal2.theta-corp.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("reconciliations of one domain", () => {
  it("run one after the other when started at once", async () => {
    clusterSettings(false);
    const { tenantId, target } = await tenantWithTarget("iota");
    dns.cnames.set("portal.acme-corp.com", target);
    const created = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "portal.acme-corp.com" });
    await statusOf(created.body.id, "pending_certificate");
    const before = (await traceOf(created.body.id)).length;
    await Promise.all([1, 2, 3].map(() => reconcilePortalDomain({ portalDomainId: created.body.id })));
    const passes = (await traceOf(created.body.id)).slice(before);
    // Each pass starts from where the previous one ended: never two passes starting from the same state at once.
    expect(passes.map((e) => [e.stage, (e.data as TJsonBody).from])).toEqual([
      ["portal_domain.verifying_dns", "pending_certificate"],
      ["portal_domain.pending_certificate", "verifying_dns"],
      ["portal_domain.verifying_dns", "pending_certificate"],
      ["portal_domain.pending_certificate", "verifying_dns"],
      ["portal_domain.verifying_dns", "pending_certificate"],
      ["portal_domain.pending_certificate", "verifying_dns"],
    ]);
  });
});

describe("a Kubernetes API that fails", () => {
  /** What an operator sees on /cp for the domain: the tRPC procedure behind its detail page. */
  const opsView = async (id: string) => (await operatorCaller()).portalDomains.detail({ id });

  it.each([
    { fault: { status: 503 }, reason: /Could not apply the manifests: Kubernetes answered 503/ },
    { fault: { hang: true as const }, reason: /Could not apply the manifests: the Kubernetes API did not answer the apply of \w+ .* within 10 s/ },
  ])("answering $fault: the pass ends certificate_failed with the reason for operators, a re-check is scheduled, and it recovers", async ({ fault, reason }) => {
    const { tenantId, target } = await tenantWithTarget(`kube-${"status" in fault ? fault.status : "hang"}`);
    dns.cnames.set("portal.acme-corp.com", target);
    kube.failNext(fault);
    const created = await api("POST", `/v1/tenants/${tenantId}/portal-domains`, { domain: "portal.acme-corp.com" });
    const failed = await statusOf(created.body.id, "certificate_failed");
    expect(failed.status_message).toMatch(reason);

    const seen = await opsView(created.body.id);
    expect(seen.domain).toMatchObject({ status: "certificate_failed", status_message: expect.stringMatching(reason) });
    expect(seen.next_check_at!.getTime()).toBeGreaterThan(Date.now());

    // The scheduled re-check, once the API answers again, applies and moves on.
    const recheck = await db().portalDomain.findUniqueOrThrow({ where: { id: created.body.id }, select: { nextCheckAt: true } });
    await reconcilePortalDomain({ portalDomainId: created.body.id, dueAt: recheck.nextCheckAt!.toISOString() });
    expect((await opsView(created.body.id)).domain.status).toBe("deploying");
  }, 40_000);
});
