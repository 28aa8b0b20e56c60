import { randomUUID } from "node:crypto";
import { mintBearerToken, tokenDigest } from "@/server/services/shared/bearer-token";
import { LOWER_ALNUM, randomFrom, sortableId } from "@/server/services/shared/random-id";

/** `job_` + a sortable random id. */
export const newProvisionJobId = (): string => `job_${sortableId()}`;
/** `trace_` + a sortable random id. */
export const newTraceId = (): string => `trace_${sortableId()}`;
/** `node-<region>-<6 lowercase alphanumerics>`, the id metrics agents use too. */
export const newNodeId = (region: string): string => `node-${region}-${randomFrom(LOWER_ALNUM, 6)}`;
export const newTenantId = (): string => randomUUID();

/** Prefix of per-job callback tokens, so the principal resolver can tell them from API keys. */
export const CALLBACK_TOKEN_PREFIX = "pjt_";

/** A per-job callback token and the digest that is stored. */
export const mintCallbackToken = (): { token: string; tokenHash: string } => mintBearerToken(CALLBACK_TOKEN_PREFIX);

export const hashCallbackToken = tokenDigest;
