import { z } from "zod";
import { ZRegion } from "@/env";
import { listTenants, ZTenantSummary } from "@/server/services/tenants/list-tenants";
import { operatorProcedure } from "@/server/trpc/procedures";
import { text } from "@/server/validation/text";

export const listTenantsRoute = operatorProcedure("viewer")
  .input(
    z
      .object({
        status: z.enum(["pending", "provisioning", "active", "failed", "suspended"]).optional(),
        region: ZRegion.optional(),
        q: text().trim().max(200).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        cursor: text().max(512).optional(),
      })
      .prefault({}),
  )
  .output(z.object({ items: z.array(ZTenantSummary), nextCursor: z.string().nullable() }))
  .query(({ input }) => listTenants(input));
