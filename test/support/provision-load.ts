import { expect } from "vitest";
import { eventually } from "../../src/jobs/testing";
import { db } from "../../src/server/db";
import { PROVISION_STAGES } from "../../src/server/services/provisioning/provision-queue-message";
import { ONBOARDING_STEP_KEYS } from "../../src/server/services/onboarding/steps";
import type { TJsonBody } from "./rest-call";

/**
 * Shared by the load tests that sign many tenants up, or open many onboarding
 * sessions, at once over HTTP with the local runner
 * (`test/stress/*.stress.test.ts`): the request each sends, the wait for
 * every provision job or session to end, and what must hold afterwards.
 */

const TERMINAL = ["Completed", "Failed"];

/** The signup `i` of a load test (`POST /v1/tenants`). */
export function loadSignup(i: number): { company_name: string; subdomain_slug: string } {
  return { company_name: `Load ${i} Corp`, subdomain_slug: `load-${i}` };
}

/** The onboarding session `i` of a load test (`POST /api/v1/onboarding`, the free tier, for `userId`). */
export function loadOnboarding(i: number, userId: string): { platformName: string; slug: string; tier: "starter"; userId: string } {
  return { platformName: `Onboard ${i}`, slug: `onb-load-${i}`, tier: "starter", userId };
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

/** How many of the onboarding sessions `ids` have ended (completed or failed). */
export function countEndedSessions(ids: string[]): Promise<number> {
  return db().onboardingSession.count({ where: { id: { in: ids }, status: { in: ["completed", "failed"] } } });
}

/** Waits until every one of the onboarding sessions `ids` has ended. */
export async function waitForSessionsToEnd(ids: string[], timeoutMs: number): Promise<void> {
  try {
    await eventually(async () => (await countEndedSessions(ids)) === ids.length, {
      what: `all ${ids.length} onboarding sessions to end`,
      timeoutMs,
    });
  } catch (error) {
    const byStatus = await db().onboardingSession.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: true });
    const counts = byStatus.map((g) => `${g.status} ${g._count}`).join(", ");
    // Where the first few that did not end stand: their steps and their step runner's jobs.
    const open = await db().onboardingSession.findMany({
      where: { id: { in: ids }, status: { notIn: ["completed", "failed"] } },
      include: { steps: { orderBy: { position: "asc" } } },
      take: 3,
    });
    const stands = await Promise.all(
      open.map(async (o) => {
        const runs = await db().$queryRaw<{ state: string; retry_count: number }[]>`
          SELECT state, retry_count FROM pgboss.job WHERE name = 'onboarding.advance' AND data->>'sessionId' = ${o.id} ORDER BY created_on`;
        const steps = o.steps.map((st) => `${st.key} ${st.status} x${st.attempts}`).join(", ");
        return `${o.id} ${o.status}: ${steps}; step runs ${runs.map((r) => `${r.state}/${r.retry_count}`).join(" ")}`;
      }),
    );
    throw new Error(`${(error as Error).message} within ${timeoutMs} ms (${counts})${stands.map((x) => `\n  ${x}`).join("")}`, {
      cause: error,
    });
  }
}

/**
 * Every onboarding session completed, once: each answers `completed` on
 * `GET /api/v1/onboarding/{id}`, and each of its steps started once
 * (`attempts` 1) and ended succeeded, or skipped with its reason (no GitHub
 * here); then its provision job as `expectEachProvisionedOnce` requires.
 * A step in `cutOff` (`<session id>:<step key>`, running when a worker was
 * killed) may have started a second time: the run the kill cut off.
 *
 * `api` calls the REST surface (`GET /api/v1/onboarding/{id}`,
 * `GET /v1/jobs/{id}`, `GET /internal/trace/{trace_id}`).
 */
export async function expectEachOnboardedOnce(
  ids: string[],
  api: (method: string, path: string) => Promise<{ status: number; body: TJsonBody }>,
  opts: { cutOff?: ReadonlySet<string> } = {},
): Promise<void> {
  const jobs: TJsonBody[] = [];
  for (const id of ids) {
    const session = await api("GET", `/api/v1/onboarding/${id}`);
    expect([id, session.status, session.body.status, session.body.error]).toEqual([id, 200, "completed", null]);
    // A step not done shows its status (and its error) in the failure.
    const steps = (session.body.steps as TJsonBody[]).map((s) => [
      s.key,
      DONE.includes(s.status) ? "done" : `${s.status}: ${s.error}`,
      s.attempts === 2 && opts.cutOff?.has(`${id}:${s.key}`) ? 1 : s.attempts,
    ]);
    expect(steps, id).toEqual(ONBOARDING_STEP_KEYS.map((key) => [key, "done", 1]));
    const job = await api("GET", `/v1/jobs/${session.body.jobId}`);
    expect(job.status, `${id} job ${session.body.jobId}`).toBe(200);
    jobs.push(job.body);
  }
  await expectEachProvisionedOnce(jobs, (traceId) => api("GET", `/internal/trace/${traceId}`));
}

const DONE = ["succeeded", "skipped"];

/**
 * Every signup completed, once: each job Completed; each trace holds each
 * runner stage and each of Embark's steps (placement, dispatch, callback)
 * finished exactly once — nothing lost, nothing done twice; every tenant is
 * active on a node, and placement under contention kept every node within its
 * capacity with `used` equal to the tenants on it.
 *
 * `signups` are the 202 bodies of `POST /v1/tenants` (or the provision jobs'
 * `GET /v1/jobs/{id}`, which carry the same ids); `trace` reads
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
