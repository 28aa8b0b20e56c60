import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import {
  violatesFailFast,
  type TProvisionQueueMessage,
  type TProvisionStage,
} from "@/server/services/provisioning/provision-queue-message";

/** Where the runner reports, and how it behaves. */
export type TLocalRunnerOptions = {
  /** Embark's base URL; the runner calls its /internal endpoints like the workflow would. */
  baseUrl: string;
  /** Bearer token for /internal (the internal key). */
  apiKey: string;
  message: TProvisionQueueMessage;
  /** This stage fails (demos and tests). */
  failStage?: TProvisionStage | null;
  /** Pause before each stage so a person can watch the run. */
  stageDelayMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /**
   * Stages an earlier attempt of this run finished before it was cut off (its
   * worker died), from the trace: the run resumes after them instead of doing
   * them, and reporting them, again.
   */
  finished?: readonly TFinishedStage[];
};

/** A stage's last finishing trace event (succeeded, skipped or failed) from an earlier attempt of the run. */
export type TFinishedStage = { stage: string; status: string; message: string | null; data: Record<string, unknown> | null };

/** What the run has learnt so far; every finishing event carries it, so a resumed run can pick up from there. */
const ZRunState = z.object({ outputs: z.record(z.string(), z.string()), host: z.string() });

class StageFailure extends Error {}

/** The `source` of the runner's trace events. */
export const LOCAL_RUNNER_SOURCE = "local-runner";

/** The workflow's stack naming: `dedicated-<safe tenant id>` or the region. */
export function pulumiStackName(msg: Pick<TProvisionQueueMessage, "tenant_id" | "region" | "dedicated">): string {
  if (msg.dedicated !== "true") return msg.region;
  const safe = msg.tenant_id
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `dedicated-${safe}`;
}

/**
 * Plays the provision workflow in-process: the same stages, trace events and
 * callback as the GitHub workflow, over HTTP to Embark's /internal endpoints,
 * with simulated infrastructure. Re-running it for the same job is safe: the
 * node id is derived from the job id, so registration is an update; and given
 * the stages an interrupted attempt finished, it resumes after them.
 */
export async function runLocalWorkflow(opts: TLocalRunnerOptions): Promise<{ status: "Completed" | "Failed"; failureStage: TProvisionStage | null }> {
  const { message: msg } = opts;
  const doFetch = opts.fetch ?? fetch;
  const base = opts.baseUrl.replace(/\/$/, "");
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await doFetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${opts.apiKey}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const trace = async (stage: string, status: string, message?: string, data?: Record<string, unknown>) => {
    if (!msg.trace_id) return;
    // Best effort, like the workflow: a lost trace event never fails a run.
    await call("POST", "/internal/trace-events", {
      trace_id: msg.trace_id,
      job_id: msg.job_id,
      stage,
      status,
      message,
      data,
      source: LOCAL_RUNNER_SOURCE,
    }).catch(() => undefined);
  };

  const outputs: Record<string, string> = {};
  let host = "";
  const stages: { name: TProvisionStage; run: () => Promise<string | null> }[] = [
    {
      name: "resolve_target",
      run: async () => {
        if (violatesFailFast(msg)) throw new StageFailure("target_server_id is empty and create_new_server is false");
        if (msg.target_server_id) {
          const node = (await call("GET", `/internal/nodes/${encodeURIComponent(msg.target_server_id)}`)) as {
            server_ip: string | null;
            db_server_ip: string | null;
            hostname: string | null;
          };
          host = node.server_ip ?? node.hostname ?? "";
          // Reported like the workflow does, so a run on an existing node names it too.
          outputs.node_id = msg.target_server_id;
          if (host) outputs.server_ip = host;
          if (node.db_server_ip) outputs.db_server_ip = node.db_server_ip;
          return `using ${msg.target_server_id} (${host || "no address"})`;
        }
        return "a new server will be created";
      },
    },
    {
      name: "pulumi_up",
      run: async () => {
        if (msg.create_new_server !== "true") return null;
        const stack = pulumiStackName(msg);
        const digest = createHash("sha256").update(msg.job_id).digest();
        outputs.pulumi_stack = stack;
        outputs.server_ip = `10.${digest[0]}.${digest[1]}.${digest[2]! || 1}`;
        outputs.db_server_ip = `10.${digest[0]}.${digest[1]}.${(digest[2]! + 1) % 255 || 2}`;
        host = outputs.server_ip;
        return `stack ${stack}: server ${outputs.server_ip}`;
      },
    },
    {
      name: "register_node",
      run: async () => {
        if (msg.create_new_server !== "true") return null;
        const suffix = createHash("sha256").update(msg.job_id).digest("hex").slice(0, 6);
        const body = {
          node_id: `node-${msg.region}-${suffix}`,
          region: msg.region,
          server_ip: outputs.server_ip,
          db_server_ip: outputs.db_server_ip,
          dedicated: msg.dedicated === "true",
          tenant_id: msg.tenant_id,
        };
        const res = (await call("POST", "/internal/nodes", body)) as { node_id: string };
        outputs.node_id = res.node_id;
        return `registered ${res.node_id}`;
      },
    },
    { name: "ansible", run: async () => `configured ${host} for ${msg.canonical_hostname}` },
    { name: "zuplo_sync", run: async () => `gateway routes synced for ${msg.subdomain_slug}` },
    { name: "dns", run: async () => `${msg.canonical_hostname} -> ${host}` },
  ];

  const finish = (stage: TProvisionStage, status: "succeeded" | "skipped" | "failed", message: string) =>
    trace(stage, status, message, { run: { outputs: { ...outputs }, host } });
  const earlier = new Map((opts.finished ?? []).map((f) => [f.stage, f]));

  let failed: { stage: TProvisionStage; message: string } | null = null;
  for (const stage of stages) {
    // Finished by an earlier attempt: take what it learnt, do and report nothing again.
    const before = earlier.get(stage.name);
    const state = ZRunState.safeParse(before?.data?.run);
    if (before && state.success) {
      Object.assign(outputs, state.data.outputs);
      host = state.data.host;
      if (before.status === "failed" && stage.name !== "dns" && !failed) {
        failed = { stage: stage.name, message: before.message ?? `${stage.name} failed` };
      }
      continue;
    }
    if (failed) {
      await finish(stage.name, "skipped", `skipped: ${failed.stage} failed`);
      continue;
    }
    if (opts.stageDelayMs) await sleep(opts.stageDelayMs, undefined, { signal: opts.signal });
    await trace(stage.name, "started");
    try {
      if (opts.failStage === stage.name) throw new StageFailure(`simulated failure of ${stage.name}`);
      const note = await stage.run();
      await finish(stage.name, note === null ? "skipped" : "succeeded", note ?? "not needed for this placement");
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      const text = err instanceof Error ? err.message : String(err);
      await finish(stage.name, "failed", text);
      // DNS is best effort, as in the workflow (continue-on-error).
      if (stage.name !== "dns") failed = { stage: stage.name, message: text };
    }
  }
  if (opts.failStage === "callback" && !failed) failed = { stage: "callback", message: "simulated failure of callback" };
  const body = failed
    ? { job_id: msg.job_id, status: "Failed", failure_stage: failed.stage, message: failed.message, outputs }
    : { job_id: msg.job_id, status: "Completed", outputs };
  await call("POST", "/internal/provision-complete", body);
  return { status: failed ? "Failed" : "Completed", failureStage: failed?.stage ?? null };
}
