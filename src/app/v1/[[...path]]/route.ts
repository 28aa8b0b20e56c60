export const dynamic = "force-dynamic";

export { GET, POST, PUT, PATCH, DELETE } from "@/server/rest/rest-route-handlers";
