import { z } from "zod";
import { listOperators } from "@/server/services/operators/list-operators";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZOperatorSummary } from "./operator.types";

export const listOperatorsRoute = operatorProcedure("viewer")
  .output(z.array(ZOperatorSummary))
  .query(() => listOperators());
