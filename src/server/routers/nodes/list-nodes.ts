import { z } from "zod";
import { ZRegion } from "@/env";
import { listNodes } from "@/server/services/nodes/list-nodes";
import { ZNode } from "@/server/services/nodes/node-view";
import { operatorProcedure } from "@/server/trpc/procedures";

export const listNodesRoute = operatorProcedure("viewer")
  .input(z.object({ region: ZRegion.optional() }).prefault({}))
  .output(z.array(ZNode))
  .query(({ input }) => listNodes(input));
