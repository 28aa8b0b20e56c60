import { z } from "zod";
import { text } from "@/server/validation/text";

export const ZListAuditLogRequest = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    cursor: text().max(512).optional(),
    action: text().trim().min(1).max(100).optional().meta({ description: "Exact action, or a prefix ending in *" }),
    actor: text().trim().min(1).max(200).optional().meta({ description: "Actor id, or part of its label" }),
    targetType: text().max(100).optional(),
    targetId: text().max(200).optional(),
  })
  .prefault({});

export const ZAuditEntry = z.object({
  id: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: text(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: z.date(),
});

export const ZListAuditLogResponse = z.object({
  items: z.array(ZAuditEntry),
  nextCursor: z.string().nullable(),
});
