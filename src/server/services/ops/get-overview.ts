import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { OPERATOR_ROLES } from "@/server/auth/roles";
import { jobQueueHealth } from "@/jobs/runtime";
import { env } from "@/env";
import { OPEN_STATUSES } from "@/server/services/provisioning/provision-job-state";
import { planAvailability } from "@/server/services/payments/plan-availability";
import { summarizeNodeCapacity, type TNodeCapacity } from "@/server/services/nodes/node-capacity";

export type TOverview = {
  operators: number;
  activeApiKeys: number;
  outbox: { queued: number; held: number; failed: number; sent: number };
  auditLast24h: number;
  queue: "ok" | "down" | "disabled";
  provisioning: {
    dispatcher: "github" | "local";
    tenants: { active: number; total: number };
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
};

/** The counts the dashboard's overview shows, read in one round of queries. */
export async function getOverview(opts: { db?: TDbOrTx; now?: Date } = {}): Promise<TOverview> {
  const db = opts.db ?? defaultDb();
  const since = new Date((opts.now ?? new Date()).getTime() - 24 * 3600_000);
  const [operators, activeApiKeys, byStatus, auditLast24h, queue, tenants, openJobs, nodes, sessions] = await Promise.all([
    db.user.count({ where: { role: { in: [...OPERATOR_ROLES] } } }),
    db.apiKey.count({ where: { revokedAt: null } }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.auditLog.count({ where: { createdAt: { gte: since } } }),
    jobQueueHealth().catch(() => "down" as const),
    db.tenant.groupBy({ by: ["status"], _count: { _all: true } }),
    db.provisionJob.count({ where: { status: { in: [...OPEN_STATUSES] } } }),
    db.node.findMany({ select: { used: true, capacity: true, dedicated: true, status: true } }),
    db.onboardingSession.groupBy({ by: ["status"], where: { status: { in: ["in_progress", "failed"] } }, _count: { _all: true } }),
  ]);
  const tenantCount = (s: string) => tenants.find((r) => r.status === s)?._count._all ?? 0;
  const count = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  return {
    operators,
    activeApiKeys,
    outbox: { queued: count("queued"), held: count("held"), failed: count("failed"), sent: count("sent") },
    auditLast24h,
    queue,
    provisioning: {
      dispatcher: env().PROVISION_DISPATCHER,
      tenants: { active: tenantCount("active"), total: tenants.reduce((n, r) => n + r._count._all, 0) },
      openJobs,
      failedTenants: tenantCount("failed"),
      nodes: summarizeNodeCapacity(nodes),
    },
    paidPlans: (["growth", "scale"] as const).map((tier) => {
      const plan = planAvailability()[tier];
      return { tier, available: plan.available, reason: plan.reason ?? null };
    }),
    onboarding: {
      inProgress: sessions.find((r) => r.status === "in_progress")?._count._all ?? 0,
      failed: sessions.find((r) => r.status === "failed")?._count._all ?? 0,
    },
  };
}
