import { mintBearerToken, tokenDigest } from "@/server/services/shared/bearer-token";

/** Prefix of the token a deploy workflow run calls back with, so the principal resolver can tell it apart. */
export const DEPLOY_TOKEN_PREFIX = "odt_";

export const mintDeployToken = (): { token: string; tokenHash: string } => mintBearerToken(DEPLOY_TOKEN_PREFIX);

export const hashDeployToken = tokenDigest;
