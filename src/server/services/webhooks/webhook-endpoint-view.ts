/** The columns of an endpoint that may be shown: never the sealed secret. */
export const WEBHOOK_ENDPOINT_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  secretPrefix: true,
  enabled: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type TWebhookEndpointView = {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  secretPrefix: string;
  enabled: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
};
