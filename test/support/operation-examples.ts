/**
 * A valid body for each operation of the OpenAPI document that takes one,
 * keyed `METHOD /path` as the document writes it. The fuzz builds faulty
 * bodies from these, one fault at a time, so the fault gets past every other
 * check; ids name real rows where the caller has them.
 */
export function operationExamples(ids: { jobId: string; traceId: string }): Record<string, Record<string, unknown>> {
  return {
    "POST /v1/tenants": { company_name: "Fuzz Widgets Ltd", subdomain_slug: "fuzz-widgets", plan: "starter" },
    "POST /internal/provision-complete": {
      job_id: ids.jobId,
      status: "Failed",
      failure_stage: "ansible",
      message: "the playbook failed",
      outputs: { node_id: "node-sg-fuzz01", server_ip: "10.0.0.1", db_server_ip: "10.0.0.2", pulumi_stack: "fuzz", extra: { list: ["a", 1] } },
    },
    "POST /internal/trace-events": {
      trace_id: ids.traceId,
      job_id: ids.jobId,
      stage: "ansible",
      status: "info",
      message: "running the playbook",
      data: { step: 1, nested: { list: ["a", { b: "c" }] } },
      source: "fuzz",
      occurred_at: "2024-05-01T10:00:00Z",
    },
    "POST /internal/nodes": {
      node_id: "node-sg-fuzz01",
      region: "sg",
      hostname: "fuzz-1.example.com",
      server_ip: "10.0.0.3",
      db_server_ip: "10.0.0.4",
      capacity: 10,
      dedicated: false,
      status: "active",
    },
    "POST /internal/placement/compute": { region: "sg", plan: "starter" },
    "POST /api/v1/onboarding": { platformName: "Fuzz Platform", slug: "fuzz-platform", tier: "starter", userId: "user-fuzz" },
    "PATCH /api/v1/onboarding/{id}": {
      status: "failed",
      error: "stopped by the fuzz",
      steps: [{ key: "provision_infra", status: "failed", result: { job_id: ids.jobId, nested: { a: [1] } }, error: "failed" }],
    },
    "POST /internal/onboarding/{id}/deploy-complete": { status: "failed", message: "the deploy failed", url: "https://fuzz.example.com/run/1" },
    "POST /internal/funnel-events/ingest": {
      source: "fuzz_source",
      events: [
        {
          event_id: "0b8f3c1e-6c1f-4d5a-9f00-fuzz00000001",
          name: "step_viewed",
          step: "company",
          session_id: "fuzz-session",
          trace_id: ids.traceId,
          email: "fuzz@example.com",
          properties: { plan: "starter", nested: { list: [1, "two"] } },
          occurred_at: "2026-01-01T10:00:00Z",
        },
      ],
    },
    "POST /v1/tenants/{tenant_id}/portal-domains": { domain: "portal.fuzz-widgets.example.com" },
    "POST /internal/license/register-tenant": { company_name: "Fuzz Appliances", contact_email: "it@fuzz.example.com", edition: "essentials" },
    "POST /internal/license/install-codes/reissue": { email: "it@fuzz.example.com" },
    "POST /v1/license/register": { install_code: "ABCD-EFGH-JKMN-PQRS", appliance_id: "appliance-fuzz-1" },
    "POST /v1/license/check-in": {},
  };
}
