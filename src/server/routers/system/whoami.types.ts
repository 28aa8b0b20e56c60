import { z } from "zod";

export const ZWhoamiResponse = z
  .object({
    kind: z.enum(["user", "apiKey", "internal", "jobToken", "deployToken", "anonymous"]).meta({ description: "How the caller authenticated" }),
    id: z.string().nullable().meta({ description: "User id or API key id; null for the internal key" }),
    name: z.string().nullable(),
    role: z.string().nullable().meta({ description: "Operator role, for signed-in users" }),
    scopes: z.array(z.string()).meta({ description: "Scopes held; `*` is every scope" }),
    requestId: z.string(),
  })
  .meta({ id: "Whoami" });

export type TWhoamiResponse = z.infer<typeof ZWhoamiResponse>;
