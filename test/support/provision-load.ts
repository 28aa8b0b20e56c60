import { expect } from "vitest";
import { eventually } from "../../src/jobs/testing";
import { db } from "../../src/server/db";
import { PROVISION_STAGES } from "../../src/server/services/provisioning/provision-queue-message";
import type { TJsonBody } from "./rest-call";

/**
 * Shared by the load tests that sign many tenants up at once over HTTP with
 * the local runner (`test/stress/*.stress.test.ts`): the request each sends,
 * the wait for every provision job to end, and what must hold afterwards.
 */

const TERMINAL = ["Completed", "Failed"];

/** The signup `i` of a load test (`POST /v1/tenants`). */
export function loadSignup(i: number): { company_name: string; subdomain_slug: string } {
  return { company_name: `Load ${i} Corp`, subdomain_slug: `load-${i}` };
}

/** How many of `jobIds` have ended (Completed or Failed). */
export function countEndedJobs(jobIds: string[]): Promise<number> {
  return db().provisionJob.count({ where: { id: { in: jobIds }, status: { in: TERMINAL } } });
}

/** Waits until every one of `jobIds` has ended. */
export async function waitForJobsToEnd(jobIds: string[], timeoutMs: number): Promise<void> {
  try {
    await eventually(async () => (await countEndedJobs(jobIds)) === jobIds.length, {
      what: `all ${jobIds.length} provision jobs to end`,
      timeoutMs,
    });
  } catch (error) {
    const byStatus = await db().provisionJob.groupBy({ by: ["status"], where: { id: { in: jobIds } }, _count: true });
    const counts = byStatus.map((g) => `${g.status} ${g._count}`).join(", ");
    throw new Error(`${(error as Error).message} within ${timeoutMs} ms (${counts})`, { cause: error });
  }
}

/**
 * Every signup completed, once: each job Completed; each trace holds each
 * runner stage and each of Embark's steps (placement, dispatch, callback)
 * finished exactly once — nothing lost, nothing done twice; every tenant is
 * active on a node, and placement under contention kept every node within its
 * capacity with `used` equal to the tenants on it.
 *
 * `signups` are the 202 bodies of `POST /v1/tenants`; `trace` reads
 * `GET /internal/trace/{trace_id}`.
 */
export async function expectEachProvisionedOnce(
  signups: TJsonBody[],
  trace: (traceId: string) => Promise<{ status: number; body: TJsonBody }>,
): Promise<void> {
  const jobs = await db().provisionJob.findMany({ where: { id: { in: signups.map((s) => s.job_id as string) } } });
  expect(jobs).toHaveLength(signups.length);
  // Shared nodes have room for every tenant (new ones are created as they fill): nothing fails.
  expect(jobs.filter((j) => j.status !== "Completed").map((j) => [j.id, j.status, j.failureStage])).toEqual([]);

  const runnerStages = PROVISION_STAGES.filter((s) => s !== "callback");
  for (const s of signups) {
    const answer = await trace(s.trace_id as string);
    expect(answer.status).toBe(200);
    const events = answer.body.events as TJsonBody[];
    const finished = events.filter((e) => e.source === "local-runner" && e.status !== "started").map((e) => e.stage);
    expect(finished, `trace ${s.trace_id}`).toEqual(runnerStages);
    const embark = events.filter((e) => e.source === "embark").map((e) => e.stage);
    expect(embark, `trace ${s.trace_id}`).toEqual(["placement", "dispatch", "callback"]);
  }

  const tenants = await db().tenant.findMany({ where: { id: { in: signups.map((s) => s.tenant_id as string) } } });
  expect(tenants.filter((t) => t.status !== "active" || !t.nodeId)).toEqual([]);
  // Every tenant placed so far counts, also those of an earlier load in the same database.
  const nodes = await db().node.findMany({ include: { _count: { select: { tenants: true } } } });
  for (const node of nodes) {
    expect(node.used, `node ${node.id}`).toBeLessThanOrEqual(node.capacity);
    expect(node.used, `node ${node.id}`).toBe(node._count.tenants);
  }
}
