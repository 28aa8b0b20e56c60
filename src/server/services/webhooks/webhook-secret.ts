import { randomBytes } from "node:crypto";
import { env } from "@/env";
import { openBody, sealBody } from "@/server/services/outbox/sealed-body";

export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** Its own HKDF purpose: a webhook secret is sealed under a key no outbox body shares. */
const PURPOSE = "webhook-secret-v1";
/** How much of the secret the dashboard shows, to tell secrets apart. */
const SHOWN_LENGTH = WEBHOOK_SECRET_PREFIX.length + 6;

/**
 * A fresh signing secret (`whsec_` + 32 random bytes, base64url) with the
 * forms that are stored: sealed under AUTH_SECRET, bound to the endpoint id,
 * and a short prefix.
 */
export function mintWebhookSecret(endpointId: string): { secret: string; secretSealed: string; secretPrefix: string } {
  const secret = WEBHOOK_SECRET_PREFIX + randomBytes(32).toString("base64url");
  return {
    secret,
    secretSealed: sealBody({ id: endpointId, text: secret, secret: env().AUTH_SECRET, purpose: PURPOSE }),
    secretPrefix: secret.slice(0, SHOWN_LENGTH),
  };
}

/** The signing secret of an endpoint; throws when AUTH_SECRET changed since it was sealed. */
export function openWebhookSecret(endpointId: string, secretSealed: string): string {
  return openBody({ id: endpointId, stored: secretSealed, secret: env().AUTH_SECRET, purpose: PURPOSE });
}
