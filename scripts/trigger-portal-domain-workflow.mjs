#!/usr/bin/env node
// Forces a reconciliation of one portal domain through Embark's internal API:
//   node scripts/trigger-portal-domain-workflow.mjs --tenant <tenant-id> --domain-id <portal-domain-id>
// Needs CONTROL_PLANE_URL (Embark's base URL) and EMBARK_API_KEY (the internal key, or a key with the
// portal-domains:reconcile scope; INTERNAL_API_KEY is read when EMBARK_API_KEY is unset).
import { parseArgs } from "node:util";

const USAGE = "usage: trigger-portal-domain-workflow.mjs --tenant <tenant-id> --domain-id <portal-domain-id>";

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { tenant: { type: "string" }, "domain-id": { type: "string" }, help: { type: "boolean" } } }).values;
} catch (err) {
  fail(`${err.message}\n${USAGE}`, 2);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!args.tenant || !args["domain-id"]) fail(USAGE, 2);

const base = process.env.CONTROL_PLANE_URL;
const key = process.env.EMBARK_API_KEY || process.env.INTERNAL_API_KEY;
if (!base) fail("CONTROL_PLANE_URL is not set (Embark's base URL, e.g. https://embark.example.com)", 2);
if (!key) fail("EMBARK_API_KEY (or INTERNAL_API_KEY) is not set", 2);

const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
const url = (path) => new URL(path, base.endsWith("/") ? base : `${base}/`).toString();
const id = encodeURIComponent(args["domain-id"]);

async function call(method, path) {
  let res;
  try {
    res = await fetch(url(path), { method, headers });
  } catch (err) {
    fail(`cannot reach ${base}: ${err.cause?.message ?? err.message}`);
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) fail(`${method} ${path} answered ${res.status}: ${body.error?.message ?? JSON.stringify(body)}`);
  return body;
}

// The domain must belong to the tenant named, so a mistyped id never reconciles someone else's domain.
const domain = await call("GET", `v1/portal-domains/${id}`);
if (domain.tenant_id !== args.tenant) {
  fail(`portal domain ${args["domain-id"]} belongs to tenant ${domain.tenant_id}, not ${args.tenant}`);
}
const queued = await call("POST", `internal/portal-domains/${id}/reconcile`);
process.stdout.write(
  `${JSON.stringify({ id: domain.id, domain: domain.domain, tenant_id: domain.tenant_id, status: domain.status, job_id: queued.job_id, queued: queued.queued })}\n`,
);
