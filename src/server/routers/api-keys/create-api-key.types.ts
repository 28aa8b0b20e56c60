import { z } from "zod";
import { API_KEY_SCOPES, ZApiKeyScope } from "@/server/services/api-keys/scopes";
import { ZApiKeySummary } from "./api-key.types";
import { text } from "@/server/validation/text";

export const ZCreateApiKeyRequest = z.object({
  name: text().trim().min(1).max(100),
  scopes: z.array(ZApiKeyScope).min(1).max(API_KEY_SCOPES.length),
});

export const ZCreateApiKeyResponse = ZApiKeySummary.extend({
  key: z.string().meta({ description: "The full key. Shown once; only its hash is kept." }),
});
