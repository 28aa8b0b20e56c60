import { z } from "zod";

/** An API key as operators see it: never the key itself, never its hash. */
export const ZApiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "First characters of the key, to tell keys apart" }),
  scopes: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
