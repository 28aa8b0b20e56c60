import { describe, expect, it } from "vitest";
import { parseWorkflowDispatchUrl } from "./parse-workflow-dispatch-url";

describe("parseWorkflowDispatchUrl", () => {
  it("reads owner, repo and workflow from an api.github.com dispatch URL", () => {
    expect(
      parseWorkflowDispatchUrl("https://api.github.com/repos/acme/infra/actions/workflows/provision-tenant.yml/dispatches"),
    ).toEqual({ apiBaseUrl: "https://api.github.com", owner: "acme", repo: "infra", workflowId: "provision-tenant.yml" });
  });

  it("keeps GitHub Enterprise's /api/v3 prefix in the API base", () => {
    expect(parseWorkflowDispatchUrl("https://ghe.example/api/v3/repos/acme/infra/actions/workflows/provision-tenant.yaml/dispatches")).toEqual({
      apiBaseUrl: "https://ghe.example/api/v3",
      owner: "acme",
      repo: "infra",
      workflowId: "provision-tenant.yaml",
    });
  });

  it("accepts the workflow URL without /dispatches, a numeric workflow id and a local test server", () => {
    expect(parseWorkflowDispatchUrl("http://127.0.0.1:4010/repos/o/my.repo_1/actions/workflows/1234/")).toEqual({
      apiBaseUrl: "http://127.0.0.1:4010",
      owner: "o",
      repo: "my.repo_1",
      workflowId: "1234",
    });
  });

  it.each([
    ["not a URL", "not a URL"],
    ["ftp://api.github.com/repos/o/r/actions/workflows/w.yml/dispatches", "http(s)"],
    ["https://github.com/acme/infra/actions/workflows/provision-tenant.yml", "web page"],
    ["https://api.github.com/repos/acme/infra/actions/runs/1", "not a workflow dispatch endpoint"],
    ["https://api.github.com/repos/acme/infra/actions/workflows/provision-tenant.yml/dispatches/extra", "not a workflow dispatch endpoint"],
    ["https://api.github.com/repos/acme/infra/actions/workflows/provision-tenant/dispatches", "neither a .yml file"],
    ["https://api.github.com/repos/-acme/infra/actions/workflows/w.yml/dispatches", "invalid owner"],
    ["https://api.github.com/repos/acme/infra/actions/workflows/w.yml/dispatches?ref=main", "query"],
  ])("rejects %s", (raw, why) => {
    expect(() => parseWorkflowDispatchUrl(raw)).toThrow(why);
  });

  it("never echoes credentials put in the URL", () => {
    let message = "";
    try {
      parseWorkflowDispatchUrl("https://x:ghp_secret@api.github.com/repos/o/r/actions/workflows/w.yml/dispatches");
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("credentials");
    expect(message).not.toContain("ghp_secret");
  });
});
