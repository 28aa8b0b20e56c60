import { routeMethods } from "@/server/http/route-methods";
import { handleTrpcRequest } from "@/server/trpc/handle-trpc-request";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleTrpcRequest, POST: handleTrpcRequest });
