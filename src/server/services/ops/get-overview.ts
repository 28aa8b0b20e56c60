import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { OPERATOR_ROLES } from "@/server/auth/roles";
import { jobQueueHealth } from "@/jobs/runtime";
import { env } from "@/env";
import { OPEN_STATUSES } from "@/server/services/provisioning/provision-job-state";
import { planAvailability } from "@/server/services/payments/plan-availability";
import { summarizeNodeCapacity, type TNodeCapacity } from "@/server/services/nodes/node-capacity";
import { cappedCount, COUNT_CAP, tableRowCount } from "@/server/services/shared/counts";

export type TOverview = {
  operators: number;
  activeApiKeys: number;
  outbox: { queued: number; held: number; failed: number; sent: number };
  auditLast24h: number;
  queue: "ok" | "down" | "disabled";
  provisioning: {
    dispatcher: "github" | "local";
    /**
     * `active` is counted up to COUNT_CAP + 1 (more reads as "1,000+"); `total`
     * is exact up to EXACT_TOTAL_UP_TO tenants and the planner's estimate above
     * (`totalEstimated`).
     */
    tenants: { active: number; total: number; totalEstimated: boolean };
    /** Provision jobs not yet ended. */
    openJobs: number;
    /** Tenants whose latest attempt failed: what an operator should look at. */
    failedTenants: number;
    /** The same summary the Nodes page shows. */
    nodes: TNodeCapacity;
  };
  /** Which paid plans the wizard can sell, and why not: the details customers are not shown. */
  paidPlans: { tier: "growth" | "scale"; available: boolean; reason: string | null }[];
  /** Onboarding sessions moving now, and those failed and waiting for someone to resume them. */
  onboarding: { inProgress: number; failed: number };
  /** Counts over tenants, provision jobs and onboarding sessions stop at this + 1: show "1,000+". */
  countCap: number;
};

/**
 * The counts the dashboard's overview shows, read in one round of queries.
 * Those over the big tables read a bounded number of index entries whatever
 * their size: filtered counts stop at COUNT_CAP + 1, the tenant total is an
 * estimate once there are many.
 */
export async function getOverview(opts: { db?: TDbOrTx; now?: Date } = {}): Promise<TOverview> {
  const db = opts.db ?? defaultDb();
  const since = new Date((opts.now ?? new Date()).getTime() - 24 * 3600_000);
  const [operators, activeApiKeys, byStatus, auditLast24h, queue, total, active, failedTenants, openJobs, nodes, inProgress, failed] = await Promise.all([
    db.user.count({ where: { role: { in: [...OPERATOR_ROLES] } } }),
    db.apiKey.count({ where: { revokedAt: null } }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.auditLog.count({ where: { createdAt: { gte: since } } }),
    jobQueueHealth().catch(() => "down" as const),
    tableRowCount(db, "tenants"),
    cappedCount(db, "tenants", "status", ["active"]),
    cappedCount(db, "tenants", "status", ["failed"]),
    cappedCount(db, "provision_jobs", "status", [...OPEN_STATUSES]),
    db.node.findMany({ select: { used: true, capacity: true, dedicated: true, status: true } }),
    cappedCount(db, "onboarding_sessions", "status", ["in_progress"]),
    cappedCount(db, "onboarding_sessions", "status", ["failed"]),
  ]);
  const count = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  return {
    operators,
    activeApiKeys,
    outbox: { queued: count("queued"), held: count("held"), failed: count("failed"), sent: count("sent") },
    auditLast24h,
    queue,
    provisioning: {
      dispatcher: env().PROVISION_DISPATCHER,
      tenants: { active, total: total.rows, totalEstimated: total.estimated },
      openJobs,
      failedTenants,
      nodes: summarizeNodeCapacity(nodes),
    },
    paidPlans: (["growth", "scale"] as const).map((tier) => {
      const plan = planAvailability()[tier];
      return { tier, available: plan.available, reason: plan.reason ?? null };
    }),
    onboarding: { inProgress, failed },
    countCap: COUNT_CAP,
  };
}
