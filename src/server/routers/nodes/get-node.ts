import { z } from "zod";
import { getNode } from "@/server/services/nodes/get-node";
import { ZNode } from "@/server/services/nodes/node-view";
import { internalProcedure } from "@/server/trpc/procedures";
import { text } from "@/server/validation/text";

export const getNodeRoute = internalProcedure("nodes:read")
  .meta({
    openapi: { method: "GET", path: "/internal/nodes/{node_id}", tags: ["internal"], summary: "A node", protect: true },
  })
  .input(z.object({ node_id: text().min(1).max(100) }))
  .output(ZNode)
  .query(({ input }) => getNode({ nodeId: input.node_id }));
