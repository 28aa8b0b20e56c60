import { handleRestRequest } from "@/server/rest/handle-rest-request";

export const dynamic = "force-dynamic";

export {
  handleRestRequest as GET,
  handleRestRequest as POST,
  handleRestRequest as PUT,
  handleRestRequest as PATCH,
  handleRestRequest as DELETE,
};
