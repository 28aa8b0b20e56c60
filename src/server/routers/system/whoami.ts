import { describePrincipal } from "@/server/trpc/principal";
import { userProcedure } from "@/server/trpc/procedures";
import { ZWhoamiResponse } from "./whoami.types";

/** Any authenticated caller: who the server thinks you are. */
export const whoamiRoute = userProcedure
  .output(ZWhoamiResponse)
  .query(({ ctx }) => ({ ...describePrincipal(ctx.principal), requestId: ctx.requestId }));
