import { describe, expect, it } from "vitest";
import type { TProvisionQueueMessage } from "@/server/services/provisioning/provision-queue-message";
import { runLocalWorkflow, type TFinishedStage } from "./run-local-workflow";

const message: TProvisionQueueMessage = {
  job_id: "job_resume01",
  tenant_id: "7d1c7f0e-1b3a-4d55-9a0e-3f2b1c4d5e6f",
  region: "sg",
  create_new_server: "true",
  target_server_id: "",
  subdomain_slug: "resume",
  canonical_hostname: "resume.tenants.embark.localhost",
  dedicated: "false",
  trace_id: "trace_resume01",
};

type TCall = { method: string; path: string; body: Record<string, unknown> | undefined };

/**
 * A fake Embark that records what the runner sends. `dieAt` cuts the run off
 * at that call, as a killed worker would: that call and every later one never
 * arrive, and the run's signal is aborted.
 */
function fakeEmbark(dieAt?: (call: TCall) => boolean) {
  const calls: TCall[] = [];
  const death = new AbortController();
  const fetchFn = (async (url: string | URL, init?: RequestInit) => {
    const call = { method: init?.method ?? "GET", path: new URL(url).pathname, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    if (death.signal.aborted || dieAt?.(call)) {
      death.abort();
      throw new Error("worker died");
    }
    calls.push(call);
    const answer = call.path === "/internal/nodes" ? { node_id: call.body?.node_id } : {};
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  const events = () => calls.filter((c) => c.path === "/internal/trace-events").map((c) => c.body!);
  const finished = (): TFinishedStage[] =>
    events()
      .filter((e) => e.status !== "started")
      .map((e) => ({ stage: String(e.stage), status: String(e.status), message: (e.message as string) ?? null, data: (e.data as Record<string, unknown>) ?? null }));
  return { calls, fetchFn, events, finished, signal: death.signal };
}

const run = (embark: ReturnType<typeof fakeEmbark>, opts: { finished?: TFinishedStage[]; failStage?: "ansible" } = {}) =>
  runLocalWorkflow({ baseUrl: "http://embark.test", apiKey: "k", message, fetch: embark.fetchFn, signal: embark.signal, stageDelayMs: 1, ...opts });

describe("the local runner resumes an interrupted run", () => {
  it("does and reports each stage once across the cut, and calls back with the same outputs as an uninterrupted run", async () => {
    const clean = fakeEmbark();
    await run(clean);
    const cleanCallback = clean.calls.find((c) => c.path === "/internal/provision-complete")!.body;

    // The first attempt dies as it starts ansible (after the node was registered).
    const first = fakeEmbark((c) => c.path === "/internal/trace-events" && c.body?.stage === "ansible");
    await expect(run(first)).rejects.toThrow();
    const second = fakeEmbark();
    await expect(run(second, { finished: first.finished() })).resolves.toEqual({ status: "Completed", failureStage: null });

    const finishedStages = [...first.finished(), ...second.finished()].map((e) => e.stage);
    expect(finishedStages).toEqual(["resolve_target", "pulumi_up", "register_node", "ansible", "zuplo_sync", "dns"]);
    // The node was registered once, by the first attempt.
    expect([...first.calls, ...second.calls].filter((c) => c.path === "/internal/nodes")).toHaveLength(1);
    expect(second.calls.find((c) => c.path === "/internal/provision-complete")!.body).toEqual(cleanCallback);
  });

  it("reports a failure an earlier attempt met, and skips the rest once", async () => {
    const first = fakeEmbark((c) => c.path === "/internal/trace-events" && c.body?.stage === "zuplo_sync");
    await expect(run(first, { failStage: "ansible" })).rejects.toThrow();
    const second = fakeEmbark();
    await expect(run(second, { finished: first.finished() })).resolves.toEqual({ status: "Failed", failureStage: "ansible" });
    expect(second.finished().map((e) => [e.stage, e.status])).toEqual([
      ["zuplo_sync", "skipped"],
      ["dns", "skipped"],
    ]);
  });

  it("runs a stage again when its earlier report carries no run state (an older runner's)", async () => {
    const first = fakeEmbark((c) => c.path === "/internal/trace-events" && c.body?.stage === "pulumi_up");
    await expect(run(first)).rejects.toThrow();
    const bare = first.finished().map((f) => ({ ...f, data: null }));
    const second = fakeEmbark();
    await run(second, { finished: bare });
    expect(second.finished().map((e) => e.stage)).toEqual(["resolve_target", "pulumi_up", "register_node", "ansible", "zuplo_sync", "dns"]);
  });
});
