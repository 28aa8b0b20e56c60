import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { captured } from "../test/support/log-capture";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../test/support/db";
import { seedTenant } from "../test/support/provisioning-factory";
import { startRestServer, type TRestServer } from "../test/support/rest-server";
import { TEST_INTERNAL_API_KEY } from "../test/support/test-env";
import { reloadEnv } from "@/env";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { eventually } from "@/jobs/testing";
import { db } from "@/server/db";
import { startDnsTestServer, type TDnsTestServer } from "@/server/integrations/dns/dns-test-server";
import { ensurePortalTarget } from "@/server/services/portal-domains/portal-target";
import { submitPortalDomain } from "@/server/services/portal-domains/submit-portal-domain";

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, "trigger-portal-domain-workflow.mjs");

let server: TRestServer;
let dns: TDnsTestServer;

const trigger = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, [SCRIPT, ...args], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", CONTROL_PLANE_URL: server.url, EMBARK_API_KEY: TEST_INTERNAL_API_KEY, ...env },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  ).then(captured("trigger-portal-domain-workflow"));

const passesOf = async (id: string) => {
  const { traceId } = await db().portalDomain.findUniqueOrThrow({ where: { id }, select: { traceId: true } });
  const events = await db().traceEvent.findMany({ where: { traceId }, orderBy: { id: "asc" } });
  return events.map((e) => `${(e.data as { from: string }).from}>${e.stage.replace("portal_domain.", "")}`);
};

beforeAll(async () => {
  server = await startRestServer();
  dns = await startDnsTestServer();
  process.env.DNS_RESOLVERS = dns.address;
  delete process.env.KUBECONFIG;
  delete process.env.PORTAL_DOMAIN_MANIFEST_DIR;
  reloadEnv();
  await startJobRuntime({ role: "all" });
});
afterAll(async () => {
  await stopJobRuntime();
  await dns.close();
  await server.close();
});
beforeEach(async () => {
  await resetDatabase();
  dns.cnames.clear();
});

async function domainWaitingForCluster() {
  const tenantId = await seedTenant({ slug: "scripted" });
  const label = await ensurePortalTarget(db(), tenantId);
  dns.cnames.set("portal.scripted-corp.com", `${label}.portal.embark.localhost`);
  const domain = await submitPortalDomain({ tenantId, domain: "portal.scripted-corp.com", viewer: undefined, createdBy: null });
  await eventually(async () => (await passesOf(domain.id)).length === 3, { what: "the first pass" });
  return { tenantId, id: domain.id };
}

describe("scripts/trigger-portal-domain-workflow.mjs", () => {
  it("queues a reconciliation through the internal endpoint, and two at once run one after the other", async () => {
    const { tenantId, id } = await domainWaitingForCluster();
    const [a, b] = await Promise.all([
      trigger(["--tenant", tenantId, "--domain-id", id]),
      trigger(["--tenant", tenantId, "--domain-id", id]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(a.stdout)).toMatchObject({ id, tenant_id: tenantId, domain: "portal.scripted-corp.com", queued: true });
    await eventually(async () => (await passesOf(id)).length === 7, { what: "both forced passes" });
    expect(await passesOf(id)).toEqual([
      "new>pending",
      "pending>verifying_dns",
      "verifying_dns>pending_certificate",
      "pending_certificate>verifying_dns",
      "verifying_dns>pending_certificate",
      "pending_certificate>verifying_dns",
      "verifying_dns>pending_certificate",
    ]);
  });

  it("refuses a domain of another tenant, a wrong key and missing arguments", async () => {
    const { id } = await domainWaitingForCluster();
    const other = await trigger(["--tenant", "00000000-0000-4000-8000-000000000000", "--domain-id", id]);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("not 00000000-0000-4000-8000-000000000000");
    const badKey = await trigger(["--tenant", "x", "--domain-id", id], { EMBARK_API_KEY: "wrong-key" });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toMatch(/answered 401/);
    const missing = await trigger(["--tenant", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("usage:");
    expect(await passesOf(id)).toHaveLength(3);
  });
});
