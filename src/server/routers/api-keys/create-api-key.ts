import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZCreateApiKeyRequest, ZCreateApiKeyResponse } from "./create-api-key.types";

export const createApiKeyRoute = operatorProcedure("admin")
  .input(ZCreateApiKeyRequest)
  .output(ZCreateApiKeyResponse)
  .mutation(({ ctx, input }) =>
    createApiKey({ name: input.name, scopes: input.scopes, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
