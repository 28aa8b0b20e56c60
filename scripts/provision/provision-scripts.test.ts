import { describe, expect, it } from "vitest";
import {
  EMBARK_API_KEY,
  EMBARK_URL,
  curlCalls,
  projectDir,
  runLib,
  runScript,
  tempDir,
  toolCalls,
  traceEvents,
} from "./testing/harness";
import { writeFileSync } from "node:fs";
import path from "node:path";

const base = { EMBARK_URL, EMBARK_API_KEY, TRACE_ID: "trace_01J9ZK7Q4M", JOB_ID: "job_01J9ZK7Q4M" };
const bearer = `Authorization: Bearer ${EMBARK_API_KEY}`;

describe("lib.sh JSON", { timeout: 30_000 }, () => {
  const tricky = `say "hi" \\ back\\slash, a 'quote', tab\there,\nnew line, ünï ✓, $HOME \`x\``;

  it.each(["jq", "node"])("json_obj escapes any string with %s", (tool) => {
    const r = runLib(`json_obj msg="$V" flag="--help" n:=3 nested:='{"a":[1,true]}'`, { V: tricky, EMBARK_JSON_TOOL: tool });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ msg: tricky, flag: "--help", n: 3, nested: { a: [1, true] } });
  });

  it.each(["jq", "node"])("json_obj leaves out empty optional keys and keeps empty required ones (%s)", (tool) => {
    const r = runLib(`json_obj a= 'b?=' 'c?:=' 'd?=x' 'e?:=false' last=end`, { EMBARK_JSON_TOOL: tool });
    expect(JSON.parse(r.stdout)).toEqual({ a: "", d: "x", e: false, last: "end" });
  });

  it("json_obj fails on raw values that are not JSON", () => {
    expect(runLib(`json_obj a:='not json'`).code).not.toBe(0);
  });

  it.each(["jq", "node"])("json_get reads dotted paths, array indexes and absent keys (%s)", (tool) => {
    const doc = JSON.stringify({ result: [{ id: "r1" }], success: true, node: { server_ip: "1.2.3.4" }, n: null });
    const r = runLib(
      `for p in result.0.id success node.server_ip missing n node.server_ip.deeper; do printf '[%s]' "$(json_get "$p" <<<"$DOC")"; done`,
      { DOC: doc, EMBARK_JSON_TOOL: tool },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("[r1][true][1.2.3.4][][][]");
  });

  it("json_get fails on input that is not JSON", () => {
    expect(runLib(`json_get a <<<'<html>'`).code).not.toBe(0);
  });
});

describe("lib.sh naming", { timeout: 30_000 }, () => {
  it.each([
    // dedicated: lowercased, [^a-z0-9-] -> "-", 40 characters, trailing hyphens trimmed
    ["Acme_Corp", "sg", "true", "dedicated-acme-corp"],
    // one hyphen per character, whatever the locale the tests run in
    ["Zoë Ltd", "eu", "true", "dedicated-zo--ltd"],
    ["Café_Ω", "eu", "true", "dedicated-caf"],
    ["t_01HZXYABCDEFGHJKMNPQRSTVWX__________________zzz", "us", "true", "dedicated-t-01hzxyabcdefghjkmnpqrstvwx"],
    ["ten-ant", "sg", "false", "sg"],
    ["ten-ant", "eu", "", "eu"],
  ])("stack for tenant %j in %s, dedicated=%j is %s", (tenant, region, dedicated, expected) => {
    const r = runLib(`pulumi_stack_name "$T" "$R" "$D"`, { T: tenant, R: region, D: dedicated });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected);
  });

  it("safe_id truncates to 40 characters before trimming hyphens", () => {
    const r = runLib(`safe_id "$T" 40`, { T: `${"a".repeat(39)}_b${"c".repeat(10)}` });
    expect(r.stdout).toBe("a".repeat(39));
    const exact = runLib(`safe_id "$T" 40`, { T: "X".repeat(60) });
    expect(exact.stdout).toBe("x".repeat(40));
  });

  it("refuses a dedicated stack for a tenant id with nothing usable", () => {
    expect(runLib(`pulumi_stack_name "___" sg true`).code).not.toBe(0);
  });
});

describe("resolve_target.sh", { timeout: 30_000 }, () => {
  it("fails fast when there is no target and no server to create, without calling Pulumi or Embark's nodes", () => {
    const r = runScript("resolve_target.sh", { ...base, CREATE_NEW_SERVER: "false", TARGET_SERVER_ID: "" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("target_server_id is empty and create_new_server is 'false'");
    expect(toolCalls(r, "pulumi")).toHaveLength(0);
    expect(curlCalls(r).filter((c) => c.url?.includes("/internal/nodes"))).toHaveLength(0);
    expect(r.outputs).toEqual({});
    expect(traceEvents(r).map((e) => [e.stage, e.status])).toEqual([
      ["resolve_target", "started"],
      ["resolve_target", "failed"],
    ]);
    expect(traceEvents(r)[1]!.message).toContain("target_server_id is empty");
  });

  it("treats a blank target id as empty", () => {
    const r = runScript("resolve_target.sh", { ...base, CREATE_NEW_SERVER: "", TARGET_SERVER_ID: "   " });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("target_server_id is empty");
  });

  it("looks an existing node up with GET /internal/nodes/<id> and outputs its host", () => {
    const r = runScript(
      "resolve_target.sh",
      { ...base, CREATE_NEW_SERVER: "false", TARGET_SERVER_ID: "node-sg-abc123" },
      { curl: [{ method: "GET", url: "/internal/nodes/", body: { node_id: "node-sg-abc123", server_ip: "198.51.100.7", db_server_ip: "10.1.0.2" } }] },
    );
    expect(r.code).toBe(0);
    const lookups = curlCalls(r).filter((c) => c.url?.includes("/internal/nodes"));
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.method).toBe("GET");
    expect(lookups[0]!.url).toBe(`${EMBARK_URL}/internal/nodes/node-sg-abc123`);
    expect(lookups[0]!.headers).toContain(bearer);
    // The token travels in a header file, never on the command line.
    expect(lookups[0]!.argv.join(" ")).not.toContain(EMBARK_API_KEY);
    expect(r.outputs).toEqual({ create_server: "false", node_id: "node-sg-abc123", server_ip: "198.51.100.7", db_server_ip: "10.1.0.2" });
    const events = traceEvents(r).map((e) => [e.stage, e.status]);
    expect(events).toContainEqual(["pulumi_up", "skipped"]);
    expect(events).toContainEqual(["register_node", "skipped"]);
    expect(events).toContainEqual(["resolve_target", "succeeded"]);
  });

  it("falls back to the node's hostname when it has no server_ip, and fails with neither", () => {
    const r = runScript(
      "resolve_target.sh",
      { ...base, CREATE_NEW_SERVER: "false", TARGET_SERVER_ID: "node-eu-zz9" },
      { curl: [{ url: "/internal/nodes/", body: { node_id: "node-eu-zz9", server_ip: null, hostname: "eu-9.hosts.example", db_server_ip: null } }] },
    );
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ server_ip: "eu-9.hosts.example", db_server_ip: "" });

    const none = runScript(
      "resolve_target.sh",
      { ...base, CREATE_NEW_SERVER: "false", TARGET_SERVER_ID: "node-eu-zz9" },
      { curl: [{ url: "/internal/nodes/", body: { node_id: "node-eu-zz9", server_ip: null, hostname: null } }] },
    );
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain("node node-eu-zz9 has neither server_ip nor hostname");
  });

  it("fails when Embark does not know the node", () => {
    const r = runScript(
      "resolve_target.sh",
      { ...base, CREATE_NEW_SERVER: "false", TARGET_SERVER_ID: "node-sg-gone00" },
      { curl: [{ url: "/internal/nodes/", status: 404, body: { error: { code: "NOT_FOUND" } } }] },
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("could not look up node node-sg-gone00");
    expect(r.outputs.server_ip).toBeUndefined();
  });

  it("refuses a target id that would change the URL path", () => {
    const r = runScript("resolve_target.sh", { ...base, CREATE_NEW_SERVER: "false", TARGET_SERVER_ID: "../admin" });
    expect(r.code).not.toBe(0);
    expect(curlCalls(r).filter((c) => c.url?.includes("/internal/nodes"))).toHaveLength(0);
  });

  it("asks for a new server when there is no target and create_new_server is true", () => {
    const r = runScript("resolve_target.sh", { ...base, CREATE_NEW_SERVER: "true", TARGET_SERVER_ID: "" });
    expect(r.code).toBe(0);
    expect(r.outputs.create_server).toBe("true");
    expect(curlCalls(r).filter((c) => c.url?.includes("/internal/nodes"))).toHaveLength(0);
  });

  it("masks the callback token from the dispatch payload on a runner", () => {
    const dir = tempDir();
    const event = path.join(dir, "event.json");
    writeFileSync(event, JSON.stringify({ inputs: { callback_token: "cbt_secret_value" } }));
    const r = runScript("resolve_target.sh", {
      ...base,
      CREATE_NEW_SERVER: "true",
      TARGET_SERVER_ID: "",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_PATH: event,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("::add-mask::cbt_secret_value");
  });
});

describe("pulumi_up.sh", { timeout: 30_000 }, () => {
  const pulumiEnv = (extra: Record<string, string>): Record<string, string> => ({
    ...base,
    PULUMI_DIR: projectDir("Pulumi.yaml"),
    REGION: "sg",
    PULUMI_ACCESS_TOKEN: "pul-test",
    HCLOUD_TOKEN: "hc-test",
    ...extra,
  });

  it("selects dedicated-<safe tenant id> for a dedicated tenant and runs up without a preview", () => {
    const env = pulumiEnv({ TENANT_ID: "ACME Widgets, Inc. (Singapore Branch) / prod #42", DEDICATED: "true" });
    const r = runScript("pulumi_up.sh", env);
    expect(r.code).toBe(0);
    const stack = "dedicated-acme-widgets--inc---singapore-branch";
    const argvs = toolCalls(r, "pulumi").map((c) => c.argv);
    expect(argvs[0]).toEqual(["install"]);
    expect(argvs).toContainEqual(["stack", "select", "--create", stack, "--non-interactive"]);
    expect(argvs).toContainEqual(["config", "set", "tenant_id", env.TENANT_ID!, "--stack", stack, "--non-interactive"]);
    const up = argvs.find((a) => a[0] === "up")!;
    expect(up).toEqual(expect.arrayContaining(["--yes", "--skip-preview", "--stack", stack]));
    expect(argvs.at(-1)).toEqual(["stack", "output", "--json", "--stack", stack, "--non-interactive"]);
    expect(toolCalls(r, "pulumi").every((c) => c.cwd === env.PULUMI_DIR && c.tokens?.pulumi && c.tokens.hcloud)).toBe(true);
    expect(r.outputs).toEqual({ pulumi_stack: stack, server_ip: "203.0.113.10", db_server_ip: "10.0.0.5" });
  });

  it("uses the region's stack for a shared tenant and sets no tenant config", () => {
    const r = runScript("pulumi_up.sh", pulumiEnv({ TENANT_ID: "Acme", DEDICATED: "false", REGION: "eu" }));
    expect(r.code).toBe(0);
    const argvs = toolCalls(r, "pulumi").map((c) => c.argv);
    expect(argvs).toContainEqual(["stack", "select", "--create", "eu", "--non-interactive"]);
    expect(argvs.some((a) => a.includes("tenant_id"))).toBe(false);
    expect(r.outputs.pulumi_stack).toBe("eu");
  });

  it("fails and reports the stage when pulumi up fails, with no outputs", () => {
    const r = runScript("pulumi_up.sh", pulumiEnv({ TENANT_ID: "Acme", DEDICATED: "false" }), { stubs: { STUB_PULUMI_FAIL: "up" } });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("pulumi up failed on stack sg");
    expect(r.outputs).toEqual({});
    expect(toolCalls(r, "pulumi").some((c) => c.argv[0] === "stack" && c.argv[1] === "output")).toBe(false);
    expect(traceEvents(r).at(-1)).toMatchObject({ stage: "pulumi_up", status: "failed", message: "pulumi up failed on stack sg" });
  });

  it("fails when the stack has no db_server_ip output", () => {
    const r = runScript("pulumi_up.sh", pulumiEnv({ TENANT_ID: "Acme" }), {
      stubs: { STUB_PULUMI_OUTPUTS: JSON.stringify({ server_ip: "203.0.113.10" }) },
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("no db_server_ip output");
  });

  it("refuses to run without its tokens", () => {
    const r = runScript("pulumi_up.sh", pulumiEnv({ TENANT_ID: "Acme", HCLOUD_TOKEN: "" }));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("HCLOUD_TOKEN");
    expect(toolCalls(r, "pulumi")).toHaveLength(0);
  });
});

describe("register_node.sh", { timeout: 30_000 }, () => {
  const env = {
    ...base,
    REGION: "sg",
    TENANT_ID: "tenant_42",
    SERVER_IP: "203.0.113.10",
    DB_SERVER_IP: "10.0.0.5",
    DEDICATED: "true",
  };

  it("posts the node to /internal/nodes with a node-<region>-xxxxxx id and outputs it", () => {
    const r = runScript("register_node.sh", env);
    expect(r.code).toBe(0);
    const posts = curlCalls(r).filter((c) => c.url === `${EMBARK_URL}/internal/nodes`);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.method).toBe("POST");
    expect(posts[0]!.headers).toContain(bearer);
    const body = posts[0]!.json!;
    expect(Object.keys(body)).toEqual(["node_id", "region", "server_ip", "db_server_ip", "dedicated", "tenant_id"]);
    expect(body).toMatchObject({ region: "sg", server_ip: "203.0.113.10", db_server_ip: "10.0.0.5", dedicated: true, tenant_id: "tenant_42" });
    expect(body.node_id).toMatch(/^node-sg-[a-z0-9]{6}$/);
    expect(r.outputs.node_id).toBe(body.node_id);
  });

  it("sends dedicated as a boolean false for shared nodes and new ids each time", () => {
    const a = runScript("register_node.sh", { ...env, DEDICATED: "false" });
    const b = runScript("register_node.sh", { ...env, DEDICATED: "" });
    const bodyA = curlCalls(a).find((c) => c.url?.endsWith("/internal/nodes"))!.json!;
    const bodyB = curlCalls(b).find((c) => c.url?.endsWith("/internal/nodes"))!.json!;
    expect(bodyA.dedicated).toBe(false);
    expect(bodyB.dedicated).toBe(false);
    expect(bodyA.node_id).not.toBe(bodyB.node_id);
  });

  it("fails when Embark refuses the node", () => {
    const r = runScript("register_node.sh", env, { curl: [{ url: "/internal/nodes", method: "POST", status: 409 }] });
    expect(r.code).not.toBe(0);
    expect(r.outputs.node_id).toBeUndefined();
  });
});

describe("ansible.sh", { timeout: 30_000 }, () => {
  const env = () => ({
    ...base,
    ANSIBLE_DIR: projectDir("playbook.yml"),
    TARGET_HOST: "203.0.113.10",
    TENANT_ID: "tenant_42",
    SUBDOMAIN_SLUG: "acme",
    CANONICAL_HOSTNAME: "acme.embark.example",
    DB_SERVER_IP: "10.0.0.5",
    SSH_PRIVATE_KEY: "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----",
    DB_ROOT_PASSWORD: "db-root-pw-secret",
  });

  it("runs the playbook against the single host with the tenant's extra vars, secrets kept off argv", () => {
    const e = env();
    const r = runScript("ansible.sh", e);
    expect(r.code).toBe(0);
    const calls = toolCalls(r, "ansible-playbook");
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.cwd).toBe(e.ANSIBLE_DIR);
    expect(call.argv.slice(0, 2)).toEqual(["-i", "203.0.113.10,"]);
    expect(call.argv.at(-1)).toBe("playbook.yml");
    expect(call.extraVars).toEqual({
      tenant_id: "tenant_42",
      subdomain_slug: "acme",
      canonical_hostname: "acme.embark.example",
      db_server_ip: "10.0.0.5",
      db_root_password: "db-root-pw-secret",
    });
    expect(call.keyFile).toBe(`${e.SSH_PRIVATE_KEY}\n`);
    expect(call.keyFileMode).toBe(0o600);
    expect(call.argv.join(" ")).not.toContain("db-root-pw-secret");
    expect(call.argv.join(" ")).not.toContain("OPENSSH");
    expect(`${r.stdout}${r.stderr}`).not.toContain("db-root-pw-secret");
  });

  it("fails and reports the stage when the playbook fails", () => {
    const r = runScript("ansible.sh", env(), { stubs: { STUB_ANSIBLE_FAIL: "1" } });
    expect(r.code).not.toBe(0);
    expect(traceEvents(r).at(-1)).toMatchObject({ stage: "ansible", status: "failed" });
  });

  it("refuses a host that could inject inventory syntax", () => {
    const r = runScript("ansible.sh", { ...env(), TARGET_HOST: "1.2.3.4,evil" });
    expect(r.code).not.toBe(0);
    expect(toolCalls(r, "ansible-playbook")).toHaveLength(0);
  });
});

describe("zuplo_sync.sh", { timeout: 30_000 }, () => {
  const env = {
    ...base,
    ZUPLO_ACCOUNT_NAME: "embark-acct",
    ZUPLO_BUCKET_NAME: "zprj-prod",
    ZUPLO_API_KEY: "zpka_admin_secret",
    TENANT_ID: "Tenant_42",
    SUBDOMAIN_SLUG: "acme",
    CANONICAL_HOSTNAME: "acme.embark.example",
  };
  const consumers = "https://dev.zuplo.com/v1/accounts/embark-acct/key-buckets/zprj-prod/consumers";

  it("creates the tenant's consumer with a key when it does not exist", () => {
    const r = runScript("zuplo_sync.sh", env, { curl: [{ method: "GET", url: "dev.zuplo.com", status: 404 }] });
    expect(r.code).toBe(0);
    const zuplo = curlCalls(r).filter((c) => c.url?.includes("dev.zuplo.com"));
    expect(zuplo.map((c) => [c.method, c.url])).toEqual([
      ["GET", `${consumers}/tenant-tenant-42`],
      ["POST", `${consumers}?with-api-key=true`],
    ]);
    expect(zuplo[1]!.headers).toContain("Authorization: Bearer zpka_admin_secret");
    expect(zuplo[1]!.json).toMatchObject({
      name: "tenant-tenant-42",
      metadata: { tenant_id: "Tenant_42", subdomain_slug: "acme", canonical_hostname: "acme.embark.example", upstream_url: "https://acme.embark.example" },
      tags: { tenant_id: "Tenant_42" },
    });
    expect(r.outputs.zuplo_consumer).toBe("tenant-tenant-42");
  });

  it("updates an existing consumer in place", () => {
    const r = runScript("zuplo_sync.sh", env, { curl: [{ method: "GET", url: "dev.zuplo.com", status: 200, body: { name: "tenant-tenant-42" } }] });
    expect(r.code).toBe(0);
    const zuplo = curlCalls(r).filter((c) => c.url?.includes("dev.zuplo.com"));
    expect(zuplo.map((c) => c.method)).toEqual(["GET", "PATCH"]);
    expect(zuplo[1]!.json).not.toHaveProperty("name");
    expect(zuplo[1]!.json).toHaveProperty("metadata.canonical_hostname", "acme.embark.example");
  });

  it("fails when Zuplo answers with an error", () => {
    const r = runScript("zuplo_sync.sh", env, { curl: [{ url: "dev.zuplo.com", status: 500 }] });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Zuplo answered 500");
  });
});

describe("dns.sh", { timeout: 30_000 }, () => {
  const env = {
    ...base,
    CLOUDFLARE_API_TOKEN: "cf-secret",
    CLOUDFLARE_ZONE_ID: "zone0123",
    CANONICAL_HOSTNAME: "acme.embark.example",
    SERVER_IP: "203.0.113.10",
  };
  const records = "https://api.cloudflare.com/client/v4/zones/zone0123/dns_records";

  it("creates an A record when none exists", () => {
    const r = runScript("dns.sh", env, { curl: [{ method: "GET", url: "api.cloudflare.com", body: { success: true, result: [] } }] });
    expect(r.code).toBe(0);
    const cf = curlCalls(r).filter((c) => c.url?.includes("cloudflare"));
    expect(cf.map((c) => [c.method, c.url])).toEqual([
      ["GET", `${records}?type=A&name=acme.embark.example`],
      ["POST", records],
    ]);
    expect(cf[1]!.json).toEqual({ type: "A", name: "acme.embark.example", content: "203.0.113.10", ttl: 1, proxied: false });
    expect(cf[1]!.headers).toContain("Authorization: Bearer cf-secret");
    expect(r.outputs.dns_status).toBe("created");
  });

  it("updates the existing record", () => {
    const r = runScript("dns.sh", env, {
      curl: [{ method: "GET", url: "api.cloudflare.com", body: { success: true, result: [{ id: "rec9", content: "198.51.100.1" }] } }],
    });
    expect(r.code).toBe(0);
    const cf = curlCalls(r).filter((c) => c.url?.includes("cloudflare"));
    expect(cf[1]!.method).toBe("PUT");
    expect(cf[1]!.url).toBe(`${records}/rec9`);
    expect(r.outputs.dns_status).toBe("updated");
  });

  it("exits 0 on a Cloudflare failure and reports it as a failed trace event", () => {
    const r = runScript("dns.sh", env, { curl: [{ url: "api.cloudflare.com", status: 403, body: { success: false } }] });
    expect(r.code).toBe(0);
    expect(r.outputs.dns_status).toBe("failed");
    expect(r.stderr).toContain("::warning::DNS not updated");
    expect(traceEvents(r).at(-1)).toMatchObject({ stage: "dns", status: "failed", message: expect.stringContaining("acme.embark.example") });
  });

  it("exits 0 when Cloudflare cannot be reached or the input is bad", () => {
    const down = runScript("dns.sh", env, { curl: [{ url: "api.cloudflare.com", status: 0 }] });
    expect(down.code).toBe(0);
    expect(down.outputs.dns_status).toBe("failed");
    const bad = runScript("dns.sh", { ...env, SERVER_IP: "" });
    expect(bad.code).toBe(0);
    expect(bad.outputs.dns_status).toBe("failed");
    expect(traceEvents(bad).at(-1)).toMatchObject({ status: "failed", message: "SERVER_IP is empty" });
  });

  it("skips without Cloudflare credentials", () => {
    const r = runScript("dns.sh", { ...env, CLOUDFLARE_ZONE_ID: "" });
    expect(r.code).toBe(0);
    expect(r.outputs.dns_status).toBe("skipped");
    expect(curlCalls(r).filter((c) => c.url?.includes("cloudflare"))).toHaveLength(0);
    expect(traceEvents(r).at(-1)).toMatchObject({ stage: "dns", status: "skipped" });
  });
});

describe("trace events", { timeout: 30_000 }, () => {
  const env = { ...base, REGION: "sg", TENANT_ID: "t1", SERVER_IP: "203.0.113.10", DB_SERVER_IP: "10.0.0.5" };

  it("post the documented body with the API key", () => {
    const r = runScript("register_node.sh", env);
    const events = curlCalls(r).filter((c) => c.url === `${EMBARK_URL}/internal/trace-events`);
    expect(events.map((e) => e.json!.status)).toEqual(["started", "succeeded"]);
    expect(events[0]!.headers).toContain(bearer);
    expect(events[0]!.json).toEqual({ trace_id: "trace_01J9ZK7Q4M", job_id: "job_01J9ZK7Q4M", stage: "register_node", status: "started", source: "github-actions" });
    expect(events[1]!.json).toMatchObject({
      stage: "register_node",
      status: "succeeded",
      message: expect.stringMatching(/^registered node node-sg-/),
      data: { node_id: r.outputs.node_id },
      source: "github-actions",
    });
  });

  it("names the run in each stage's started event, so Embark can link a job dispatched without run details", () => {
    const runUrl = "https://github.com/acme/infra/actions/runs/4242";
    const r = runScript("resolve_target.sh", { ...base, RUN_URL: runUrl, TARGET_SERVER_ID: "", CREATE_NEW_SERVER: "true", REGION: "sg" });
    expect(r.code).toBe(0);
    const started = traceEvents(r).find((e) => e.status === "started");
    expect(started).toMatchObject({ stage: "resolve_target", data: { run_url: runUrl } });
  });

  it.each([500, 0])("a trace post answered %s does not fail the step", (status) => {
    const r = runScript("register_node.sh", env, { curl: [{ url: "/internal/trace-events", status }] });
    expect(r.code).toBe(0);
    expect(r.outputs.node_id).toMatch(/^node-sg-[a-z0-9]{6}$/);
    expect(r.stderr).toContain("::warning::trace event register_node/started was not recorded");
  });

  it("leave job_id out rather than send an empty one", () => {
    const r = runScript("register_node.sh", { ...env, JOB_ID: "" });
    expect(traceEvents(r)[0]).toEqual({ trace_id: "trace_01J9ZK7Q4M", stage: "register_node", status: "started", source: "github-actions" });
  });

  it("are not posted without a trace id", () => {
    const r = runScript("register_node.sh", { ...env, TRACE_ID: "" });
    expect(r.code).toBe(0);
    expect(traceEvents(r)).toHaveLength(0);
    expect(curlCalls(r)).toHaveLength(1);
  });

  it("keep quotes in messages intact", () => {
    const r = runScript("resolve_target.sh", { ...base, CREATE_NEW_SERVER: 'maybe "yes"', TARGET_SERVER_ID: "" });
    expect(r.code).not.toBe(0);
    expect(traceEvents(r).at(-1)!.message).toBe(
      `target_server_id is empty and create_new_server is 'maybe "yes"', not "true": there is no server to provision onto`,
    );
  });
});
