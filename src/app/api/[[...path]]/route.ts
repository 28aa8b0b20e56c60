export const dynamic = "force-dynamic";

// Any other path under /api: the REST handler answers a JSON 404 (or the route, under /api/v1).
export { GET, POST, PUT, PATCH, DELETE } from "@/server/rest/rest-route-handlers";
