import { getOutboxMessage } from "@/server/services/outbox/get-outbox-message";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZOutboxMessageRequest, ZOutboxMessageWithBody } from "./ops.types";

export const getOutboxMessageRoute = operatorProcedure("viewer")
  .input(ZOutboxMessageRequest)
  .output(ZOutboxMessageWithBody)
  .query(({ input }) => getOutboxMessage({ id: input.id }));
