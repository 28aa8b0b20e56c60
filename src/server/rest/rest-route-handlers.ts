import { handleRestRequest } from "./handle-rest-request";

/** The methods every REST prefix (`/v1`, `/internal`, `/api/v1`) routes to the OpenAPI handler. */
export {
  handleRestRequest as GET,
  handleRestRequest as POST,
  handleRestRequest as PUT,
  handleRestRequest as PATCH,
  handleRestRequest as DELETE,
};
