import { routeMethods } from "@/server/http/route-methods";
import { handleHealthRequest } from "@/server/rest/check-health";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: () => handleHealthRequest() });
