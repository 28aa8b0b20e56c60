import { Octokit } from "@octokit/rest";
import { classifyGithubFailure } from "./github-retry-policy";

export type TTemplateRepo = { fullName: string; htmlUrl: string; defaultBranch: string; existed: boolean };

/** A repository call that failed; `retryable` when trying again later could succeed. Never carries the token. */
export class RepoClientError extends Error {
  override name = "RepoClientError";
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const quiet = () => {};

/**
 * Creates `owner/name` from a template repository. A repository of that
 * name already there (an earlier attempt created it) counts as done: GitHub
 * answers 422 "name already exists", and the repository is read back.
 */
export async function createRepoFromTemplate(opts: {
  token: string;
  apiBaseUrl: string;
  template: string;
  owner: string;
  name: string;
  description?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<TTemplateRepo> {
  const octokit = new Octokit({
    auth: opts.token,
    baseUrl: opts.apiBaseUrl.replace(/\/+$/, ""),
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  const [templateOwner, templateRepo] = opts.template.split("/") as [string, string];
  const signal = () =>
    opts.signal
      ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs ?? 15_000)])
      : AbortSignal.timeout(opts.timeoutMs ?? 15_000);
  const redact = (text: string) => text.split(opts.token).join("[REDACTED]");
  const fail = (what: string, err: unknown): RepoClientError => {
    const f = classifyGithubFailure(err);
    const detail = "githubMessage" in f ? `${f.status}: ${f.githubMessage}` : f.message;
    return new RepoClientError(redact(`${what} (${detail})`), f.kind !== "rejected");
  };
  try {
    const { data } = await octokit.rest.repos.createUsingTemplate({
      template_owner: templateOwner,
      template_repo: templateRepo,
      owner: opts.owner,
      name: opts.name,
      description: opts.description,
      private: true,
      request: { signal: signal() },
    });
    return { fullName: data.full_name, htmlUrl: data.html_url, defaultBranch: data.default_branch ?? "main", existed: false };
  } catch (err) {
    if (!alreadyExists(err)) throw fail(`GitHub refused to create ${opts.owner}/${opts.name} from ${opts.template}`, err);
  }
  try {
    const { data } = await octokit.rest.repos.get({ owner: opts.owner, repo: opts.name, request: { signal: signal() } });
    return { fullName: data.full_name, htmlUrl: data.html_url, defaultBranch: data.default_branch ?? "main", existed: true };
  } catch (err) {
    throw fail(`${opts.owner}/${opts.name} exists but could not be read`, err);
  }
}

function alreadyExists(err: unknown): boolean {
  const e = err as { status?: number; response?: { data?: { errors?: { message?: string }[]; message?: string } } };
  if (e?.status !== 422) return false;
  const data = e.response?.data;
  const messages = [data?.message ?? "", ...(data?.errors ?? []).map((x) => x.message ?? "")];
  return messages.some((m) => /already exists/i.test(m));
}
