import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
  PROVISION_QUEUE_MESSAGE_FIELDS,
  PROVISION_STAGES,
  WORKFLOW_EXTRA_INPUTS,
  workflowRunName,
} from "@/server/services/provisioning/provision-queue-message";

const root = path.resolve(import.meta.dirname, "../..");
const workflowFile = path.join(root, ".github/workflows/provision-tenant.yml");

type TInput = { type: string; required: boolean; default?: string; description?: string };
type TStep = {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  "continue-on-error"?: boolean;
};
type TWorkflow = {
  "run-name": string;
  on: { workflow_dispatch: { inputs: Record<string, TInput> } };
  jobs: Record<string, { env: Record<string, string>; steps: TStep[] }>;
};

const workflow = parse(readFileSync(workflowFile, "utf8")) as TWorkflow;
const inputs = workflow.on.workflow_dispatch.inputs;
const [job] = Object.values(workflow.jobs);
const steps = job!.steps;
const stepById = (id: string) => {
  const s = steps.find((x) => x.id === id);
  expect(s, `step ${id}`).toBeDefined();
  return s!;
};

describe("provision-tenant.yml", () => {
  it("is dispatched only, with exactly the message fields and the extra inputs, all strings", () => {
    expect(Object.keys(workflow.on)).toEqual(["workflow_dispatch"]);
    expect(Object.keys(inputs).sort()).toEqual([...PROVISION_QUEUE_MESSAGE_FIELDS, ...WORKFLOW_EXTRA_INPUTS].sort());
    for (const [name, input] of Object.entries(inputs)) {
      expect(input.type, name).toBe("string");
    }
  });

  it("requires the fields Embark always sends and defaults the rest to empty", () => {
    const required = ["job_id", "tenant_id", "region", "create_new_server", "subdomain_slug", "canonical_hostname"];
    for (const [name, input] of Object.entries(inputs)) {
      if (required.includes(name)) {
        expect(input.required, name).toBe(true);
      } else {
        expect(input.required, name).toBe(false);
        expect(input.default, name).toBe("");
      }
    }
  });

  it("names the run as workflowRunName() does", () => {
    const msg = { job_id: "job_01HZX", subdomain_slug: "acme-co" };
    const rendered = workflow["run-name"].replace(/\$\{\{\s*inputs\.(\w+)\s*\}\}/g, (_, k: string) => (msg as Record<string, string>)[k] ?? `<${k}?>`);
    expect(rendered).toBe(workflowRunName(msg));
  });

  it("takes Embark's URL from a variable and its key from a secret, and keeps the callback token out of the job env", () => {
    expect(job!.env.EMBARK_URL).toBe("${{ vars.EMBARK_URL }}");
    expect(job!.env.EMBARK_API_KEY).toBe("${{ secrets.EMBARK_API_KEY }}");
    expect(JSON.stringify(job!.env)).not.toContain("callback_token");
    const withToken = steps.filter((s) => JSON.stringify(s).includes("callback_token"));
    expect(withToken.map((s) => s.id)).toEqual(["callback"]);
    expect(stepById("callback").env?.CALLBACK_TOKEN).toBe("${{ inputs.callback_token }}");
  });

  it("has one step per stage, in the stages' order", () => {
    const stageSteps = steps.map((s) => s.id).filter((id): id is string => !!id && (PROVISION_STAGES as readonly string[]).includes(id));
    expect(stageSteps).toEqual([...PROVISION_STAGES]);
  });

  it("runs only scripts that exist and are executable, and never splices inputs into shell code", () => {
    const runs = steps.filter((s) => s.run);
    expect(runs.length).toBeGreaterThanOrEqual(PROVISION_STAGES.length);
    for (const s of runs) {
      expect(s.run).toMatch(/^scripts\/provision\/[a-z_]+\.sh$/);
      const file = path.join(root, s.run!.trim());
      expect(existsSync(file), file).toBe(true);
      expect(() => accessSync(file, constants.X_OK), file).not.toThrow();
      expect(s.run).not.toContain("${{");
    }
  });

  it("runs the Pulumi steps only when creating a server, and registration only after Pulumi", () => {
    for (const id of ["pulumi_checkout", "pulumi_setup", "pulumi_up"]) {
      expect(stepById(id).if).toBe("steps.resolve_target.outputs.create_server == 'true'");
    }
    expect(stepById("register_node").if).toBe("steps.pulumi_up.outcome == 'success'");
    expect(stepById("pulumi_up").env).toMatchObject({
      PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}",
      HCLOUD_TOKEN: "${{ secrets.HCLOUD_TOKEN_SG }}",
    });
  });

  it("hands the secrets to the steps that need them", () => {
    expect(stepById("ansible").env).toMatchObject({
      SSH_PRIVATE_KEY: "${{ secrets.PROVISION_SSH_PRIVATE_KEY }}",
      DB_ROOT_PASSWORD: "${{ secrets.DB_ROOT_PASSWORD }}",
    });
    expect(Object.keys(stepById("zuplo_sync").env ?? {})).toEqual(expect.arrayContaining(["ZUPLO_ACCOUNT_NAME", "ZUPLO_BUCKET_NAME", "ZUPLO_API_KEY"]));
    expect(Object.keys(stepById("dns").env ?? {})).toEqual(expect.arrayContaining(["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ZONE_ID"]));
  });

  it("lets DNS fail without failing the job and always runs the callback", () => {
    expect(stepById("dns")["continue-on-error"]).toBe(true);
    const cb = stepById("callback");
    expect(cb.if).toBe("always()");
    expect(steps.at(-1)).toBe(cb);
  });

  it("gives the callback every earlier step's outcome, under the names callback.sh reads", () => {
    const cbEnv = stepById("callback").env ?? {};
    const earlier = steps.filter((s) => s.id && s.id !== "callback").map((s) => s.id!);
    const script = readFileSync(path.join(root, "scripts/provision/callback.sh"), "utf8");
    for (const id of earlier) {
      const name = `OUTCOME_${id.toUpperCase()}`;
      expect(cbEnv[name], name).toBe(`\${{ steps.${id}.outcome }}`);
      expect(script, name).toMatch(new RegExp(`(\\b${name}\\b|"${id.toUpperCase()} [a-z_]+")`));
    }
    const passed = Object.keys(cbEnv).filter((k) => k.startsWith("OUTCOME_"));
    expect(passed.sort()).toEqual(earlier.map((id) => `OUTCOME_${id.toUpperCase()}`).sort());
    expect(cbEnv.JOB_STATUS).toBe("${{ job.status }}");
  });
});
