import { z } from "zod";
import { ZNodeCapacity } from "@/server/services/nodes/node-capacity";
import { OUTBOX_STATUSES } from "@/server/services/outbox/outbox-status";
import { text } from "@/server/validation/text";

export const ZOverview = z.object({
  operators: z.number().int(),
  activeApiKeys: z.number().int(),
  outbox: z.object({ queued: z.number().int(), held: z.number().int(), failed: z.number().int(), sent: z.number().int() }),
  auditLast24h: z.number().int(),
  queue: z.enum(["ok", "down", "disabled"]),
  provisioning: z.object({
    dispatcher: z.enum(["github", "local"]),
    /** `active` stops at countCap + 1; `total` is an estimate when `totalEstimated`. */
    tenants: z.object({ active: z.number().int(), total: z.number().int(), totalEstimated: z.boolean() }),
    openJobs: z.number().int(),
    failedTenants: z.number().int(),
    nodes: ZNodeCapacity,
  }),
  paidPlans: z.array(z.object({ tier: z.enum(["growth", "scale"]), available: z.boolean(), reason: z.string().nullable() })),
  onboarding: z.object({ inProgress: z.number().int(), failed: z.number().int() }),
  /** Counts over tenants, provision jobs and onboarding sessions stop at countCap + 1: more reads as "countCap+". */
  countCap: z.number().int(),
});

export const ZOutboxMessageView = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  sensitive: z.boolean(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export const ZListOutboxRequest = z
  .object({
    status: z.enum(OUTBOX_STATUSES).optional(),
    cursor: text().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .prefault({});

export const ZListOutboxResponse = z.object({
  items: z.array(ZOutboxMessageView.extend({ preview: z.string() })),
  nextCursor: z.string().nullable(),
});

export const ZOutboxMessageRequest = z.object({ id: text().min(1).max(100) });

export const ZOutboxMessageWithBody = ZOutboxMessageView.extend({ body: z.string(), revealed: z.boolean() });

export const ZRetryOutboxResponse = z.object({ id: z.string(), status: z.literal("queued") });
