import { handleTrpcRequest } from "@/server/trpc/handle-trpc-request";

export const dynamic = "force-dynamic";

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
