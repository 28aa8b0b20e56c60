import { z } from "zod";
import { WEBHOOK_EVENT_TYPES, ZWebhookEventType } from "@/server/services/webhooks/event-types";
import { WEBHOOK_DELIVERY_STATUSES } from "@/server/services/webhooks/webhook-delivery-view";
import { ZWebhookDescription, ZWebhookEvents, ZWebhookUrl } from "@/server/services/webhooks/webhook-endpoint-input";
import { text } from "@/server/validation/text";

const ZId = text().min(1).max(100);

/** An endpoint as operators see it: never its secret, only the secret's first characters. */
export const ZWebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(z.string()),
  secretPrefix: z.string().meta({ description: "First characters of the signing secret, to tell secrets apart" }),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZListWebhookEndpointsResponse = z.array(
  ZWebhookEndpoint.extend({
    recentFailed: z.number().int().meta({ description: "Deliveries of the last 24 h that failed for good" }),
    recentRetrying: z.number().int().meta({ description: "Deliveries of the last 24 h being retried" }),
  }),
);

export const ZCreateWebhookEndpointRequest = z.object({
  url: ZWebhookUrl,
  events: ZWebhookEvents.meta({ description: `Any of ${WEBHOOK_EVENT_TYPES.join(", ")}` }),
  description: ZWebhookDescription,
});

/** Create and rotate answer with the secret: the one time it is shown. */
export const ZWebhookEndpointWithSecret = ZWebhookEndpoint.extend({
  secret: z.string().meta({ description: "The signing secret (whsec_...). Shown once; stored encrypted." }),
});

export const ZUpdateWebhookEndpointRequest = z.object({
  id: ZId,
  url: ZWebhookUrl.optional(),
  events: ZWebhookEvents.optional(),
  description: ZWebhookDescription.meta({ description: "An empty string clears it" }),
  enabled: z.boolean().optional(),
});

/** An endpoint or a delivery, by its id. */
export const ZByIdRequest = z.object({ id: ZId });
export const ZDeleteWebhookEndpointResponse = z.object({ id: z.string(), deleted: z.literal(true) });

export const ZWebhookDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  endpoint: z.object({ id: z.string(), url: z.string(), enabled: z.boolean() }),
});

export const ZListWebhookDeliveriesRequest = z
  .object({
    endpointId: ZId.optional(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
    eventType: ZWebhookEventType.optional(),
    cursor: text().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .prefault({});

export const ZListWebhookDeliveriesResponse = z.object({ items: z.array(ZWebhookDelivery), nextCursor: z.string().nullable() });

export const ZWebhookDeliveryDetail = ZWebhookDelivery.extend({
  payload: z.object({ id: z.string(), type: z.string(), created_at: z.string(), data: z.record(z.string(), z.unknown()) }),
  attemptLog: z.array(
    z.object({
      id: z.string(),
      attempt: z.number().int(),
      trigger: z.enum(["automatic", "replay"]),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      responseSnippet: z.string().nullable(),
      durationMs: z.number().int(),
      createdAt: z.date(),
    }),
  ),
});

export const ZReplayWebhookDeliveryResponse = z.object({ id: z.string(), queued: z.literal(true) });
