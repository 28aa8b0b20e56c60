import { z } from "zod";
import { checkInAppliance, ZCheckInResponse } from "@/server/services/licensing/check-in-appliance";
import { publicProcedure } from "@/server/trpc/procedures";

export const checkInRoute = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/v1/license/check-in",
      tags: ["licensing"],
      summary: "Check in (appliance)",
      description:
        "`Authorization: Bearer <appliance_credential>`. Answers a fresh licence with the same `aud` (the tenant id) stating the entitlement as it is now: `active`, `lapsed` or `revoked`. Essentials appliances have no credential: 401. Rate limited per address.",
    },
  })
  .input(z.object({}).optional())
  .output(ZCheckInResponse)
  .mutation(({ ctx }) => checkInAppliance({ headers: ctx.headers }));
