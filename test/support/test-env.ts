/**
 * Fixed configuration for integration tests. The values pass `parseEnv`'s
 * strength rules, and tests use them to call internal endpoints.
 */
export const TEST_INTERNAL_API_KEY = "emb_internal_k7Qw2Rt9Yp4Ls8Xz1Vb6Nm3Hc5Jd0Fg";
export const TEST_AUTH_SECRET = "auth_Zq4Wm8Tr2Kp6Yx0Nb3Vc7Lh1Gd5Sf9Ja";
