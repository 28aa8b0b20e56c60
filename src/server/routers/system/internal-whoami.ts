import { describePrincipal } from "@/server/trpc/principal";
import { internalProcedure } from "@/server/trpc/procedures";
import { ZWhoamiResponse } from "./whoami.types";

/**
 * The REST twin of `whoami` for internal callers, so a script can check that
 * its key works and which scopes it holds before doing real work.
 */
export const internalWhoamiRoute = internalProcedure("system:read")
  .meta({
    openapi: {
      method: "GET",
      path: "/internal/whoami",
      tags: ["system"],
      summary: "Identify the calling key",
      description: "Needs the internal key or an API key with the `system:read` scope.",
      protect: true,
    },
  })
  .output(ZWhoamiResponse)
  .query(({ ctx }) => ({ ...describePrincipal(ctx.principal), requestId: ctx.requestId }));
