import { describe, expect, it } from "vitest";
import { PROVISION_STAGES } from "@/server/services/provisioning/provision-queue-message";
import { EMBARK_API_KEY, EMBARK_URL, curlCalls, projectDir, runScript, traceEvents, type TRun, type TRunOptions } from "./testing/harness";

const base = { EMBARK_URL, EMBARK_API_KEY, TRACE_ID: "trace_01J9ZK7Q4M", JOB_ID: "job_01J9ZK7Q4M" };
const completeUrl = `${EMBARK_URL}/internal/provision-complete`;

const allGood = {
  OUTCOME_RESOLVE_TARGET: "success",
  OUTCOME_PULUMI_CHECKOUT: "success",
  OUTCOME_PULUMI_SETUP: "success",
  OUTCOME_PULUMI_UP: "success",
  OUTCOME_REGISTER_NODE: "success",
  OUTCOME_ANSIBLE_CHECKOUT: "success",
  OUTCOME_ANSIBLE: "success",
  OUTCOME_ZUPLO_SYNC: "success",
  OUTCOME_DNS: "success",
  CREATE_SERVER: "true",
  JOB_STATUS: "success",
};
const existingServer = {
  ...allGood,
  CREATE_SERVER: "false",
  OUTCOME_PULUMI_CHECKOUT: "skipped",
  OUTCOME_PULUMI_SETUP: "skipped",
  OUTCOME_PULUMI_UP: "skipped",
  OUTCOME_REGISTER_NODE: "skipped",
};

function completion(run: TRun) {
  const calls = curlCalls(run).filter((c) => c.url === completeUrl);
  expect(calls).toHaveLength(1);
  return { body: calls[0]!.json!, headers: calls[0]!.headers ?? [] };
}

function callback(env: Record<string, string>, opts?: TRunOptions): TRun {
  return runScript("callback.sh", { ...base, RUN_URL: "https://github.example/o/r/actions/runs/9", ...env }, opts);
}

describe("callback.sh", { timeout: 30_000 }, () => {
  it("reports Completed with the outputs, authenticated with the callback token", () => {
    const r = callback({
      ...allGood,
      CALLBACK_TOKEN: "cbt_job_123",
      CANONICAL_HOSTNAME: "acme.embark.example",
      NODE_ID: "node-sg-a1b2c3",
      SERVER_IP: "203.0.113.10",
      DB_SERVER_IP: "10.0.0.5",
      PULUMI_STACK: "sg",
    });
    expect(r.code).toBe(0);
    const { body, headers } = completion(r);
    expect(body).toEqual({
      job_id: "job_01J9ZK7Q4M",
      status: "Completed",
      message: "provisioned acme.embark.example",
      outputs: { node_id: "node-sg-a1b2c3", server_ip: "203.0.113.10", db_server_ip: "10.0.0.5", pulumi_stack: "sg" },
    });
    expect(headers).toContain("Authorization: Bearer cbt_job_123");
    expect(headers).not.toContain(`Authorization: Bearer ${EMBARK_API_KEY}`);
    expect(r.outputs).toEqual({ status: "Completed", failure_stage: "" });
  });

  it("falls back to EMBARK_API_KEY without a callback token and leaves out empty outputs", () => {
    const r = callback({ ...existingServer, CALLBACK_TOKEN: "", NODE_ID: "node-eu-zzz999" });
    const { body, headers } = completion(r);
    expect(headers).toContain(`Authorization: Bearer ${EMBARK_API_KEY}`);
    expect(body.status).toBe("Completed");
    expect(body.outputs).toEqual({ node_id: "node-eu-zzz999" });
  });

  it("sends no outputs key when there are none", () => {
    const { body } = completion(callback(existingServer));
    expect(body).not.toHaveProperty("outputs");
  });

  it.each([
    ["OUTCOME_RESOLVE_TARGET", "resolve_target"],
    ["OUTCOME_PULUMI_CHECKOUT", "pulumi_up"],
    ["OUTCOME_PULUMI_SETUP", "pulumi_up"],
    ["OUTCOME_PULUMI_UP", "pulumi_up"],
    ["OUTCOME_REGISTER_NODE", "register_node"],
    ["OUTCOME_ANSIBLE_CHECKOUT", "ansible"],
    ["OUTCOME_ANSIBLE", "ansible"],
    ["OUTCOME_ZUPLO_SYNC", "zuplo_sync"],
  ])("%s=failure reports Failed at %s", (variable, stage) => {
    const r = callback({ ...allGood, [variable]: "failure", JOB_STATUS: "failure" });
    expect(r.code).toBe(0);
    const { body } = completion(r);
    expect(body).toMatchObject({ status: "Failed", failure_stage: stage, message: `${stage} failed (https://github.example/o/r/actions/runs/9)` });
    expect(PROVISION_STAGES).toContain(body.failure_stage);
    expect(r.outputs).toEqual({ status: "Failed", failure_stage: stage });
  });

  it("names the first failing stage, not a later one", () => {
    const { body } = completion(
      callback({ ...allGood, OUTCOME_ANSIBLE: "failure", OUTCOME_ZUPLO_SYNC: "failure", OUTCOME_DNS: "failure", JOB_STATUS: "failure" }),
    );
    expect(body.failure_stage).toBe("ansible");
  });

  it("reports a cancelled stage", () => {
    const { body } = completion(callback({ ...allGood, OUTCOME_ANSIBLE: "cancelled", OUTCOME_ZUPLO_SYNC: "skipped", JOB_STATUS: "cancelled" }));
    expect(body).toMatchObject({ status: "Failed", failure_stage: "ansible" });
    expect(body.message).toMatch(/^ansible was cancelled/);
  });

  it("still says Completed when only DNS failed, with a note", () => {
    const dnsFailures: Record<string, string>[] = [{ OUTCOME_DNS: "failure" }, { DNS_STATUS: "failed" }];
    for (const env of dnsFailures) {
      const { body } = completion(callback({ ...allGood, ...env, CANONICAL_HOSTNAME: "acme.embark.example" }));
      expect(body.status).toBe("Completed");
      expect(body).not.toHaveProperty("failure_stage");
      expect(body.message).toContain("DNS record could not be updated");
    }
  });

  it("fails a stage that should have run but was skipped", () => {
    // A step outside the stages failed first, so every stage was skipped.
    const skipped = Object.fromEntries(Object.keys(allGood).filter((k) => k.startsWith("OUTCOME_")).map((k) => [k, "skipped"]));
    const { body } = completion(callback({ ...skipped, CREATE_SERVER: "", JOB_STATUS: "failure" }));
    expect(body).toMatchObject({ status: "Failed", failure_stage: "resolve_target", message: expect.stringContaining("did not run (outcome: skipped)") });

    const noRegistration = completion(callback({ ...allGood, OUTCOME_REGISTER_NODE: "skipped" }));
    expect(noRegistration.body).toMatchObject({ status: "Failed", failure_stage: "register_node" });
  });

  it("reports a failure outside the stages at callback, since Embark needs a stage with every failure", () => {
    const { body } = completion(callback({ ...allGood, JOB_STATUS: "failure" }));
    expect(body).toMatchObject({ status: "Failed", failure_stage: "callback" });
    expect(body.message).toContain("outside the provisioning stages");
  });

  it("never reports Failed without a failure_stage", () => {
    const outcomes = ["failure", "skipped", ""];
    const vars = Object.keys(allGood).filter((k) => k.startsWith("OUTCOME_") && k !== "OUTCOME_DNS");
    // Each variable in turn set to each outcome, the job status following along.
    for (const v of vars) {
      for (const o of outcomes) {
        const { body } = completion(callback({ ...allGood, [v]: o, JOB_STATUS: o === "failure" ? "failure" : "success" }));
        if (body.status === "Failed") expect(PROVISION_STAGES, `${v}=${o}`).toContain(body.failure_stage);
        else expect(body.status, `${v}=${o}`).toBe("Completed");
      }
    }
  }, 90_000);

  it("fails the step when Embark refuses the report", () => {
    const r = callback(allGood, { curl: [{ url: "/internal/provision-complete", status: 409, body: { error: { code: "CONFLICT" } } }] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Embark did not accept the Completed report for job job_01J9ZK7Q4M");
    expect(traceEvents(r).at(-1)).toMatchObject({ stage: "callback", status: "failed" });
  });

  it("is not failed by a lost trace event", () => {
    const r = callback(allGood, { curl: [{ url: "/internal/trace-events", status: 503 }] });
    expect(r.code).toBe(0);
    expect(completion(r).body.status).toBe("Completed");
  });
});

/**
 * Runs the scripts in the workflow's order with its `if:` rules (a step runs
 * only while nothing has failed, dns continues on error, the callback always
 * runs), handing each step's outcome and outputs on the way YAML does.
 */
function pipeline(inputs: Record<string, string>, opts: TRunOptions = {}) {
  const env = {
    ...base,
    TENANT_ID: "tenant_42",
    REGION: "sg",
    SUBDOMAIN_SLUG: "acme",
    CANONICAL_HOSTNAME: "acme.embark.example",
    DEDICATED: "false",
    TARGET_SERVER_ID: "",
    ...inputs,
  };
  const outcome: Record<string, string> = {};
  let failed = false;
  const step = (id: string, run: boolean, script: string, extra: Record<string, string>, continueOnError = false) => {
    if (!run || failed) {
      outcome[id] = "skipped";
      return undefined;
    }
    const r = runScript(script, { ...env, ...extra }, opts);
    outcome[id] = r.code === 0 ? "success" : "failure";
    if (r.code !== 0 && !continueOnError) failed = true;
    return r;
  };

  const target = step("RESOLVE_TARGET", true, "resolve_target.sh", {});
  const creating = target?.outputs.create_server === "true";
  outcome.PULUMI_CHECKOUT = creating && !failed ? "success" : "skipped";
  outcome.PULUMI_SETUP = outcome.PULUMI_CHECKOUT;
  const pulumi = step("PULUMI_UP", creating, "pulumi_up.sh", {
    PULUMI_DIR: projectDir("Pulumi.yaml"),
    PULUMI_ACCESS_TOKEN: "pul",
    HCLOUD_TOKEN: "hc",
  });
  const serverIp = pulumi?.outputs.server_ip || target?.outputs.server_ip || "";
  const dbServerIp = pulumi?.outputs.db_server_ip || target?.outputs.db_server_ip || "";
  const node = step("REGISTER_NODE", outcome.PULUMI_UP === "success", "register_node.sh", { SERVER_IP: serverIp, DB_SERVER_IP: dbServerIp });
  outcome.ANSIBLE_CHECKOUT = failed ? "skipped" : "success";
  step("ANSIBLE", true, "ansible.sh", {
    ANSIBLE_DIR: projectDir("playbook.yml"),
    TARGET_HOST: serverIp,
    DB_SERVER_IP: dbServerIp,
    SSH_PRIVATE_KEY: "key",
    DB_ROOT_PASSWORD: "pw",
  });
  step("ZUPLO_SYNC", true, "zuplo_sync.sh", { ZUPLO_ACCOUNT_NAME: "acct", ZUPLO_BUCKET_NAME: "bucket", ZUPLO_API_KEY: "zk" });
  const dns = step("DNS", true, "dns.sh", { CLOUDFLARE_API_TOKEN: "cf", CLOUDFLARE_ZONE_ID: "zone1", SERVER_IP: serverIp }, true);

  const cb = runScript(
    "callback.sh",
    {
      ...env,
      CALLBACK_TOKEN: "cbt",
      JOB_STATUS: failed ? "failure" : "success",
      CREATE_SERVER: target?.outputs.create_server ?? "",
      ...Object.fromEntries(Object.entries(outcome).map(([k, v]) => [`OUTCOME_${k}`, v])),
      DNS_STATUS: dns?.outputs.dns_status ?? "",
      NODE_ID: node?.outputs.node_id || target?.outputs.node_id || "",
      SERVER_IP: serverIp,
      DB_SERVER_IP: dbServerIp,
      PULUMI_STACK: pulumi?.outputs.pulumi_stack ?? "",
    },
    opts,
  );
  return { outcome, callback: cb, body: completion(cb).body };
}

describe("the workflow's steps end to end", { timeout: 30_000 }, () => {
  const cloudflareEmpty = { method: "GET", url: "api.cloudflare.com", body: { success: true, result: [] } };

  it("a new dedicated server all the way to Completed with its outputs", () => {
    const { body, outcome, callback: cb } = pipeline({ CREATE_NEW_SERVER: "true", DEDICATED: "true" }, { curl: [cloudflareEmpty] });
    expect(Object.values(outcome).every((o) => o === "success")).toBe(true);
    expect(cb.code).toBe(0);
    expect(body).toMatchObject({
      job_id: "job_01J9ZK7Q4M",
      status: "Completed",
      outputs: { server_ip: "203.0.113.10", db_server_ip: "10.0.0.5", pulumi_stack: "dedicated-tenant-42" },
    });
    expect((body.outputs as Record<string, string>).node_id).toMatch(/^node-sg-[a-z0-9]{6}$/);
  });

  it("an ansible failure skips the later stages and is reported as failure_stage ansible", () => {
    const { body, outcome } = pipeline({ CREATE_NEW_SERVER: "true" }, { stubs: { STUB_ANSIBLE_FAIL: "1" } });
    expect(outcome).toMatchObject({ PULUMI_UP: "success", REGISTER_NODE: "success", ANSIBLE: "failure", ZUPLO_SYNC: "skipped", DNS: "skipped" });
    expect(body).toMatchObject({ status: "Failed", failure_stage: "ansible" });
  });

  it("a DNS failure leaves the run Completed", () => {
    const { body, outcome } = pipeline(
      { CREATE_NEW_SERVER: "false", TARGET_SERVER_ID: "node-sg-abc123" },
      {
        curl: [
          { url: "/internal/nodes/node-sg-abc123", body: { server_ip: "198.51.100.7" } },
          { url: "api.cloudflare.com", status: 500 },
        ],
      },
    );
    expect(outcome).toMatchObject({ PULUMI_UP: "skipped", REGISTER_NODE: "skipped", DNS: "success" });
    expect(body).toMatchObject({ status: "Completed", outputs: { node_id: "node-sg-abc123", server_ip: "198.51.100.7" } });
    expect(body.message).toContain("DNS record could not be updated");
  });

  it("the fail-fast check ends at resolve_target without touching Pulumi", () => {
    const { body, outcome } = pipeline({ CREATE_NEW_SERVER: "false" });
    expect(outcome).toMatchObject({ RESOLVE_TARGET: "failure", PULUMI_UP: "skipped", ANSIBLE: "skipped" });
    expect(body).toMatchObject({ status: "Failed", failure_stage: "resolve_target" });
  });
});
