import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest for values that must be read back (sensitive mail
 * bodies, webhook signing secrets): AES-256-GCM under a key derived from
 * AUTH_SECRET with HKDF. The row id is the associated data, so a value cannot
 * be moved onto another row; `purpose` (the HKDF info) gives each kind of
 * value its own key, so one kind can never be opened as another.
 */
const PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The outbox's purpose; the default, so mail sealed before purposes existed still opens. */
export const OUTBOX_BODY_PURPOSE = "outbox-body-v1";

function keyFrom(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "embark-outbox", purpose, 32));
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Encrypts `text` for row `id`: `enc:v1:<base64 iv|tag|ciphertext>`. */
export function sealBody(opts: { id: string; text: string; secret: string; purpose?: string }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(opts.secret, opts.purpose ?? OUTBOX_BODY_PURPOSE), iv);
  cipher.setAAD(Buffer.from(opts.id));
  const data = Buffer.concat([cipher.update(opts.text, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64");
}

/** Decrypts a sealed value; throws when the key, the purpose or the row id does not match. */
export function openBody(opts: { id: string; stored: string; secret: string; purpose?: string }): string {
  if (!isSealed(opts.stored)) throw new Error("body is not sealed");
  const raw = Buffer.from(opts.stored.slice(PREFIX.length), "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("sealed body is truncated");
  const key = keyFrom(opts.secret, opts.purpose ?? OUTBOX_BODY_PURPOSE);
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(opts.id));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
