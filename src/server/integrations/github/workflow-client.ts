import { Octokit } from "@octokit/rest";
import { classifyGithubFailure, retryDelayMs, type TGithubFailure, type TRetryPolicy } from "./github-retry-policy";

/**
 * How a call failed: `rejected` (GitHub said no; repeating will not help),
 * `retryable` (not accepted; try again later), `ambiguous` (no answer after
 * the request went out: GitHub may have accepted it, so look for the run
 * before dispatching again).
 */
export type TWorkflowDispatchErrorKind = "rejected" | "retryable" | "ambiguous";

/** A failed dispatch or run lookup; its message carries GitHub's answer and never the token. */
export class WorkflowDispatchError extends Error {
  override name = "WorkflowDispatchError";
  constructor(
    readonly kind: TWorkflowDispatchErrorKind,
    message: string,
    readonly details: { status?: number; githubMessage?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
  /** The HTTP status GitHub answered with, or null when there was no answer. */
  get status(): number | null {
    return this.details.status ?? null;
  }
}

/** The run a dispatch started; null fields when GitHub answered 204 (no run details). */
export type TDispatchedRun = { runId: number | null; runUrl: string | null; htmlUrl: string | null };

/** A run of the workflow found by the job id in its name. */
export type TFoundWorkflowRun = { runId: number; runUrl: string; htmlUrl: string; status: string | null; conclusion: string | null };

/** Dispatches the provision workflow and finds its runs again. */
export type TWorkflowClient = {
  dispatch(opts: { inputs: Record<string, string>; signal?: AbortSignal }): Promise<TDispatchedRun>;
  /** Runs may take a few seconds to be listed after a dispatch; pass a `createdAfter` a little before the first attempt. */
  findRunByJobId(opts: { jobId: string; createdAfter?: Date; signal?: AbortSignal }): Promise<TFoundWorkflowRun | null>;
};

/** Told before each retry, so the caller can log why it waits. */
export type TRetryNotice = { attempt: number; delayMs: number; status: number | null; reason: string };

export type TWorkflowClientOptions = {
  token: string;
  apiBaseUrl: string;
  owner: string;
  repo: string;
  workflowId: string;
  ref: string;
  fetch?: typeof globalThis.fetch;
  requestTimeoutMs?: number;
  retry?: TRetryPolicy;
  onRetry?: (notice: TRetryNotice) => void;
};

const DEFAULT_RETRY: TRetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 15_000 };
const PER_PAGE = 100;
const MAX_PAGES = 3;
const quiet = () => {};

/** A GitHub Actions client for one workflow, over `@octokit/rest`. */
export function createWorkflowClient(opts: TWorkflowClientOptions): TWorkflowClient {
  const retry = opts.retry ?? DEFAULT_RETRY;
  const timeoutMs = opts.requestTimeoutMs ?? 10_000;
  const octokit = new Octokit({
    auth: opts.token,
    baseUrl: opts.apiBaseUrl.replace(/\/+$/, ""),
    request: opts.fetch ? { fetch: opts.fetch } : {},
    // Failures surface as WorkflowDispatchError; Octokit's per-request error lines would only repeat them.
    log: { debug: quiet, info: quiet, warn: console.warn, error: quiet },
  });
  const target = { owner: opts.owner, repo: opts.repo, workflow_id: opts.workflowId };
  const redact = (text: string) => (opts.token ? text.split(opts.token).join("[REDACTED]") : text);
  const requestSignal = (signal?: AbortSignal) =>
    signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);

  async function dispatch({ inputs, signal }: { inputs: Record<string, string>; signal?: AbortSignal }): Promise<TDispatchedRun> {
    let askForRunDetails = true;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw new WorkflowDispatchError("retryable", "Workflow dispatch aborted before it was sent");
      let failure: TGithubFailure;
      try {
        const res = await octokit.rest.actions.createWorkflowDispatch({
          ...target,
          ref: opts.ref,
          inputs,
          ...(askForRunDetails && { return_run_details: true }),
          request: { signal: requestSignal(signal) },
        });
        return runDetails(res.data);
      } catch (err) {
        failure = classifyGithubFailure(err);
        if (failure.kind === "unanswered") {
          throw new WorkflowDispatchError("ambiguous", redact(`Workflow dispatch got no answer, GitHub may have accepted it: ${failure.message}`), { cause: err });
        }
        if (failure.kind === "rejected" && askForRunDetails && /return_run_details/.test(failure.githubMessage)) {
          // An older GitHub Enterprise refuses the parameter before acting, so asking again without it is safe.
          askForRunDetails = false;
          attempt--;
          continue;
        }
        if (failure.kind === "rejected") {
          throw new WorkflowDispatchError("rejected", redact(`GitHub refused the workflow dispatch (${failure.status}): ${failure.githubMessage}`), {
            status: failure.status,
            githubMessage: redact(failure.githubMessage),
            cause: err,
          });
        }
        if (attempt >= retry.attempts) throw exhausted(failure, attempt, err);
      }
      const delayMs = retryDelayMs(attempt, retry, failure.kind === "transient" ? failure.hintMs : null);
      opts.onRetry?.({ attempt, delayMs, ...reasonOf(failure, redact) });
      if (!(await sleep(delayMs, signal))) throw exhausted(failure, attempt, undefined, "aborted while waiting to retry");
    }
  }

  function exhausted(failure: TGithubFailure, attempts: number, cause: unknown, why = `gave up after ${attempts} attempts`) {
    const { status, reason } = reasonOf(failure, redact);
    const hintMs = failure.kind === "transient" ? failure.hintMs : null;
    return new WorkflowDispatchError("retryable", `Workflow dispatch ${why}: ${reason}`, {
      ...(status !== null && { status }),
      ...(failure.kind === "transient" && { githubMessage: redact(failure.githubMessage) }),
      ...(hintMs !== null && { retryAfterMs: hintMs }),
      cause,
    });
  }

  async function findRunByJobId({ jobId, createdAfter, signal }: { jobId: string; createdAfter?: Date; signal?: AbortSignal }) {
    const matches: TFoundWorkflowRun[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      let runs: RunListing;
      try {
        const res = await octokit.rest.actions.listWorkflowRuns({
          ...target,
          event: "workflow_dispatch",
          per_page: PER_PAGE,
          page,
          ...(createdAfter && { created: `>=${isoSeconds(createdAfter)}` }),
          request: { signal: requestSignal(signal) },
        });
        runs = res.data.workflow_runs;
      } catch (err) {
        const failure = classifyGithubFailure(err);
        const { status, reason } = reasonOf(failure, redact);
        const kind = failure.kind === "rejected" ? "rejected" : "retryable";
        throw new WorkflowDispatchError(kind, `Listing the workflow's runs failed: ${reason}`, { ...(status !== null && { status }), cause: err });
      }
      for (const run of runs) {
        if (mentionsJobId(run.display_title, jobId) || mentionsJobId(run.name, jobId)) {
          matches.push({ runId: run.id, runUrl: run.url, htmlUrl: run.html_url, status: run.status ?? null, conclusion: run.conclusion ?? null });
        }
      }
      if (runs.length < PER_PAGE) break;
    }
    // Listed newest first; the oldest match is the dispatch that counts if a duplicate ever slipped through.
    return matches.at(-1) ?? null;
  }

  return { dispatch, findRunByJobId };
}

type RunListing = Awaited<ReturnType<Octokit["rest"]["actions"]["listWorkflowRuns"]>>["data"]["workflow_runs"];

function runDetails(data: unknown): TDispatchedRun {
  const d = (data && typeof data === "object" ? data : {}) as { workflow_run_id?: unknown; run_url?: unknown; html_url?: unknown };
  return {
    runId: typeof d.workflow_run_id === "number" ? d.workflow_run_id : null,
    runUrl: typeof d.run_url === "string" ? d.run_url : null,
    htmlUrl: typeof d.html_url === "string" ? d.html_url : null,
  };
}

function reasonOf(failure: TGithubFailure, redact: (s: string) => string): { status: number | null; reason: string } {
  if (failure.kind === "transient" || failure.kind === "rejected") {
    return { status: failure.status, reason: redact(`HTTP ${failure.status}: ${failure.githubMessage}`) };
  }
  return { status: null, reason: redact(failure.message) };
}

/** The job id as a whole token, so `job-1` does not match the run of `job-10`. */
function mentionsJobId(title: string | null | undefined, jobId: string): boolean {
  if (!title || !jobId) return false;
  for (let at = title.indexOf(jobId); at >= 0; at = title.indexOf(jobId, at + 1)) {
    const before = title[at - 1] ?? " ";
    const after = title[at + jobId.length] ?? " ";
    if (!/[\w-]/.test(before) && !/[\w-]/.test(after)) return true;
  }
  return false;
}

// GitHub stores creation times to the second; a millisecond bound would skip a run created in that same second.
function isoSeconds(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
