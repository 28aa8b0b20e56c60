import { describe, expect, it } from "vitest";
import { EnvError, parseBaseEnv, parseEnv } from "./env";

const strong = {
  INTERNAL_API_KEY: "k3Jq9vXw2LmPz8RtYb4NcD7fGh1SaE6U",
  AUTH_SECRET: "Zx8Vb2Nm4Qw6Er9Ty1Ui3Op5As7Df0Gh",
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/embark",
  LICENSE_SIGNING_KEY: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
};

function variablesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).issues.map((i) => i.variable);
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv", () => {
  it("applies defaults for port, data dir and role", () => {
    const e = parseEnv(strong);
    expect(e.PORT).toBe(3000);
    expect(e.EMBARK_DATA_DIR).toBe(".data");
    expect(e.EMBARK_ROLE).toBe("all");
    expect(e.EMBARK_PUBLIC_URL).toBe("http://localhost:3000");
    expect(e.isProduction).toBe(false);
  });

  it("honours PORT and derives the public URL from it", () => {
    const e = parseEnv({ ...strong, PORT: "4100", EMBARK_DATA_DIR: "/var/lib/embark" });
    expect(e.PORT).toBe(4100);
    expect(e.EMBARK_PUBLIC_URL).toBe("http://localhost:4100");
    expect(e.EMBARK_DATA_DIR).toBe("/var/lib/embark");
  });

  it("names a missing DATABASE_URL", () => {
    expect(variablesOf(() => parseEnv({ ...strong, DATABASE_URL: undefined, NODE_ENV: "production", EMBARK_PUBLIC_URL: "https://embark.example.com" }))).toEqual(["DATABASE_URL"]);
  });

  it("names a short INTERNAL_API_KEY", () => {
    const vars = variablesOf(() => parseEnv({ ...strong, INTERNAL_API_KEY: "short", NODE_ENV: "production", EMBARK_PUBLIC_URL: "https://e.example.com" }));
    expect(vars).toEqual(["INTERNAL_API_KEY"]);
  });

  it("refuses a long but weak secret", () => {
    expect(variablesOf(() => parseEnv({ ...strong, AUTH_SECRET: "changeme".repeat(5) }))).toEqual(["AUTH_SECRET"]);
    expect(variablesOf(() => parseEnv({ ...strong, AUTH_SECRET: "a".repeat(40) }))).toEqual(["AUTH_SECRET"]);
  });

  it("requires a licence signing key in production and checks its shape", () => {
    const prod = { ...strong, NODE_ENV: "production", EMBARK_PUBLIC_URL: "https://e.example.com" };
    expect(variablesOf(() => parseEnv({ ...prod, LICENSE_SIGNING_KEY: undefined }))).toEqual(["LICENSE_SIGNING_KEY"]);
    expect(variablesOf(() => parseEnv({ ...prod, LICENSE_SIGNING_KEY: "not-a-seed" }))).toEqual(["LICENSE_SIGNING_KEY"]);
    expect(parseEnv({ ...strong, LICENSE_SIGNING_KEY: undefined }).LICENSE_SIGNING_KEY).toBeUndefined();
  });

  it("requires a public URL in production", () => {
    expect(variablesOf(() => parseEnv({ ...strong, NODE_ENV: "production" }))).toEqual(["EMBARK_PUBLIC_URL"]);
    expect(parseEnv({ ...strong, NODE_ENV: "production", EMBARK_PUBLIC_URL: "https://e.example.com/" }).EMBARK_PUBLIC_URL).toBe(
      "https://e.example.com",
    );
  });

  it("rejects malformed values with the variable's name", () => {
    expect(variablesOf(() => parseEnv({ ...strong, PORT: "http" }))).toContain("PORT");
    expect(variablesOf(() => parseEnv({ ...strong, EMBARK_ROLE: "both" }))).toContain("EMBARK_ROLE");
    expect(variablesOf(() => parseEnv({ ...strong, DATABASE_URL: "mysql://x" }))).toContain("DATABASE_URL");
    expect(variablesOf(() => parseEnv({ ...strong, SMTP_URL: "http://mail" }))).toContain("SMTP_URL");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ ...strong, SMTP_URL: "", PORT: "" }).SMTP_URL).toBeUndefined();
  });

  it("parses the base settings without secrets", () => {
    expect(parseBaseEnv({ PORT: "3200" }).PORT).toBe(3200);
    expect(() => parseBaseEnv({ PORT: "0" })).toThrow(EnvError);
  });

  it("dispatches provisioning locally unless GitHub is configured", () => {
    expect(parseEnv(strong).PROVISION_DISPATCHER).toBe("local");
    const github = {
      ...strong,
      GITHUB_TOKEN: "ghp_x",
      GITHUB_WORKFLOW_DISPATCH_URL: "https://api.github.com/repos/o/r/actions/workflows/provision-tenant.yml/dispatches",
    };
    expect(parseEnv(github).PROVISION_DISPATCHER).toBe("github");
    expect(parseEnv({ ...github, PROVISION_DISPATCHER: "local" }).PROVISION_DISPATCHER).toBe("local");
    expect(variablesOf(() => parseEnv({ ...strong, PROVISION_DISPATCHER: "github" }))).toEqual(["PROVISION_DISPATCHER"]);
  });

  it("applies provisioning defaults and checks their shape", () => {
    const e = parseEnv(strong);
    expect(e).toMatchObject({
      TENANT_BASE_DOMAIN: "tenants.embark.localhost",
      DEFAULT_REGION: "sg",
      PROVISION_TIMEOUT_MINUTES: 120,
      GITHUB_WORKFLOW_REF: "main",
    });
    expect(variablesOf(() => parseEnv({ ...strong, TENANT_BASE_DOMAIN: "Not A Domain" }))).toEqual(["TENANT_BASE_DOMAIN"]);
    expect(variablesOf(() => parseEnv({ ...strong, DEFAULT_REGION: "mars" }))).toEqual(["DEFAULT_REGION"]);
    expect(variablesOf(() => parseEnv({ ...strong, PROVISION_TIMEOUT_MINUTES: "0" }))).toEqual(["PROVISION_TIMEOUT_MINUTES"]);
  });
});
