import { z } from "zod";
import { AppError } from "@/server/errors";
import { WEBHOOK_EVENT_TYPES, ZWebhookEventType } from "./event-types";
import { text } from "@/server/validation/text";

/** Where deliveries go: an absolute http(s) URL with a host and no credentials in it. */
export const ZWebhookUrl = text()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: "url must be an http:// or https:// URL" }))
  .refine((u) => new URL(u).hostname !== "", "url must name a host")
  .refine((u) => {
    const { username, password } = new URL(u);
    return !username && !password;
  }, "url must not contain a user name or password");

/** The events an endpoint receives: at least one, each at most once. */
export const ZWebhookEvents = z
  .array(ZWebhookEventType)
  .min(1, "choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

export const ZWebhookDescription = text().trim().max(500).optional();

/** Parses a service's input, or throws BAD_REQUEST naming each bad field. */
export function parseWebhookInput<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", {
      message: `invalid ${what}: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
      details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return parsed.data;
}
