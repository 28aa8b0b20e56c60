import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeGithub, type TFakeGithub } from "./github-test-server";

let fake: TFakeGithub;
beforeEach(async () => {
  fake = await startFakeGithub();
});
afterEach(() => fake.close());

async function call(method: string, path: string, body?: unknown, auth: string | null = "token t") {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { ...(auth && { authorization: auth }), ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const DISPATCH = "/repos/o/r/actions/workflows/provision-tenant.yml/dispatches";

describe("fake GitHub", () => {
  it("answers like GitHub: JSON, request id and rate-limit headers, 404 for unknown routes", async () => {
    const res = await call("GET", "/nope");
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ message: "Not Found" });
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("x-github-request-id")).toMatch(/^[0-9A-F]+$/);
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBeGreaterThan(0);
  });

  it("requires a token", async () => {
    expect((await call("POST", DISPATCH, { ref: "main" }, null)).status).toBe(401);
    expect((await call("POST", DISPATCH, { ref: "main" }, "Bearer abc")).status).toBe(204);
  });

  it("validates the dispatch body", async () => {
    expect((await call("POST", DISPATCH, { inputs: {} })).json?.message).toContain('"ref" wasn\'t supplied');
    const typed = await call("POST", DISPATCH, { ref: "main", inputs: { dedicated: true } });
    expect(typed.status).toBe(422);
    expect(typed.json?.message).toContain("is not a string");
    expect(fake.dispatches).toHaveLength(0);
  });

  it("names the run after the job and lists runs newest first, filtered by event and created", async () => {
    await call("POST", DISPATCH, { ref: "main", inputs: { job_id: "j1", subdomain_slug: "acme" }, return_run_details: true });
    const second = await call("POST", DISPATCH, { ref: "main", inputs: { job_id: "j2", subdomain_slug: "beta" }, return_run_details: true });
    expect(second.status).toBe(200);
    expect(second.json).toEqual({ workflow_run_id: fake.runs[1]?.id, run_url: fake.runs[1]?.url, html_url: fake.runs[1]?.html_url });

    const list = await call("GET", "/repos/o/r/actions/workflows/provision-tenant.yml/runs?event=workflow_dispatch");
    expect(list.json?.total_count).toBe(2);
    expect((list.json?.workflow_runs as { display_title: string }[]).map((r) => r.display_title)).toEqual(["Provision beta (j2)", "Provision acme (j1)"]);
    expect((await call("GET", "/repos/o/r/actions/workflows/provision-tenant.yml/runs?event=push")).json?.total_count).toBe(0);
    expect((await call("GET", "/repos/o/r/actions/workflows/provision-tenant.yml/runs?created=>=2999-01-01T00:00:00Z")).json?.total_count).toBe(0);
    expect((await call("GET", "/repos/o/other/actions/workflows/provision-tenant.yml/runs")).json?.total_count).toBe(0);
  });

  it("generates a repository from a template once per name", async () => {
    const body = { owner: "acme", name: "tenant-acme", private: true };
    const created = await call("POST", "/repos/embark/tenant-template/generate", body);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ full_name: "acme/tenant-acme", private: true, html_url: `${fake.url}/acme/tenant-acme` });
    expect((await call("GET", "/repos/acme/tenant-acme")).status).toBe(200);

    const again = await call("POST", "/repos/embark/tenant-template/generate", body);
    expect(again.status).toBe(422);
    expect(JSON.stringify(again.json)).toContain("name already exists on this account");
    expect(fake.repos.size).toBe(1);
  });

  it("records every request", async () => {
    await call("POST", DISPATCH, { ref: "main" });
    expect(fake.requests).toEqual([expect.objectContaining({ method: "POST", path: DISPATCH, query: {}, body: { ref: "main" } })]);
  });
});
