import { env } from "@/env";
import type { TDbOrTx } from "@/server/db";
import { createRepoFromTemplate, RepoClientError } from "@/server/integrations/github/repo-client";
import { createWorkflowClient, WorkflowDispatchError } from "@/server/integrations/github/workflow-client";
import { probeTenantHealth } from "./probe-tenant-health";

const GITHUB_API = "https://api.github.com";

/** What a step's action came to. `waiting`: it started remote work that calls back. */
export type TStepOutcome =
  | { status: "succeeded"; result: Record<string, unknown> }
  | { status: "skipped"; result: { reason: string } }
  | { status: "failed"; error: string; result?: Record<string, unknown> }
  | { status: "waiting"; result: Record<string, unknown> };

/** A failure worth another try of the background job before the step fails. */
export class RetryableStepError extends Error {
  override name = "RetryableStepError";
}

export type TStepSession = {
  id: string;
  slug: string;
  platformName: string;
  tenantId: string | null;
  stackTemplateId: string | null;
  provisionJobId: string | null;
};

/** The repository an onboarding gets: `<GITHUB_REPO_OWNER or the template's owner>/<slug>`. */
export function repoTarget(slug: string): { owner: string; name: string } | null {
  const config = env();
  if (!config.GITHUB_TEMPLATE_REPO) return null;
  return { owner: config.GITHUB_REPO_OWNER ?? config.GITHUB_TEMPLATE_REPO.split("/")[0]!, name: slug };
}

/** Step `setup_repo`: a private repository from GITHUB_TEMPLATE_REPO. */
export async function setupRepo(session: TStepSession, signal?: AbortSignal): Promise<TStepOutcome> {
  const config = env();
  const target = repoTarget(session.slug);
  if (!config.GITHUB_TOKEN || !target) {
    const missing = [!config.GITHUB_TOKEN && "GITHUB_TOKEN", !config.GITHUB_TEMPLATE_REPO && "GITHUB_TEMPLATE_REPO"].filter(Boolean);
    return { status: "skipped", result: { reason: `GitHub is not configured: ${missing.join(" and ")} not set` } };
  }
  try {
    const repo = await createRepoFromTemplate({
      token: config.GITHUB_TOKEN,
      apiBaseUrl: config.GITHUB_API_URL ?? GITHUB_API,
      template: config.GITHUB_TEMPLATE_REPO!,
      owner: target.owner,
      name: target.name,
      description: `${session.platformName} (${session.slug})`,
      signal,
    });
    return {
      status: "succeeded",
      result: {
        repo: repo.fullName,
        url: repo.htmlUrl,
        default_branch: repo.defaultBranch,
        template: config.GITHUB_TEMPLATE_REPO,
        already_existed: repo.existed,
      },
    };
  } catch (err) {
    if (err instanceof RepoClientError && err.retryable) throw new RetryableStepError(err.message);
    return { status: "failed", error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Step `deploy_services`: dispatches GITHUB_DEPLOY_WORKFLOW in the tenant's
 * repository. The run reports back on POST /internal/onboarding/{id}/deploy-complete
 * with `callbackToken`, which only that session accepts.
 */
export async function deployServices(
  session: TStepSession,
  repoResult: Record<string, unknown> | null,
  callbackToken: string,
  signal?: AbortSignal,
): Promise<TStepOutcome> {
  const config = env();
  if (!config.GITHUB_TOKEN || !config.GITHUB_DEPLOY_WORKFLOW) {
    const missing = [!config.GITHUB_TOKEN && "GITHUB_TOKEN", !config.GITHUB_DEPLOY_WORKFLOW && "GITHUB_DEPLOY_WORKFLOW"].filter(Boolean);
    return { status: "skipped", result: { reason: `Deploy workflow is not configured: ${missing.join(" and ")} not set` } };
  }
  const repo = typeof repoResult?.repo === "string" ? repoResult.repo : null;
  if (!repo) return { status: "skipped", result: { reason: "No repository to deploy from: setup_repo was skipped" } };
  const [owner, name] = repo.split("/") as [string, string];
  const ref = typeof repoResult?.default_branch === "string" ? repoResult.default_branch : "main";
  const client = createWorkflowClient({
    token: config.GITHUB_TOKEN,
    apiBaseUrl: config.GITHUB_API_URL ?? GITHUB_API,
    owner,
    repo: name,
    workflowId: config.GITHUB_DEPLOY_WORKFLOW,
    ref,
  });
  try {
    const run = await client.dispatch({
      inputs: {
        onboarding_id: session.id,
        tenant_id: session.tenantId ?? "",
        stack_template_id: session.stackTemplateId ?? "",
        callback_url: `${config.EMBARK_PUBLIC_URL}/internal/onboarding/${session.id}/deploy-complete`,
        callback_token: callbackToken,
      },
      signal,
    });
    return {
      status: "waiting",
      result: { repo, workflow: config.GITHUB_DEPLOY_WORKFLOW, ref, run_id: run.runId, run_url: run.htmlUrl },
    };
  } catch (err) {
    if (err instanceof WorkflowDispatchError && err.kind !== "rejected") throw new RetryableStepError(err.message);
    return { status: "failed", error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Step `verify`: the tenant is active, its node registered, its latest
 * provision job Completed; and when TENANT_HEALTH_PATH is set, its address
 * answers over HTTPS.
 */
export async function verifyTenant(db: TDbOrTx, session: TStepSession): Promise<TStepOutcome> {
  if (!session.tenantId) return { status: "failed", error: "The session has no tenant" };
  const tenant = await db.tenant.findUnique({
    where: { id: session.tenantId },
    select: { status: true, nodeId: true, canonicalHostname: true, node: { select: { id: true, status: true } } },
  });
  if (!tenant) return { status: "failed", error: `Tenant ${session.tenantId} does not exist` };
  const job = await db.provisionJob.findFirst({
    where: { tenantId: session.tenantId },
    orderBy: { attempt: "desc" },
    select: { id: true, status: true },
  });
  const problems: string[] = [];
  if (tenant.status !== "active") problems.push(`the tenant is ${tenant.status}, not active`);
  if (!tenant.node) problems.push("the tenant has no registered node");
  if (job?.status !== "Completed") problems.push(`its provision job ${job?.id ?? "(none)"} is ${job?.status ?? "missing"}, not Completed`);
  const checks: Record<string, unknown> = {
    tenant_status: tenant.status,
    node_id: tenant.node?.id ?? null,
    job_id: job?.id ?? null,
    job_status: job?.status ?? null,
  };
  if (problems.length > 0) return { status: "failed", error: `Verification failed: ${problems.join("; ")}`, result: checks };
  const config = env();
  if (!config.TENANT_HEALTH_PATH) {
    return { status: "succeeded", result: { ...checks, health: { skipped: "TENANT_HEALTH_PATH is not set" } } };
  }
  const probe = await probeTenantHealth({
    hostname: tenant.canonicalHostname,
    path: config.TENANT_HEALTH_PATH,
    connectTo: config.TENANT_HEALTH_CONNECT_TO,
    caFile: config.TENANT_HEALTH_CA_FILE,
  });
  const health = { url: probe.url, status_code: probe.statusCode };
  if (!probe.ok) return { status: "failed", error: `Health check failed: ${probe.error}`, result: { ...checks, health } };
  return { status: "succeeded", result: { ...checks, health } };
}
