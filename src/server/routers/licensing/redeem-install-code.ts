import { redeemInstallCode } from "@/server/services/licensing/redeem-install-code";
import { ZRedeemRequest, ZRedeemResponse } from "@/server/services/licensing/redeem.types";
import { publicProcedure } from "@/server/trpc/procedures";

export const redeemInstallCodeRoute = publicProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/v1/license/register",
      tags: ["licensing"],
      summary: "Redeem an install code (appliance)",
      protect: false,
      description:
        "Single use. Answers the code's tenant; paid editions also get `appliance_credential` (shown once), `first_jwt` and `check_in_url`. The same `appliance_id` repeating the redeem within 15 minutes gets the same answer. Unknown, expired, revoked and used codes get one error (422); a typo caught by the check character is 400. Rate limited per address and per code prefix (429 with Retry-After).",
    },
  })
  .input(ZRedeemRequest)
  .output(ZRedeemResponse)
  .mutation(({ ctx, input }) => redeemInstallCode({ input, headers: ctx.headers }));
