import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { registerSecretsIn } from "../../../../test/support/log-capture";
import { workflowRunName } from "@/server/services/provisioning/provision-queue-message";
import { dispatchProblem, matchesCreated, repoBody } from "./github-test-server-rules";
import { listenOnLoopback } from "../loopback-server";

/** One request as the fake GitHub received it; `body` is parsed JSON when it parsed. */
export type TFakeGithubRequest = { method: string; path: string; query: Record<string, string>; headers: IncomingHttpHeaders; body: unknown };

/**
 * A scripted answer to the next dispatch call: `{ status: 200 }` or `204`
 * accept it (with or without run details); any other status refuses it, with
 * `message`, a `retryAfter` header (seconds), exhausted (`rateLimited`) or
 * secondary rate limits; `acceptThenHang` accepts it and never answers.
 */
export type TFakeGithubAnswer =
  | { acceptThenHang: true }
  | { status: number; message?: string; retryAfter?: number; rateLimited?: boolean; secondaryRateLimit?: boolean };

/** A workflow_dispatch GitHub accepted. */
export type TFakeDispatch = { owner: string; repo: string; workflowId: string; ref: string; inputs: Record<string, string>; runId: number };

/** A workflow run as GitHub lists it (the fields Embark reads, and a few more). */
export type TFakeWorkflowRun = {
  id: number;
  name: string;
  display_title: string;
  event: string;
  status: string;
  conclusion: string | null;
  head_branch: string;
  path: string;
  run_number: number;
  run_attempt: number;
  created_at: string;
  updated_at: string;
  url: string;
  html_url: string;
  repository: { full_name: string };
};

/** A repository created from a template. */
export type TFakeRepo = { id: number; name: string; full_name: string; private: boolean; html_url: string; url: string; template: string };

export type TFakeGithub = {
  /** API base URL, e.g. http://127.0.0.1:PORT (no /api/v3 prefix, like api.github.com). */
  url: string;
  requests: TFakeGithubRequest[];
  dispatches: TFakeDispatch[];
  runs: TFakeWorkflowRun[];
  /** Repositories by full name. */
  repos: Map<string, TFakeRepo>;
  /** Queues answers for the next dispatch calls, one per call; unscripted calls are accepted. */
  respondWith(...answers: TFakeGithubAnswer[]): void;
  /** Resolves once `count` dispatches in all have been accepted (answered or not). */
  accepted(count: number): Promise<void>;
  /** Whether accepted dispatches answer 200 with run details (default) or 204 like older GitHub. */
  setRunDetails(enabled: boolean): void;
  close(): Promise<void>;
};

export type TFakeGithubOptions = {
  /** When set, other tokens get 401 "Bad credentials"; any token is accepted otherwise. */
  token?: string;
  /** The workflow's declared inputs; when set, others are refused like GitHub does. */
  workflowInputs?: readonly string[];
  /** Creation time of new runs (default: the wall clock). */
  clock?: () => Date;
  /** How long an `acceptThenHang` answer holds the connection before dropping it. */
  hangMs?: number;
};

const DOCS = "https://docs.github.com/rest";

/**
 * A fake GitHub REST API on 127.0.0.1 and a random port, for tests of the
 * dispatch path: workflow dispatches, run listings and repository templates.
 */
export async function startFakeGithub(opts: TFakeGithubOptions = {}): Promise<TFakeGithub> {
  const clock = opts.clock ?? (() => new Date());
  const requests: TFakeGithubRequest[] = [];
  const dispatches: TFakeDispatch[] = [];
  const runs: TFakeWorkflowRun[] = [];
  const repos = new Map<string, TFakeRepo>();
  const script: TFakeGithubAnswer[] = [];
  const hangs = new Set<NodeJS.Timeout>();
  const acceptance = new EventEmitter<{ dispatch: [] }>();
  let runDetails = true;
  let nextId = 1000;
  let remaining = 5000;
  let base = "";

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string | number> = {}) => {
    remaining = Math.max(0, remaining - 1);
    res.writeHead(status, {
      "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
      "x-github-api-version-selected": "2022-11-28",
      "x-ratelimit-limit": 5000,
      "x-ratelimit-remaining": remaining,
      "x-ratelimit-reset": Math.floor(Date.now() / 1000) + 3600,
      "x-ratelimit-resource": "core",
      ...(body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, message: string, headers?: Record<string, string | number>) =>
    send(res, status, { message, documentation_url: DOCS, status: String(status) }, headers);

  function dispatch(req: IncomingMessage, res: ServerResponse, [owner, repo, workflowId]: string[], body: unknown) {
    const answer = script.shift();
    if (answer && "status" in answer && answer.status !== 200 && answer.status !== 204) return scriptedRefusal(res, answer);
    const problem = dispatchProblem(body, opts.workflowInputs);
    if (problem) return refuse(res, problem.status, problem.message);
    const { ref, inputs, return_run_details } = body as { ref: string; inputs?: Record<string, string>; return_run_details?: unknown };
    if (return_run_details !== undefined && typeof return_run_details !== "boolean") {
      return refuse(res, 422, `Invalid request.\n\nFor 'properties/return_run_details', ${JSON.stringify(return_run_details)} is not a boolean.`);
    }
    registerSecretsIn(inputs);
    const run = createRun(owner!, repo!, workflowId!, ref, inputs ?? {});
    if (answer && "acceptThenHang" in answer) {
      // Accepted, then the answer is lost: what a worker dying mid-call looks like from the database.
      const timer = setTimeout(() => req.socket.destroy(), opts.hangMs ?? 60_000);
      hangs.add(timer);
      return;
    }
    const withDetails = answer && "status" in answer ? answer.status === 200 : runDetails && return_run_details === true;
    if (!withDetails) return send(res, 204);
    send(res, 200, { workflow_run_id: run.id, run_url: run.url, html_url: run.html_url });
  }

  function scriptedRefusal(res: ServerResponse, answer: Extract<TFakeGithubAnswer, { status: number }>) {
    const headers: Record<string, string | number> = {};
    if (answer.retryAfter !== undefined) headers["retry-after"] = answer.retryAfter;
    if (answer.rateLimited) Object.assign(headers, { "x-ratelimit-remaining": 0, "x-ratelimit-reset": Math.floor(Date.now() / 1000) + 60 });
    if (answer.secondaryRateLimit) headers["retry-after"] ??= 60;
    const message =
      answer.message ??
      (answer.secondaryRateLimit
        ? "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
        : answer.rateLimited || answer.status === 429
          ? "API rate limit exceeded for installation ID 1."
          : answer.status >= 500
            ? "Server Error"
            : "Validation Failed");
    refuse(res, answer.status, message, headers);
  }

  function createRun(owner: string, repo: string, workflowId: string, ref: string, inputs: Record<string, string>): TFakeWorkflowRun {
    const id = ++nextId;
    // GitHub reports times to the second.
    const created = clock().toISOString().replace(/\.\d{3}Z$/, "Z");
    const title = inputs.job_id ? workflowRunName({ job_id: inputs.job_id, subdomain_slug: inputs.subdomain_slug ?? "" }) : "Provision tenant";
    const run: TFakeWorkflowRun = {
      id,
      name: "Provision tenant",
      display_title: title,
      event: "workflow_dispatch",
      status: "queued",
      conclusion: null,
      head_branch: ref.replace(/^refs\/heads\//, ""),
      path: `.github/workflows/${workflowId}`,
      run_number: runs.length + 1,
      run_attempt: 1,
      created_at: created,
      updated_at: created,
      url: `${base}/repos/${owner}/${repo}/actions/runs/${id}`,
      html_url: `${base}/${owner}/${repo}/actions/runs/${id}`,
      repository: { full_name: `${owner}/${repo}` },
    };
    runs.push(run);
    dispatches.push({ owner, repo, workflowId, ref, inputs, runId: id });
    acceptance.emit("dispatch");
    return run;
  }

  function listRuns(res: ServerResponse, [owner, repo, workflowId]: string[], query: Record<string, string>) {
    const matching = runs
      .filter((r) => r.repository.full_name === `${owner}/${repo}` && r.path === `.github/workflows/${workflowId}`)
      .filter((r) => !query.event || r.event === query.event)
      .filter((r) => !query.created || matchesCreated(r.created_at, query.created))
      .reverse();
    const perPage = Math.min(100, Number(query.per_page ?? 30) || 30);
    const page = Math.max(1, Number(query.page ?? 1) || 1);
    send(res, 200, { total_count: matching.length, workflow_runs: matching.slice((page - 1) * perPage, page * perPage) });
  }

  function generateRepo(res: ServerResponse, [templateOwner, templateRepo]: string[], body: unknown) {
    const b = (body ?? {}) as { owner?: unknown; name?: unknown; private?: unknown };
    if (typeof b.name !== "string" || !b.name) return refuse(res, 422, 'Invalid request.\n\n"name" wasn\'t supplied.');
    const owner = typeof b.owner === "string" && b.owner ? b.owner : templateOwner!;
    const fullName = `${owner}/${b.name}`;
    if (repos.has(fullName)) {
      return send(res, 422, {
        message: "Repository creation failed.",
        errors: [{ resource: "Repository", code: "custom", field: "name", message: "name already exists on this account" }],
        documentation_url: DOCS,
        status: "422",
      });
    }
    const created: TFakeRepo = {
      id: ++nextId,
      name: b.name,
      full_name: fullName,
      private: b.private === true,
      html_url: `${base}/${fullName}`,
      url: `${base}/repos/${fullName}`,
      template: `${templateOwner}/${templateRepo}`,
    };
    repos.set(fullName, created);
    send(res, 201, repoBody(created));
  }

  const routes: { method: string; path: RegExp; handle: (req: IncomingMessage, res: ServerResponse, params: string[], query: Record<string, string>, body: unknown) => void }[] = [
    { method: "POST", path: /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/dispatches$/, handle: (req, res, p, _q, body) => dispatch(req, res, p, body) },
    { method: "GET", path: /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/, handle: (_req, res, p, q) => listRuns(res, p, q) },
    { method: "POST", path: /^\/repos\/([^/]+)\/([^/]+)\/generate$/, handle: (_req, res, p, _q, body) => generateRepo(res, p, body) },
    {
      method: "GET",
      path: /^\/repos\/([^/]+)\/([^/]+)$/,
      handle: (_req, res, [owner, repo]) => {
        const found = repos.get(`${owner}/${repo}`);
        return found ? send(res, 200, repoBody(found)) : refuse(res, 404, "Not Found");
      },
    },
  ];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = parseJson(raw);
      const query = Object.fromEntries(url.searchParams);
      requests.push({ method: req.method ?? "GET", path: url.pathname, query, headers: req.headers, body: body === INVALID ? raw : body });

      const auth = req.headers.authorization ?? "";
      const token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1];
      if (!token) return refuse(res, 401, "Requires authentication");
      if (opts.token !== undefined && token !== opts.token) return refuse(res, 401, "Bad credentials");
      if (body === INVALID) return refuse(res, 400, "Problems parsing JSON");

      for (const route of routes) {
        const match = route.path.exec(url.pathname);
        if (match && req.method === route.method) return route.handle(req, res, match.slice(1).map(decodeURIComponent), query, body);
      }
      refuse(res, 404, "Not Found");
    });
  });
  const listening = await listenOnLoopback(server);
  base = listening.url;

  return {
    url: base,
    requests,
    dispatches,
    runs,
    repos,
    respondWith: (...answers) => void script.push(...answers),
    accepted(count) {
      return new Promise<void>((resolve) => {
        const check = () => {
          if (dispatches.length < count) return;
          acceptance.off("dispatch", check);
          resolve();
        };
        acceptance.on("dispatch", check);
        check();
      });
    },
    setRunDetails: (enabled) => void (runDetails = enabled),
    close() {
      for (const timer of hangs) clearTimeout(timer);
      return listening.close();
    },
  };
}

const INVALID = Symbol("invalid JSON");

function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return INVALID;
  }
}
