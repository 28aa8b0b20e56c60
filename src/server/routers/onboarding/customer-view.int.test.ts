import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { seedUsers } from "../../../../test/support/user-factory";
import type { TUserRole } from "@/server/auth/roles";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { clearPlanPriceCache } from "@/server/integrations/stripe/plan-prices";
import { configureStripeEnv } from "@/server/integrations/stripe/stripe-test-env";
import { startFakeStripe, type TFakeStripe } from "@/server/integrations/stripe/stripe-test-server";
import { PLAN_NOT_OFFERED } from "@/server/services/payments/plan-offers";
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
const internal = () => createCaller(createInnerContext({ requestId: "req-test", principal: { kind: "internal" } }));

/** Operator vocabulary that must never reach a customer: setting names, workflow stages, the workflow's messages. */
const OPERATOR_WORDS = /STRIPE_|GITHUB_|TENANT_HEALTH|ansible|pulumi|zuplo|failure_stage|simulated/i;

// The web role enqueues without working jobs, so sessions stay where the test puts them.
beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(async () => {
  await resetDatabase();
  // An onboarding names an existing user.
  await seedUsers(["alice", "bob", "erin", "fay", "gus"]);
});

/** A session of `userId` stopped where the local runner's simulated Ansible failure leaves one, with GitHub unconfigured. */
async function failedSession(userId: string, slug: string): Promise<string> {
  const { onboardingId } = await callerAs(userId).onboarding.create({ platformName: `${slug} Ltd`, slug, tier: "starter", userId });
  const error = "Provisioning failed at ansible: simulated failure of ansible";
  await db().onboardingSession.update({ where: { id: onboardingId }, data: { status: "failed", failedStep: "provision_infra", error } });
  await db().onboardingStep.update({
    where: { sessionId_key: { sessionId: onboardingId, key: "provision_infra" } },
    data: { status: "failed", error, result: { job_id: "job_01ABCDEFGHJKMNPQRSTVWXYZ00", failure_stage: "ansible" } },
  });
  await db().onboardingStep.update({
    where: { sessionId_key: { sessionId: onboardingId, key: "setup_repo" } },
    data: { status: "skipped", result: { reason: "GitHub is not configured: GITHUB_TOKEN and GITHUB_TEMPLATE_REPO not set" } },
  });
  return onboardingId;
}

describe("what a customer reads of their session", () => {
  it("says a failure and a skip in plain words; operators and keys keep the details", async () => {
    const id = await failedSession("alice", "plainco");
    const mine = await callerAs("alice").onboarding.get({ id });
    expect(mine).toMatchObject({ status: "failed", failedStep: "provision_infra", error: "We could not finish preparing your servers." });
    const step = (key: string) => mine.steps.find((s) => s.key === key)!;
    expect(step("provision_infra")).toMatchObject({ status: "failed", error: "We could not finish preparing your servers.", result: null });
    expect(step("setup_repo")).toMatchObject({ status: "skipped", result: { reason: expect.stringContaining("without a code repository") } });
    expect(JSON.stringify(mine)).not.toMatch(OPERATOR_WORDS);
    expect(JSON.stringify(await callerAs("alice").onboarding.mine())).toBe(JSON.stringify(mine));

    for (const operator of [callerAs("viewer-1", "viewer"), internal()]) {
      const full = await operator.onboarding.get({ id });
      expect(full.error).toBe("Provisioning failed at ansible: simulated failure of ansible");
      expect(full.steps.find((s) => s.key === "setup_repo")!.result).toEqual({
        reason: "GitHub is not configured: GITHUB_TOKEN and GITHUB_TEMPLATE_REPO not set",
      });
    }
  });

  it("keeps the repository a customer was given", async () => {
    const { onboardingId } = await callerAs("bob").onboarding.create({ platformName: "Repo Ltd", slug: "repoco", tier: "starter", userId: "bob" });
    await db().onboardingStep.update({
      where: { sessionId_key: { sessionId: onboardingId, key: "setup_repo" } },
      data: { status: "succeeded", result: { repo: "acme/repoco", url: "https://github.test/acme/repoco", template: "acme/template", already_existed: false } },
    });
    const step = (await callerAs("bob").onboarding.get({ id: onboardingId })).steps.find((s) => s.key === "setup_repo")!;
    expect(step.result).toEqual({ repo: "acme/repoco", url: "https://github.test/acme/repoco" });
  });
});

describe("plans as the wizard offers them", () => {
  afterEach(() => {
    configureStripeEnv({});
    clearPlanPriceCache();
  });

  it("without Stripe: paid plans unavailable in plain words, no price; a paid signup is refused the same way", async () => {
    configureStripeEnv({});
    const plans = await callerAs("erin").onboarding.plans();
    expect(plans).toEqual({
      starter: { available: true, paid: false, price: null },
      growth: { available: false, paid: true, reason: PLAN_NOT_OFFERED, price: null },
      scale: { available: false, paid: true, reason: PLAN_NOT_OFFERED, price: null },
    });
    expect(JSON.stringify(plans)).not.toMatch(/STRIPE_|configured/);

    const refused = await callerAs("erin").onboarding.create({ platformName: "Paid Ltd", slug: "paidco", tier: "growth", userId: "erin" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "UNPROCESSABLE_CONTENT", message: PLAN_NOT_OFFERED });
    // An API caller still learns which settings are missing.
    const told = await internal().onboarding.create({ platformName: "Paid Ltd", slug: "paidco", tier: "growth", userId: "erin" }).catch((e: unknown) => e);
    expect(String((told as Error).message)).toContain("STRIPE_SECRET_KEY");
  });

  describe("with Stripe", () => {
    let fake: TFakeStripe;
    const KEY = "sk_test_planPricesKey000000000000001";
    beforeAll(async () => {
      fake = await startFakeStripe({
        secretKey: KEY,
        prices: {
          price_growth_monthly: { unitAmount: 4900, currency: "usd", interval: "month" },
          price_scale_yearly: { unitAmount: 199050, currency: "eur", interval: "year" },
        },
      });
    });
    afterAll(() => fake.close());
    const configure = (prices: { growth?: string; scale?: string }) =>
      configureStripeEnv({
        STRIPE_SECRET_KEY: KEY,
        STRIPE_WEBHOOK_SECRET: "whsec_planPricesSecret00000000000001",
        STRIPE_API_URL: fake.url,
        STRIPE_PRICE_GROWTH: prices.growth,
        STRIPE_PRICE_SCALE: prices.scale,
      });

    it("shows each paid plan's price as Stripe has it, and asks Stripe once while it is cached", async () => {
      configure({ growth: "price_growth_monthly", scale: "price_scale_yearly" });
      fake.requests.length = 0;
      const calls = await Promise.all([1, 2, 3].map(() => callerAs("fay").onboarding.plans()));
      for (const plans of calls) {
        expect(plans.growth).toEqual({
          available: true,
          paid: true,
          price: { amount: 4900, currency: "USD", interval: "month", intervalCount: 1, display: "$49 / month" },
        });
        expect(plans.scale.price).toMatchObject({ amount: 199050, currency: "EUR", display: "€1,990.50 / year" });
      }
      await callerAs("fay").onboarding.plans();
      expect(fake.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(["GET /v1/prices/price_growth_monthly", "GET /v1/prices/price_scale_yearly"]);
    });

    it("offers a plan whose price Stripe cannot give without a price, and hides a plan without a price id", async () => {
      configure({ growth: "price_unknown", scale: undefined });
      const plans = await callerAs("gus").onboarding.plans();
      expect(plans.growth).toEqual({ available: true, paid: true, price: null });
      expect(plans.scale).toEqual({ available: false, paid: true, reason: PLAN_NOT_OFFERED, price: null });
    });
  });
});
