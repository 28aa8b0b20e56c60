// Stand-in for curl, pulumi and ansible-playbook in the provision script tests.
// Invoked as `node stub-cli.mjs <tool> <args...>` by small wrappers put first
// on PATH. Each call appends one JSON line to $STUB_LOG. Behaviour:
//   curl     STUB_CURL_RULES: JSON [{ method?, url (substring), status?, body? }],
//            first match wins; default 200 "{}". status 0 = connection refused.
//   pulumi   STUB_PULUMI_FAIL: subcommand that exits 1 ("up", "install", ...);
//            STUB_PULUMI_OUTPUTS: what `stack output --json` prints.
//   ansible-playbook  STUB_ANSIBLE_FAIL=1 exits 2.
import { appendFileSync, readFileSync, statSync, writeFileSync } from "node:fs";

const [tool, ...argv] = process.argv.slice(2);

function record(entry) {
  if (process.env.STUB_LOG) {
    appendFileSync(process.env.STUB_LOG, JSON.stringify({ tool, argv, cwd: process.cwd(), ...entry }) + "\n");
  }
}

function readArgFile(value) {
  return value === "@-" ? readFileSync(0, "utf8") : readFileSync(value.slice(1), "utf8");
}

function curl() {
  let method = "GET";
  let url = "";
  let body;
  let out;
  let writeOut;
  let fail = false;
  let failWithBody = false;
  const headers = [];
  const withValue = new Set(["--connect-timeout", "--max-time", "--retry", "--retry-delay"]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-X") method = argv[++i];
    else if (a === "-H") {
      const h = argv[++i];
      if (h.startsWith("@")) headers.push(...readArgFile(h).split("\n").filter(Boolean));
      else headers.push(h);
    } else if (a === "--data-binary") {
      const d = argv[++i];
      body = d.startsWith("@") ? readArgFile(d) : d;
    } else if (a === "-o") out = argv[++i];
    else if (a === "-w") writeOut = argv[++i];
    else if (a === "--fail") fail = true;
    else if (a === "--fail-with-body") failWithBody = true;
    else if (withValue.has(a)) i++;
    else if (/^https?:\/\//.test(a)) url = a;
  }
  let json;
  try {
    json = body === undefined ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  record({ method, url, headers, body, json });

  const rules = JSON.parse(process.env.STUB_CURL_RULES || "[]");
  const rule = rules.find((r) => url.includes(r.url) && (!r.method || r.method === method)) ?? {};
  const status = rule.status ?? 200;
  const responseBody = typeof rule.body === "string" ? rule.body : JSON.stringify(rule.body ?? {});
  if (status === 0) {
    process.stderr.write("curl: (7) Failed to connect: Connection refused\n");
    process.exit(7);
  }
  const failed = (fail || failWithBody) && status >= 400;
  if (out) {
    if (out !== "/dev/null" && (!failed || failWithBody)) writeFileSync(out, responseBody);
  } else if (!failed || failWithBody) {
    process.stdout.write(responseBody);
  }
  if (writeOut) process.stdout.write(writeOut.replaceAll("%{http_code}", String(status)));
  if (failed) {
    process.stderr.write(`curl: (22) The requested URL returned error: ${status}\n`);
    process.exit(22);
  }
}

function pulumi() {
  record({ tokens: { pulumi: !!process.env.PULUMI_ACCESS_TOKEN, hcloud: !!process.env.HCLOUD_TOKEN } });
  if (process.env.STUB_PULUMI_FAIL && argv[0] === process.env.STUB_PULUMI_FAIL) {
    process.stderr.write(`error: stub pulumi ${argv[0]} failed\n`);
    process.exit(1);
  }
  if (argv[0] === "stack" && argv[1] === "output") {
    process.stdout.write(process.env.STUB_PULUMI_OUTPUTS ?? JSON.stringify({ server_ip: "203.0.113.10", db_server_ip: "10.0.0.5" }));
  }
}

function ansiblePlaybook() {
  const varsArg = argv[argv.indexOf("-e") + 1];
  const keyPath = argv[argv.indexOf("--private-key") + 1];
  record({
    extraVars: varsArg?.startsWith("@") ? JSON.parse(readArgFile(varsArg)) : undefined,
    keyFile: keyPath ? readFileSync(keyPath, "utf8") : undefined,
    keyFileMode: keyPath ? statSync(keyPath).mode & 0o777 : undefined,
    hostKeyChecking: process.env.ANSIBLE_HOST_KEY_CHECKING,
  });
  if (process.env.STUB_ANSIBLE_FAIL === "1") {
    process.stderr.write("fatal: stub ansible failure\n");
    process.exit(2);
  }
}

if (tool === "curl") curl();
else if (tool === "pulumi") pulumi();
else if (tool === "ansible-playbook") ansiblePlaybook();
else {
  process.stderr.write(`stub-cli: unknown tool ${tool}\n`);
  process.exit(127);
}
