import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleBuildReason, writePublicEnvStamp } from "./build-freshness";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function builtTree(): string {
  root = mkdtempSync(path.join(tmpdir(), "embark-build-"));
  mkdirSync(path.join(root, "src"));
  writeFileSync(path.join(root, "src", "a.ts"), "");
  const past = new Date(Date.now() - 60_000);
  utimesSync(path.join(root, "src", "a.ts"), past, past);
  mkdirSync(path.join(root, ".next"));
  writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
  return root;
}

describe("staleBuildReason", () => {
  it("is current when sources are older and NEXT_PUBLIC_* values match the build's", () => {
    const dir = builtTree();
    expect(staleBuildReason(dir, {})).toBeNull();
    writePublicEnvStamp(dir, { NEXT_PUBLIC_ONBOARDING_DEBUG: "1", OTHER: "x" });
    expect(staleBuildReason(dir, { NEXT_PUBLIC_ONBOARDING_DEBUG: "1" })).toBeNull();
  });

  it("asks for a build when a NEXT_PUBLIC_* value differs from the build's", () => {
    const dir = builtTree();
    expect(staleBuildReason(dir, { NEXT_PUBLIC_ONBOARDING_DEBUG: "1" })).toMatch(/NEXT_PUBLIC_/);
    writePublicEnvStamp(dir, { NEXT_PUBLIC_ONBOARDING_DEBUG: "1" });
    expect(staleBuildReason(dir, { NEXT_PUBLIC_ONBOARDING_DEBUG: "" })).toMatch(/NEXT_PUBLIC_/);
  });

  it("asks for a build when there is none or a source is newer", () => {
    const dir = builtTree();
    writeFileSync(path.join(dir, "src", "b.ts"), "");
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, "src", "b.ts"), future, future);
    expect(staleBuildReason(dir)).toMatch(/src changed/);
    rmSync(path.join(dir, ".next", "BUILD_ID"));
    expect(staleBuildReason(dir)).toMatch(/no production build/);
  });
});
