import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { auditActorOf } from "@/server/trpc/principal";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZRevokeApiKeyRequest, ZRevokeApiKeyResponse } from "./revoke-api-key.types";

export const revokeApiKeyRoute = operatorProcedure("admin")
  .input(ZRevokeApiKeyRequest)
  .output(ZRevokeApiKeyResponse)
  .mutation(({ ctx, input }) =>
    revokeApiKey({ id: input.id, actor: auditActorOf(ctx.principal), requestId: ctx.requestId }),
  );
