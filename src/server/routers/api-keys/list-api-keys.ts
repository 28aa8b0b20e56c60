import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZListApiKeysRequest, ZListApiKeysResponse } from "./list-api-keys.types";

export const listApiKeysRoute = operatorProcedure("admin")
  .input(ZListApiKeysRequest)
  .output(ZListApiKeysResponse)
  .query(({ input }) => listApiKeys({ includeRevoked: input.includeRevoked }));
