import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { OPERATOR_ROLES } from "@/server/auth/roles";
import { jobQueueHealth } from "@/jobs/runtime";

export type TOverview = {
  operators: number;
  activeApiKeys: number;
  outbox: { queued: number; held: number; failed: number; sent: number };
  auditLast24h: number;
  queue: "ok" | "down" | "disabled";
};

/** The counts the dashboard's overview shows, read in one round of queries. */
export async function getOverview(opts: { db?: TDbOrTx; now?: Date } = {}): Promise<TOverview> {
  const db = opts.db ?? defaultDb();
  const since = new Date((opts.now ?? new Date()).getTime() - 24 * 3600_000);
  const [operators, activeApiKeys, byStatus, auditLast24h, queue] = await Promise.all([
    db.user.count({ where: { role: { in: [...OPERATOR_ROLES] } } }),
    db.apiKey.count({ where: { revokedAt: null } }),
    db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db.auditLog.count({ where: { createdAt: { gte: since } } }),
    jobQueueHealth().catch(() => "down" as const),
  ]);
  const count = (s: string) => byStatus.find((r) => r.status === s)?._count._all ?? 0;
  return {
    operators,
    activeApiKeys,
    outbox: { queued: count("queued"), held: count("held"), failed: count("failed"), sent: count("sent") },
    auditLast24h,
    queue,
  };
}
