import { routeMethods } from "@/server/http/route-methods";
import { handleOpenApiRequest } from "@/server/rest/handle-openapi-request";

// The servers entry comes from EMBARK_PUBLIC_URL, known only at runtime.
export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: () => handleOpenApiRequest() });
