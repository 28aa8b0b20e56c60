import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, type JWK } from "jose";
import { env } from "@/env";
import { AppError } from "@/server/errors";

/** One licence signing key: the private key, its public JWK and `kid` (the RFC 7638 thumbprint). */
export type TSigningKey = { kid: string; privateKey: KeyObject; publicJwk: JWK };

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

async function keyFromSeed(seed: string): Promise<TSigningKey> {
  const raw = Buffer.from(seed, "base64url");
  if (raw.length !== 32) throw new Error("an Ed25519 seed is 32 bytes");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, raw]), format: "der", type: "pkcs8" });
  const jwk = await exportJWK(createPublicKey(privateKey));
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: "EdDSA", use: "sig" } };
}

let cache: { source: string; keys: Promise<TSigningKey[]> } | undefined;

/**
 * The keys of LICENSE_SIGNING_KEY, signing key first. Every key is published
 * in the JWKS, so a rotated-out key keeps verifying the licences it signed
 * until it is removed.
 */
export function signingKeys(): Promise<TSigningKey[]> {
  const source = env().LICENSE_SIGNING_KEY;
  if (!source) {
    throw new AppError("UNAVAILABLE", { message: "Licences cannot be signed: LICENSE_SIGNING_KEY is not set" });
  }
  if (cache?.source !== source) {
    cache = { source, keys: Promise.all(source.split(",").map((s) => keyFromSeed(s.trim()))) };
  }
  return cache.keys;
}

/** The public JSON Web Key Set served at /.well-known/jwks.json. */
export async function licenceJwks(): Promise<{ keys: JWK[] }> {
  return { keys: (await signingKeys()).map((k) => k.publicJwk) };
}
