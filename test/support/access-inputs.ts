import type { TMatrixIds } from "./access-callers";

/** Who the input is built for: its kind and, for signed-in people, their user id. */
export type TInputCaller = { kind: string; userId: string | null };

type TInputBuilder = (ids: TMatrixIds, caller: TInputCaller) => unknown;

/**
 * Valid-enough input for each procedure the matrix calls, so an allowed
 * caller reaches the procedure's own checks (a 400/404/409/422 there is
 * fine). Calls about a customer's resource name the owner's real one: that
 * is what makes another customer's 404 a refusal and not a miss. Writes aim
 * at throwaway rows (a victim operator and key), never at the matrix's own
 * callers. Procedures without an entry are called with no input.
 */
export const PROCEDURE_INPUTS: Record<string, TInputBuilder> = {
  "apiKeys.list": () => ({}),
  "apiKeys.create": () => ({ name: "matrix created key", scopes: ["trace:read"] }),
  "apiKeys.revoke": (ids) => ({ id: ids.victimKeyId }),
  "audit.list": () => ({}),
  "ops.outbox.list": () => ({}),
  "ops.outbox.get": (ids) => ({ id: ids.outboxMessageId }),
  "ops.outbox.reveal": (ids) => ({ id: ids.outboxMessageId }),
  "ops.outbox.retry": (ids) => ({ id: ids.outboxMessageId }),
  "operators.create": () => ({ email: "matrix.created@example.com", name: "Created", role: "viewer" }),
  "operators.setDisabled": (ids) => ({ id: ids.victimOperatorId, disabled: true }),
  "operators.resetPassword": (ids) => ({ id: ids.victimOperatorId }),
  // Too short a new password: the check answers 400 and nobody's sessions end.
  "operators.changeOwnPassword": () => ({ currentPassword: "not-the-password", newPassword: "short" }),
  "tenants.create": (_, c) => ({ company_name: "Matrix Widgets", subdomain_slug: `mx-tenant-${c.kind.toLowerCase()}` }),
  "tenants.checkSlug": () => ({ slug: "matrix-free-slug" }),
  "tenants.list": () => ({}),
  "jobs.get": (ids) => ({ job_id: ids.jobId }),
  "jobs.complete": (ids) => ({ job_id: ids.jobId, status: "Completed" }),
  "jobs.list": () => ({}),
  "jobs.detail": (ids) => ({ job_id: ids.jobId }),
  "jobs.retry": (ids) => ({ job_id: ids.jobId }),
  "trace.record": (ids) => ({ trace_id: ids.traceId, job_id: ids.jobId, stage: "ansible", status: "info", message: "matrix" }),
  "trace.get": (ids) => ({ trace_id: ids.traceId }),
  "trace.find": (ids) => ({ q: ids.traceId }),
  "trace.timeline": (ids) => ({ trace_id: ids.traceId }),
  "funnel.ingest": (ids) => ({
    source: "matrix",
    events: [{ event_id: "0b8f3c1e-6c1f-4d5a-9f00-000000000001", name: "step_viewed", step: "company", session_id: "matrix", trace_id: ids.traceId, occurred_at: "2026-01-01T10:00:00Z" }],
  }),
  "funnel.list": (ids) => ({ trace_id: ids.traceId, limit: 10 }),
  "funnel.stats": () => ({ from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 0, 2)) }),
  "nodes.register": () => ({ node_id: "node-sg-matrix1", region: "sg", hostname: "matrix-1.example.com", server_ip: "10.0.0.3", capacity: 10, dedicated: false, status: "active" }),
  "nodes.get": () => ({ node_id: "node-sg-matrix1" }),
  "nodes.list": () => ({}),
  "placement.compute": () => ({ region: "sg", plan: "starter" }),
  // A signed-in person onboards only themselves; keys name the owner.
  "onboarding.create": (ids, c) => ({ platformName: "Matrix Platform", slug: `mx-onb-${c.kind.toLowerCase()}`, tier: "starter", userId: c.userId ?? ids.ownerId }),
  "onboarding.get": (ids) => ({ id: ids.onboardingId }),
  "onboarding.patch": (ids) => ({ id: ids.onboardingId, status: "in_progress" }),
  "onboarding.resume": (ids) => ({ id: ids.onboardingId }),
  "onboarding.deployComplete": (ids) => ({ id: ids.onboardingId, status: "failed", message: "matrix" }),
  "onboarding.list": () => ({}),
  "webhooks.listEndpoints": () => ({}),
  "webhooks.createEndpoint": () => ({ url: "https://hooks.matrix.example.com/embark", events: ["provision.completed"] }),
  "webhooks.updateEndpoint": () => ({ id: "whe_missing", enabled: false }),
  "webhooks.deleteEndpoint": () => ({ id: "whe_missing" }),
  "webhooks.rotateSecret": () => ({ id: "whe_missing" }),
  "webhooks.listDeliveries": () => ({}),
  "webhooks.delivery": () => ({ id: "whd_missing" }),
  "webhooks.replay": () => ({ id: "whd_missing" }),
  "portalDomains.submit": (ids) => ({ tenant_id: ids.tenantId, domain: "portal2.owner-widgets.example.com" }),
  "portalDomains.get": (ids) => ({ id: ids.portalDomainId }),
  "portalDomains.disable": (ids) => ({ id: ids.portalDomainId }),
  "portalDomains.reconcile": (ids) => ({ id: ids.portalDomainId }),
  "portalDomains.reconcileAsOperator": (ids) => ({ id: ids.portalDomainId }),
  "portalDomains.list": () => ({}),
  "portalDomains.detail": (ids) => ({ id: ids.portalDomainId }),
  "licensing.registerTenant": () => ({ company_name: "Matrix Appliances", contact_email: "it@matrix.example.com", edition: "essentials" }),
  "licensing.reissue": (ids) => ({ tenant_id: ids.registryTenantId }),
  "licensing.redeem": () => ({ install_code: "ABCD-EFGH-JKMN-PQRS", appliance_id: "matrix-appliance-2" }),
  "licensing.revokeEntitlement": () => ({ id: "ent_missing" }),
  "licensing.revokeAppliance": () => ({ id: "apl_missing" }),
  "licensing.order": () => ({ edition: "essentials", company_name: "Matrix Order", contact_email: "order@matrix.example.com" }),
  "licensing.orderStatus": () => ({ session_id: "cs_test_matrix" }),
  "licensing.orderReissue": () => ({ email: "it@matrix.example.com" }),
  "licensing.operatorReissue": (ids) => ({ tenant_id: ids.registryTenantId }),
};
