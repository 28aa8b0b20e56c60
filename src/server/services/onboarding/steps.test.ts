import { describe, expect, it } from "vitest";
import { canMoveSession, canMoveStep, isStepDone, ONBOARDING_STEPS } from "./steps";

describe("onboarding state machines", () => {
  it("has the five steps in order", () => {
    expect(ONBOARDING_STEPS.map((s) => s.key)).toEqual(["create_platform", "provision_infra", "setup_repo", "deploy_services", "verify"]);
  });

  it("moves a step forward only", () => {
    expect(canMoveStep("pending", "running")).toBe(true);
    expect(canMoveStep("running", "succeeded")).toBe(true);
    expect(canMoveStep("pending", "skipped")).toBe(true);
    expect(canMoveStep("succeeded", "running")).toBe(false);
    expect(canMoveStep("failed", "pending")).toBe(false);
    expect(canMoveStep("skipped", "succeeded")).toBe(false);
    expect(canMoveStep("running", "pending")).toBe(false);
  });

  it("ends a session once", () => {
    expect(canMoveSession("pending", "in_progress")).toBe(true);
    expect(canMoveSession("in_progress", "completed")).toBe(true);
    expect(canMoveSession("pending", "completed")).toBe(false);
    expect(canMoveSession("completed", "failed")).toBe(false);
    expect(canMoveSession("failed", "in_progress")).toBe(false);
  });

  it("counts succeeded and skipped steps as done", () => {
    expect(["succeeded", "skipped", "failed", "running", "pending"].map(isStepDone)).toEqual([true, true, false, false, false]);
  });
});
