/** Where a workflow_dispatch call goes: the API base (github.com or Enterprise) and the workflow. */
export type TWorkflowDispatchTarget = { apiBaseUrl: string; owner: string; repo: string; workflowId: string };

const EXAMPLE = "https://api.github.com/repos/OWNER/REPO/actions/workflows/WORKFLOW.yml/dispatches";
const PATH = /^(.*?)\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+?)(?:\/dispatches)?\/?$/;
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const REPO = /^[A-Za-z0-9._-]+$/;
const WORKFLOW = /^(?:\d+|[^/]+\.ya?ml)$/;

/**
 * Parses GITHUB_WORKFLOW_DISPATCH_URL (api.github.com, or GitHub Enterprise's
 * `/api/v3`), with or without the trailing `/dispatches`. Throws on anything else.
 */
export function parseWorkflowDispatchUrl(raw: string): TWorkflowDispatchTarget {
  const fail = (why: string): never => {
    throw new Error(`GITHUB_WORKFLOW_DISPATCH_URL ${why}: expected ${EXAMPLE}, got "${redactUserinfo(raw)}"`);
  };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail("is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") fail("must be an http(s) URL");
  // The token belongs in GITHUB_TOKEN, where it is never logged with the URL.
  if (url.username || url.password) fail("must not carry credentials");
  if (url.search || url.hash) fail("must not have a query or fragment");
  if (url.hostname === "github.com" || url.hostname === "www.github.com") fail("is a web page address, not the REST API");
  const match = PATH.exec(url.pathname);
  if (!match) return fail("is not a workflow dispatch endpoint");
  const [, prefix = "", ...encoded] = match;
  const [owner = "", repo = "", workflowId = ""] = encoded.map(safeDecode);
  if (!OWNER.test(owner)) fail(`has an invalid owner "${owner}"`);
  if (!REPO.test(repo) || repo === "." || repo === "..") fail(`has an invalid repository "${repo}"`);
  if (!WORKFLOW.test(workflowId)) fail(`names workflow "${workflowId}", which is neither a .yml file nor a numeric id`);
  return { apiBaseUrl: `${url.origin}${prefix}`, owner, repo, workflowId };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function redactUserinfo(raw: string): string {
  return raw.replace(/([a-z][a-z0-9+.-]*:\/\/)[^@\s/]*@/gi, "$1");
}
