import { z } from "zod";
import { ZRegion } from "@/env";
import { ZPlan } from "@/server/routers/tenants/create-tenant.types";
import { listOnboardingSessions } from "@/server/services/onboarding/list-onboarding-sessions";
import { ZOnboardingSession } from "@/server/services/onboarding/onboarding.types";
import { ONBOARDING_STATUSES, ONBOARDING_STEP_KEYS } from "@/server/services/onboarding/steps";
import { operatorProcedure } from "@/server/trpc/procedures";
import { text } from "@/server/validation/text";

export const listOnboardingRoute = operatorProcedure("viewer")
  .input(
    z
      .object({
        status: z.enum(ONBOARDING_STATUSES).optional(),
        tier: ZPlan.optional(),
        region: ZRegion.optional(),
        failedStep: z.enum(ONBOARDING_STEP_KEYS).optional(),
        q: text().trim().max(200).optional().meta({ description: "Session, job, trace or user id, slug or platform name" }),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: text().max(512).optional(),
      })
      .prefault({}),
  )
  .output(z.object({ items: z.array(ZOnboardingSession), nextCursor: z.string().nullable() }))
  .query(({ input }) => listOnboardingSessions(input));
