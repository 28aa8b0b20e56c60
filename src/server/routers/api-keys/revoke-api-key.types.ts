import { z } from "zod";
import { ZApiKeySummary } from "./api-key.types";
import { text } from "@/server/validation/text";

export const ZRevokeApiKeyRequest = z.object({ id: text().min(1).max(100) });
export const ZRevokeApiKeyResponse = ZApiKeySummary;
