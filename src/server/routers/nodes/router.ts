import { router } from "@/server/trpc/init";
import { getNodeRoute } from "./get-node";
import { listNodesRoute } from "./list-nodes";
import { registerNodeRoute } from "./register-node";

export const nodesRouter = router({
  register: registerNodeRoute,
  get: getNodeRoute,
  list: listNodesRoute,
});
