import { env } from "@/env";
import { parseWorkflowDispatchUrl } from "@/server/integrations/github/parse-workflow-dispatch-url";
import { createWorkflowClient, WorkflowDispatchError } from "@/server/integrations/github/workflow-client";
import type { TDb } from "@/server/db";
import { logger } from "@/server/logger";
import { appendTraceEvents, embarkEvent } from "@/server/services/trace/append-trace-events";
import { mintCallbackToken } from "./ids";
import { markDispatched } from "./mark-dispatched";
import { failOpenJob } from "./provision-job-state";
import { workflowRunName, type TProvisionQueueMessage } from "./provision-queue-message";

type TRun = { runId: number | null; runUrl: string | null; htmlUrl: string | null };

/** What dispatching needs from GitHub: find a run by job id, or start one. */
export type TGithubDispatcher = {
  dispatch(opts: { inputs: Record<string, string>; signal?: AbortSignal }): Promise<TRun>;
  findRunByJobId(opts: { jobId: string; createdAfter?: Date }): Promise<TRun | null>;
};

/** Runs created a little before our clock says we asked still count: clocks drift. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The dispatcher of the configured workflow. */
export function githubDispatcherFromEnv(): TGithubDispatcher {
  const config = env();
  if (!config.GITHUB_TOKEN || !config.GITHUB_WORKFLOW_DISPATCH_URL) {
    throw new Error("GitHub dispatch needs GITHUB_TOKEN and GITHUB_WORKFLOW_DISPATCH_URL");
  }
  const target = parseWorkflowDispatchUrl(config.GITHUB_WORKFLOW_DISPATCH_URL);
  return createWorkflowClient({
    token: config.GITHUB_TOKEN,
    apiBaseUrl: config.GITHUB_API_URL ?? target.apiBaseUrl,
    owner: target.owner,
    repo: target.repo,
    workflowId: target.workflowId,
    ref: config.GITHUB_WORKFLOW_REF,
  });
}

/**
 * Dispatches a job's workflow run exactly once. The moment we start is
 * committed before GitHub is called; if a worker dies after GitHub accepted
 * and before the run was recorded, the next attempt finds the run by the job
 * id in its name instead of starting a second one.
 */
export async function dispatchToGithub(opts: {
  db: TDb;
  message: TProvisionQueueMessage;
  attempt: { isLastAttempt: boolean; signal?: AbortSignal };
  github?: TGithubDispatcher;
}): Promise<void> {
  const { db, message } = opts;
  const jobId = message.job_id;
  const github = opts.github ?? githubDispatcherFromEnv();
  const job = await db.provisionJob.findUniqueOrThrow({ where: { id: jobId }, select: { dispatchStartedAt: true } });

  if (job.dispatchStartedAt) {
    const found = await github.findRunByJobId({
      jobId,
      createdAfter: new Date(job.dispatchStartedAt.getTime() - CLOCK_SKEW_MS),
    });
    if (found) {
      logger.info({ jobId, runId: found.runId }, "found the run of an earlier dispatch; not dispatching again");
      return recordDispatched(db, message, found, "found the run of an earlier attempt");
    }
  }

  const { token, tokenHash } = mintCallbackToken();
  await db.provisionJob.update({
    where: { id: jobId },
    data: { dispatchStartedAt: new Date(), callbackTokenHash: tokenHash },
  });
  try {
    const run = await github.dispatch({ inputs: { ...message, callback_token: token }, signal: opts.attempt.signal });
    await recordDispatched(db, message, run, "GitHub accepted the dispatch");
  } catch (err) {
    if (!(err instanceof WorkflowDispatchError)) throw err;
    if (err.kind === "rejected") {
      await db.$transaction((tx) =>
        failOpenJob({
          db: tx,
          jobId,
          failureStage: "dispatch",
          message: `GitHub refused the dispatch (${err.status ?? "?"}): ${err.message}`,
          extraData: { status: err.status ?? null },
        }),
      );
      return;
    }
    if (opts.attempt.isLastAttempt) {
      await db.$transaction((tx) =>
        failOpenJob({
          db: tx,
          jobId,
          failureStage: "dispatch",
          message: `GitHub could not be reached after repeated attempts: ${err.message}`,
        }),
      );
      return;
    }
    // Retried by the background job with backoff; an ambiguous answer is
    // resolved by the run lookup at the top of the next attempt. Operators see
    // the retry in the job's trace. The cause is dropped: Octokit's error
    // carries the request body, callback token included, and the job log must not.
    await appendTraceEvents({
      db,
      events: [
        embarkEvent({
          trace_id: message.trace_id!,
          job_id: jobId,
          stage: "dispatch",
          status: "info",
          message: `GitHub could not be reached (${err.details.status ?? "no answer"}): ${err.message}; the dispatch is retried`,
          data: { status: err.details.status ?? null },
        }),
      ],
    });
    throw new WorkflowDispatchError(err.kind, err.message, { status: err.details.status });
  }
}

async function recordDispatched(db: TDb, message: TProvisionQueueMessage, run: TRun, note: string): Promise<void> {
  const url = run.htmlUrl ?? run.runUrl;
  // One statement (job, tenant and trace event together): no transaction needed around it.
  await markDispatched({
    db,
    message,
    run: { id: run.runId === null ? null : String(run.runId), url },
    note: url ? `${note}: ${url}` : `${note} (GitHub did not return the run id)`,
    data: { mode: "github", run_id: run.runId, run_url: url, run_name: workflowRunName(message) },
  });
}
