import { operationExamples } from "./operation-examples";

/** Rows the examples name, so a fault in one field meets real data everywhere else. */
export type TExampleIds = {
  jobId: string;
  traceId: string;
  /** A tenant the plain user created (portal domains are submitted for it). */
  tenantId: string;
  onboardingId: string;
  portalDomainId: string;
  webhookEndpointId: string;
  outboxMessageId: string;
  /** An operator other than the caller, so disabling or resetting them never locks the fuzz out. */
  otherOperatorId: string;
};

/**
 * A valid input for every tRPC procedure that takes one, keyed by its dotted
 * path. Those the REST surface also serves take the REST example (with its
 * path parameters folded in, as tRPC takes them). None of them may take the
 * caller's own access away: the password given to `changeOwnPassword` is
 * wrong, and what is disabled or reset is another operator.
 */
export function procedureExamples(ids: TExampleIds): Record<string, Record<string, unknown>> {
  const rest = operationExamples(ids);
  const page = { limit: 5, cursor: "c2VlZA" };
  return {
    "apiKeys.list": { includeRevoked: true },
    "apiKeys.create": { name: "fuzz key", scopes: ["trace:read", "nodes:read"] },
    "apiKeys.revoke": { id: "key_fuzz0000000000000000000000" },
    "audit.list": { limit: 10, action: "operator.*", actor: "admin", targetType: "user", targetId: ids.otherOperatorId },
    "ops.outbox.list": { status: "queued", limit: 10 },
    "ops.outbox.get": { id: ids.outboxMessageId },
    "ops.outbox.reveal": { id: ids.outboxMessageId },
    "ops.outbox.retry": { id: ids.outboxMessageId },
    "operators.create": { email: "fuzz.operator@example.com", name: "Fuzz Operator", role: "viewer" },
    "operators.setDisabled": { id: ids.otherOperatorId, disabled: true },
    "operators.resetPassword": { id: ids.otherOperatorId },
    "operators.changeOwnPassword": { currentPassword: "not-the-password", newPassword: "a-brand-new-password-1" },
    "tenants.create": rest["POST /v1/tenants"]!,
    "tenants.checkSlug": { slug: "fuzz-free-slug" },
    "tenants.list": { status: "provisioning", region: "sg", q: "fuzz", ...page },
    "jobs.get": { job_id: ids.jobId },
    "jobs.complete": rest["POST /internal/provision-complete"]!,
    "jobs.list": { status: "Dispatched", region: "sg", q: "fuzz", ...page },
    "jobs.detail": { job_id: ids.jobId },
    "jobs.retry": { job_id: ids.jobId },
    "trace.record": { events: [rest["POST /internal/trace-events"]!] },
    "trace.get": { trace_id: ids.traceId },
    "trace.find": { q: ids.traceId },
    "trace.timeline": { trace_id: ids.traceId },
    "funnel.ingest": rest["POST /internal/funnel-events/ingest"]!,
    "funnel.list": { trace_id: ids.traceId, from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z", limit: 20 },
    "funnel.stats": { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-12-31T00:00:00Z"), plan: "starter", region: "sg" },
    "nodes.register": rest["POST /internal/nodes"]!,
    "nodes.get": { node_id: "node-sg-fuzz01" },
    "nodes.list": { region: "sg" },
    "placement.compute": rest["POST /internal/placement/compute"]!,
    "onboarding.create": rest["POST /api/v1/onboarding"]!,
    "onboarding.get": { id: ids.onboardingId },
    "onboarding.patch": { id: ids.onboardingId, ...rest["PATCH /api/v1/onboarding/{id}"]! },
    "onboarding.resume": { id: ids.onboardingId },
    "onboarding.deployComplete": { id: ids.onboardingId, ...rest["POST /internal/onboarding/{id}/deploy-complete"]! },
    "onboarding.list": { status: "failed", tier: "starter", region: "sg", failedStep: "provision_infra", q: "fuzz", ...page },
    "webhooks.createEndpoint": { url: "https://hooks.fuzz.example.com/embark", events: ["onboarding.completed", "provision.failed"], description: "fuzz" },
    "webhooks.updateEndpoint": { id: ids.webhookEndpointId, url: "https://hooks.fuzz.example.com/v2", events: ["provision.completed"], description: "", enabled: false },
    "webhooks.deleteEndpoint": { id: "whe_01jfuzz0000000000000000000" },
    "webhooks.rotateSecret": { id: ids.webhookEndpointId },
    "webhooks.listDeliveries": { endpointId: ids.webhookEndpointId, status: "failed", eventType: "provision.failed", limit: 10 },
    "webhooks.delivery": { id: "whd_01jfuzz0000000000000000000" },
    "webhooks.replay": { id: "whd_01jfuzz0000000000000000000" },
    "portalDomains.submit": { tenant_id: ids.tenantId, ...rest["POST /v1/tenants/{tenant_id}/portal-domains"]! },
    "portalDomains.get": { id: ids.portalDomainId },
    "portalDomains.disable": { id: "pdom_fuzz00000000000000" },
    "portalDomains.reconcile": { id: ids.portalDomainId },
    "portalDomains.reconcileAsOperator": { id: ids.portalDomainId },
    "portalDomains.list": { status: "failed", q: "fuzz" },
    "portalDomains.detail": { id: ids.portalDomainId },
    "licensing.registerTenant": rest["POST /internal/license/register-tenant"]!,
    "licensing.reissue": rest["POST /internal/license/install-codes/reissue"]!,
    "licensing.redeem": rest["POST /v1/license/register"]!,
    "licensing.checkIn": rest["POST /v1/license/check-in"]!,
    "licensing.revokeEntitlement": { id: "ent_fuzz" },
    "licensing.revokeAppliance": { id: "app_fuzz" },
    "licensing.order": { company_name: "Fuzz Orders", contact_email: "orders@fuzz.example.com", edition: "essentials" },
    "licensing.orderStatus": { session_id: "cs_test_fuzz000000" },
    "licensing.orderReissue": { email: "orders@fuzz.example.com" },
    "licensing.operatorReissue": { tenant_id: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b" },
  };
}
