import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedUsers } from "../../../../test/support/user-factory";
import type { TUserRole } from "@/server/auth/roles";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

function callerAs(id: string, role: TUserRole = "user") {
  return createCaller(
    createInnerContext({
      requestId: "req-test",
      principal: { kind: "user", user: { id, email: `${id}@example.com`, name: id, role } },
    }),
  );
}

const request = (userId: string, slug: string) => ({ platformName: `${slug} Ltd`, slug, tier: "starter" as const, userId });

// The web role enqueues without working jobs, so sessions stay where the request left them.
beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(async () => {
  await resetDatabase();
  await seedUsers(["alice", "bob", "carol", "dave", "erin", "mallory"]);
});

describe("who may act on an onboarding session", () => {
  it("lets a signed-in user onboard only themselves", async () => {
    await expect(callerAs("alice").onboarding.create(request("bob", "bobs"))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "userId must be your own user id",
    });
    const own = await callerAs("alice").onboarding.create(request("alice", "alices"));
    expect(own).toMatchObject({ userId: "alice", status: "in_progress" });
    const row = await db().onboardingSession.findUniqueOrThrow({ where: { id: own.onboardingId } });
    expect(row.createdBy).toBe("user:alice");
  });

  it("shows a session to its user and to operators, and to nobody else", async () => {
    const { onboardingId } = await callerAs("alice").onboarding.create(request("alice", "seen"));
    await expect(callerAs("alice").onboarding.get({ id: onboardingId })).resolves.toMatchObject({ slug: "seen" });
    await expect(callerAs("viewer-1", "viewer").onboarding.get({ id: onboardingId })).resolves.toMatchObject({ slug: "seen" });
    await expect(callerAs("mallory").onboarding.get({ id: onboardingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs("mallory").onboarding.resume({ id: onboardingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A viewer may look but not resume.
    await expect(callerAs("viewer-1", "viewer").onboarding.resume({ id: onboardingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs("mallory").onboarding.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives the wizard the user's latest session after a reload", async () => {
    expect(await callerAs("carol").onboarding.mine()).toBeNull();
    await callerAs("carol").onboarding.create(request("carol", "first-try"));
    const second = await callerAs("carol").onboarding.create(request("carol", "second-try"));
    await callerAs("dave").onboarding.create(request("dave", "daves"));
    expect(await callerAs("carol").onboarding.mine()).toMatchObject({ onboardingId: second.onboardingId, slug: "second-try" });
  });

  it("tells the wizard which plans it can offer", async () => {
    const plans = await callerAs("erin").onboarding.plans();
    expect(plans.starter).toEqual({ available: true, paid: false, price: null });
    expect(plans.growth).toMatchObject({ available: false, paid: true, reason: expect.not.stringContaining("STRIPE_") });
  });
});
