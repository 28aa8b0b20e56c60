import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "./env";

const root = path.resolve(import.meta.dirname, "..");
const documented = (file: string) =>
  new Set([...readFileSync(path.join(root, file), "utf8").matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

describe(".env.example", () => {
  it("lists every variable the app reads", () => {
    const listed = documented(".env.example");
    expect(ENV_VARIABLES.filter((name) => !listed.has(name))).toEqual([]);
  });

  it("names each variable in the README's configuration table", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(ENV_VARIABLES.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
