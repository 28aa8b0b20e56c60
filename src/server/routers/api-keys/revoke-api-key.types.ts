import { z } from "zod";
import { ZApiKeySummary } from "./api-key.types";

export const ZRevokeApiKeyRequest = z.object({ id: z.string().min(1).max(100) });
export const ZRevokeApiKeyResponse = ZApiKeySummary;
