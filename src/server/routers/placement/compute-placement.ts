import { z } from "zod";
import { ZRegion } from "@/env";
import { computePlacement } from "@/server/services/placement/compute-placement";
import { internalProcedure } from "@/server/trpc/procedures";
import { ZPlan } from "@/server/routers/tenants/create-tenant.types";

export const computePlacementRoute = internalProcedure("placement:compute")
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/placement/compute",
      tags: ["internal"],
      summary: "Preview a placement",
      description: "The placement a signup would get now. Reserves nothing and writes nothing.",
      protect: true,
    },
  })
  .input(z.strictObject({ region: ZRegion, plan: ZPlan.default("starter") }))
  .output(
    z
      .object({
        region: ZRegion,
        create_new_server: z.boolean(),
        target_server_id: z.string().nullable(),
        dedicated: z.boolean(),
        reasons: z.array(z.string()),
      })
      .meta({ id: "PlacementResult" }),
  )
  .mutation(({ input }) => computePlacement({ request: input }));
