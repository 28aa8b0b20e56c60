import { registerNode, ZRegisterNodeInput } from "@/server/services/nodes/register-node";
import { ZNode } from "@/server/services/nodes/node-view";
import { internalProcedure } from "@/server/trpc/procedures";

export const registerNodeRoute = internalProcedure("nodes:write")
  .meta({
    openapi: {
      method: "POST",
      path: "/internal/nodes",
      tags: ["internal"],
      summary: "Register a node",
      description:
        "Creates the node (id `node-<region>-<random>` when none is given) or updates it when the id is known. With `tenant_id` the tenant is placed on it.",
      protect: true,
    },
    successStatus: 201,
  })
  .input(ZRegisterNodeInput.meta({ id: "RegisterNodeRequest" }))
  .output(ZNode.meta({ id: "Node" }))
  .mutation(async ({ input }) => (await registerNode({ input })).node);
