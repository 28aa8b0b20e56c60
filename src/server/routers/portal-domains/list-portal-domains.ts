import { z } from "zod";
import { text } from "@/server/validation/text";
import { listPortalDomains, ZPortalDomainList } from "@/server/services/portal-domains/list-portal-domains";
import { ZPortalDomainStatus } from "@/server/services/portal-domains/portal-domain-view";
import { operatorProcedure } from "@/server/trpc/procedures";

export const listPortalDomainsRoute = operatorProcedure("viewer")
  .input(
    z.object({
      status: z.union([ZPortalDomainStatus, z.enum(["failed", "in_progress"])]).optional(),
      q: text().max(200).optional(),
    }),
  )
  .output(ZPortalDomainList)
  .query(({ input }) => listPortalDomains(input));
