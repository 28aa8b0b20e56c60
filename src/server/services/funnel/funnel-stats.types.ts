import { z } from "zod";
import { ZRegion } from "@/env";
import { ZPlan } from "@/server/routers/tenants/create-tenant.types";

/** The way through signup, as Embark's milestones mark it; each trace counts once per step. */
export const FUNNEL_STEPS = [
  "signup_started",
  "code_verified",
  "company_submitted",
  "plan_chosen",
  "provisioning_completed",
  "onboarding_completed",
] as const;
export type TFunnelStep = (typeof FUNNEL_STEPS)[number];

export const ZFunnelStatsQuery = z.strictObject({
  from: z.date(),
  to: z.date(),
  plan: ZPlan.optional(),
  region: ZRegion.optional(),
});
export type TFunnelStatsQuery = z.infer<typeof ZFunnelStatsQuery>;

const ZStepCount = z.object({
  step: z.enum(FUNNEL_STEPS),
  traces: z.number().int(),
  /** Share of the first step's traces that got this far (0..1). */
  conversion: z.number(),
  /** Traces lost between the previous step and this one. */
  dropOff: z.number().int(),
});

export const ZFunnelStats = z.object({
  from: z.date(),
  to: z.date(),
  /** Traces whose first milestone is in the period, whichever step it was. */
  started: z.number().int(),
  steps: z.array(ZStepCount),
  /** Time from one step to the next, over the traces that reached both. */
  timings: z.array(
    z.object({
      from: z.enum(FUNNEL_STEPS),
      to: z.enum(FUNNEL_STEPS),
      traces: z.number().int(),
      medianSeconds: z.number().nullable(),
      p90Seconds: z.number().nullable(),
    }),
  ),
  /** Per plan and per region (from the plan chosen): traces at each step from plan_chosen on. */
  byPlan: z.array(z.object({ key: z.string(), counts: z.record(z.string(), z.number().int()) })),
  byRegion: z.array(z.object({ key: z.string(), counts: z.record(z.string(), z.number().int()) })),
});
export type TFunnelStats = z.infer<typeof ZFunnelStats>;
