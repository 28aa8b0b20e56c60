import { env } from "@/env";
import { db as defaultDb, type TDb } from "@/server/db";
import { failOpenJob } from "./provision-job-state";

/**
 * Fails jobs that were dispatched but never called back within the timeout.
 * Each job is failed in its own transaction with a status guard, so a
 * callback that lands at the same moment wins or loses cleanly.
 */
export async function failTimedOutProvisionJobs(
  opts: { db?: TDb; now?: Date; timeoutMinutes?: number } = {},
): Promise<{ failed: string[] }> {
  const db = opts.db ?? defaultDb();
  const minutes = opts.timeoutMinutes ?? env().PROVISION_TIMEOUT_MINUTES;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - minutes * 60_000);
  const stale = await db.provisionJob.findMany({
    where: { status: { in: ["Dispatched", "Running"] }, dispatchedAt: { lt: cutoff } },
    select: { id: true },
    orderBy: { dispatchedAt: "asc" },
    take: 500,
  });
  const failed: string[] = [];
  for (const { id } of stale) {
    const done = await db.$transaction((tx) =>
      failOpenJob({
        db: tx,
        jobId: id,
        failureStage: "timeout",
        message: `No callback within ${minutes} minutes of dispatch`,
      }),
    );
    if (done) failed.push(id);
  }
  return { failed };
}
