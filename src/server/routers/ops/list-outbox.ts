import { listOutbox } from "@/server/services/outbox/list-outbox";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZListOutboxRequest, ZListOutboxResponse } from "./ops.types";

export const listOutboxRoute = operatorProcedure("viewer")
  .input(ZListOutboxRequest)
  .output(ZListOutboxResponse)
  .query(({ input }) => listOutbox(input));
