import { z } from "zod";
import type { TTraceEvent } from "@/server/services/trace/trace-event";
import { PROVISION_JOB_STATUSES } from "./provision-job-state";
import { PROVISION_STAGES } from "./provision-queue-message";

export const STAGE_STATES = ["pending", "running", "succeeded", "failed", "skipped"] as const;

/** One workflow stage as the job's trace tells it. */
export const ZJobStage = z.object({
  name: z.string(),
  state: z.enum(STAGE_STATES),
  started_at: z.date().nullable(),
  finished_at: z.date().nullable(),
  message: z.string().nullable(),
});
export type TJobStage = z.infer<typeof ZJobStage>;

/** A provision job as the API shows it. */
export const ZProvisionJob = z.object({
  job_id: z.string(),
  tenant_id: z.string(),
  attempt: z.number().int(),
  retry_of_job_id: z.string().nullable(),
  status: z.enum(PROVISION_JOB_STATUSES),
  infra_mode: z.enum(["create_new_server", "use_existing"]),
  dedicated: z.literal(1).nullable(),
  region: z.string(),
  trace_id: z.string(),
  target_server_id: z.string().nullable(),
  placement_reasons: z.array(z.string()),
  dispatch: z.object({
    mode: z.enum(["github", "local"]),
    run_id: z.string().nullable(),
    run_url: z.string().nullable(),
    dispatched_at: z.date().nullable(),
  }),
  failure_stage: z.string().nullable(),
  message: z.string().nullable(),
  outputs: z.record(z.string(), z.unknown()).nullable(),
  created_at: z.date(),
  updated_at: z.date(),
  started_at: z.date().nullable(),
  finished_at: z.date().nullable(),
  tenant: z.object({
    slug: z.string(),
    company_name: z.string(),
    canonical_hostname: z.string(),
    plan: z.string(),
    status: z.string(),
  }),
});
export type TProvisionJobView = z.infer<typeof ZProvisionJob>;

export const PROVISION_JOB_SELECT = {
  id: true,
  tenantId: true,
  attempt: true,
  retryOfJobId: true,
  status: true,
  infraMode: true,
  dedicated: true,
  region: true,
  traceId: true,
  targetServerId: true,
  placementReasons: true,
  dispatchMode: true,
  dispatchRunId: true,
  dispatchRunUrl: true,
  dispatchedAt: true,
  failureStage: true,
  message: true,
  outputs: true,
  createdAt: true,
  updatedAt: true,
  startedAt: true,
  finishedAt: true,
  tenant: { select: { slug: true, companyName: true, canonicalHostname: true, plan: true, status: true } },
} as const;

type TRow = {
  id: string;
  tenantId: string;
  attempt: number;
  retryOfJobId: string | null;
  status: string;
  infraMode: string;
  dedicated: number | null;
  region: string;
  traceId: string;
  targetServerId: string | null;
  placementReasons: string[];
  dispatchMode: string;
  dispatchRunId: string | null;
  dispatchRunUrl: string | null;
  dispatchedAt: Date | null;
  failureStage: string | null;
  message: string | null;
  outputs: unknown;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  tenant: { slug: string; companyName: string; canonicalHostname: string; plan: string; status: string };
};

export function toProvisionJobView(row: TRow): TProvisionJobView {
  return {
    job_id: row.id,
    tenant_id: row.tenantId,
    attempt: row.attempt,
    retry_of_job_id: row.retryOfJobId,
    status: row.status as TProvisionJobView["status"],
    infra_mode: row.infraMode as TProvisionJobView["infra_mode"],
    dedicated: row.dedicated === 1 ? 1 : null,
    region: row.region,
    trace_id: row.traceId,
    target_server_id: row.targetServerId,
    placement_reasons: row.placementReasons,
    dispatch: {
      mode: row.dispatchMode as "github" | "local",
      run_id: row.dispatchRunId,
      run_url: row.dispatchRunUrl,
      dispatched_at: row.dispatchedAt,
    },
    failure_stage: row.failureStage,
    message: row.message,
    outputs: (row.outputs as Record<string, unknown> | null) ?? null,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    started_at: row.startedAt,
    finished_at: row.finishedAt,
    tenant: {
      slug: row.tenant.slug,
      company_name: row.tenant.companyName,
      canonical_hostname: row.tenant.canonicalHostname,
      plan: row.tenant.plan,
      status: row.tenant.status,
    },
  };
}

/**
 * The workflow's stages for one job, folded from its trace: the last event of
 * a stage decides its state. A job that ended leaves unreported stages
 * `skipped` when it failed, `pending` otherwise.
 */
export function stagesOf(events: TTraceEvent[], job: { status: string; failure_stage: string | null }): TJobStage[] {
  return PROVISION_STAGES.map((name) => {
    const own = events.filter((e) => e.stage === name);
    const started = own.find((e) => e.status === "started") ?? own[0];
    const last = own.at(-1);
    const open = !last || last.status === "started" || last.status === "info";
    let state: TJobStage["state"] = !last ? "pending" : open ? "running" : (last.status as TJobStage["state"]);
    if (open && job.status === "Failed") state = job.failure_stage === name ? "failed" : "skipped";
    return {
      name,
      state,
      started_at: started?.occurred_at ?? null,
      finished_at: open ? null : last.occurred_at,
      message: last?.message ?? null,
    };
  });
}
