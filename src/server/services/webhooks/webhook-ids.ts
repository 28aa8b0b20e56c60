import { z } from "zod";
import { sortableId } from "@/server/services/shared/random-id";

const SORTABLE = "[0-9a-hjkmnp-tv-z]{26}";

/** `whe_` + a sortable id: a webhook endpoint. */
export const newWebhookEndpointId = (): string => `whe_${sortableId()}`;
/** `whd_` + a sortable id: one event for one endpoint. */
export const newWebhookDeliveryId = (): string => `whd_${sortableId()}`;
/** `evt_` + a sortable id: one event, the same for every endpoint that receives it. */
export const newWebhookEventId = (): string => `evt_${sortableId()}`;

export const ZWebhookEndpointId = z.string().regex(new RegExp(`^whe_${SORTABLE}$`), "not a webhook endpoint id");
export const ZWebhookDeliveryId = z.string().regex(new RegExp(`^whd_${SORTABLE}$`), "not a webhook delivery id");
