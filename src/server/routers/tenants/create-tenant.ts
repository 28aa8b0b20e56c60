import { idempotencyKeyFrom } from "@/server/services/idempotency/with-idempotency";
import { createTenant } from "@/server/services/tenants/create-tenant";
import { userProcedure } from "@/server/trpc/procedures";
import { callerScopeOf } from "@/server/trpc/principal";
import { ZCreateTenantRequest, ZCreateTenantResponse } from "./create-tenant.types";

export const createTenantRoute = userProcedure
  .meta({
    openapi: {
      method: "POST",
      path: "/v1/tenants",
      tags: ["tenants"],
      summary: "Sign up a tenant",
      description:
        "Registers the tenant, decides its placement and queues its provision job. Send an `Idempotency-Key` header to make retries safe: the same key and body return the first answer.",
      protect: true,
    },
    successStatus: 202,
  })
  .input(ZCreateTenantRequest)
  .output(ZCreateTenantResponse)
  .mutation(({ ctx, input }) =>
    createTenant({
      input,
      callerScope: callerScopeOf(ctx.principal),
      createdBy: ctx.principal.kind === "user" ? ctx.principal.user.id : null,
      idempotencyKey: idempotencyKeyFrom(ctx.headers),
    }),
  );
