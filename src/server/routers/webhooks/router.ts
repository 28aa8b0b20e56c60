import { router } from "@/server/trpc/init";
import { createWebhookEndpointRoute } from "./create-endpoint";
import { deleteWebhookEndpointRoute } from "./delete-endpoint";
import { getWebhookDeliveryRoute } from "./get-delivery";
import { listWebhookDeliveriesRoute } from "./list-deliveries";
import { listWebhookEndpointsRoute } from "./list-endpoints";
import { replayWebhookDeliveryRoute } from "./replay-delivery";
import { rotateWebhookSecretRoute } from "./rotate-secret";
import { updateWebhookEndpointRoute } from "./update-endpoint";

/** Outgoing webhooks: viewers read, admins manage endpoints, operators replay deliveries. */
export const webhooksRouter = router({
  listEndpoints: listWebhookEndpointsRoute,
  createEndpoint: createWebhookEndpointRoute,
  updateEndpoint: updateWebhookEndpointRoute,
  deleteEndpoint: deleteWebhookEndpointRoute,
  rotateSecret: rotateWebhookSecretRoute,
  listDeliveries: listWebhookDeliveriesRoute,
  delivery: getWebhookDeliveryRoute,
  replay: replayWebhookDeliveryRoute,
});
