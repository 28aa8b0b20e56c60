import { z } from "zod";

/**
 * The stages of the provision workflow, in the order they run. The GitHub
 * workflow and the local runner both report failures by these names.
 */
export const PROVISION_STAGES = [
  "resolve_target",
  "pulumi_up",
  "register_node",
  "ansible",
  "zuplo_sync",
  "dns",
  "callback",
] as const;
export const ZProvisionStage = z.enum(PROVISION_STAGES);
export type TProvisionStage = z.infer<typeof ZProvisionStage>;

/**
 * Failure stages Embark records itself, besides the workflow's own:
 * `placement` (fail-fast refusal), `dispatch` (GitHub refused), `timeout`
 * (watchdog).
 */
export const ZFailureStage = z.enum([...PROVISION_STAGES, "placement", "dispatch", "timeout"]);
export type TFailureStage = z.infer<typeof ZFailureStage>;

/**
 * The inputs of the provision workflow: every field a string, as the
 * workflow_dispatch API and the queue consumer expect them.
 */
export const ZProvisionQueueMessage = z.strictObject({
  job_id: z.string().min(1),
  tenant_id: z.string().min(1),
  region: z.string().min(1),
  /** "true" | "false" */
  create_new_server: z.enum(["true", "false"]),
  /** "" when no existing server is targeted. */
  target_server_id: z.string(),
  subdomain_slug: z.string().min(1),
  canonical_hostname: z.string().min(1),
  /** "true" | "false" */
  dedicated: z.enum(["true", "false"]).optional(),
  trace_id: z.string().optional(),
});
export type TProvisionQueueMessage = z.infer<typeof ZProvisionQueueMessage>;

/** Field names of the message, in the seed's order. */
export const PROVISION_QUEUE_MESSAGE_FIELDS = Object.keys(ZProvisionQueueMessage.shape) as (keyof TProvisionQueueMessage)[];

/**
 * Workflow inputs beyond the message: a per-job token the workflow presents
 * on its callback, so a run can complete only its own job.
 */
export const WORKFLOW_EXTRA_INPUTS = ["callback_token"] as const;

type TMessageSource = {
  jobId: string;
  tenantId: string;
  region: string;
  createNewServer: boolean;
  targetServerId: string | null;
  subdomainSlug: string;
  canonicalHostname: string;
  dedicated: boolean;
  traceId: string;
};

/** Builds the message from a provision job's placement, stringifying every field. */
export function buildProvisionQueueMessage(src: TMessageSource): TProvisionQueueMessage {
  return {
    job_id: src.jobId,
    tenant_id: src.tenantId,
    region: src.region,
    create_new_server: String(src.createNewServer) as "true" | "false",
    target_server_id: src.targetServerId ?? "",
    subdomain_slug: src.subdomainSlug,
    canonical_hostname: src.canonicalHostname,
    dedicated: src.dedicated ? "true" : "false",
    trace_id: src.traceId,
  };
}

/** The workflow fails fast on this, so Embark refuses to dispatch it first. */
export function violatesFailFast(msg: Pick<TProvisionQueueMessage, "create_new_server" | "target_server_id">): boolean {
  return msg.create_new_server !== "true" && msg.target_server_id.trim() === "";
}

/** The run name the workflow gives itself; it carries the job id so a run can always be found. */
export function workflowRunName(msg: Pick<TProvisionQueueMessage, "job_id" | "subdomain_slug">): string {
  return `Provision ${msg.subdomain_slug} (${msg.job_id})`;
}
