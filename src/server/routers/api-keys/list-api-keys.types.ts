import { z } from "zod";
import { ZApiKeySummary } from "./api-key.types";

export const ZListApiKeysRequest = z.object({ includeRevoked: z.boolean().default(false) }).prefault({});
export const ZListApiKeysResponse = z.array(ZApiKeySummary);
