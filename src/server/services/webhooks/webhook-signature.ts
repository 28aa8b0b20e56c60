import { createHmac, timingSafeEqual } from "node:crypto";

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = "Embark-Signature";
/** How far a signature's timestamp may be from the receiver's clock, by default. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 of `<t>.<raw body>` under the endpoint's whole secret (`whsec_...`). */
function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/**
 * The `Embark-Signature` value for a raw body: `t=<unix seconds>,v1=<hex>`.
 * The timestamp is signed with the body, so a captured request cannot be
 * replayed once it is older than the receiver's tolerance.
 */
export function signWebhookPayload(opts: { secret: string; body: string; now?: Date }): string {
  const t = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  return `t=${t},v1=${hmacHex(opts.secret, t, opts.body)}`;
}

export type TSignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "malformed" | "stale" | "mismatch" };

function parseHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") {
      if (!/^\d{1,12}$/.test(value) || t !== null) return null;
      t = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      v1.push(value);
    }
    // Other schemes (a future v2) are ignored, so receivers keep working while one is added.
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

/**
 * Checks an `Embark-Signature` header against the raw body as received
 * (before any JSON parsing) and the endpoint's secret. Refuses a header that
 * does not parse, a timestamp more than `toleranceSeconds` from `now`, and a
 * digest that does not match (compared in constant time).
 */
export function verifyWebhookSignature(opts: {
  secret: string;
  header: string | null | undefined;
  body: string;
  toleranceSeconds?: number;
  now?: Date;
}): TSignatureCheck {
  const parsed = opts.header ? parseHeader(opts.header) : null;
  if (!parsed) return { ok: false, reason: "malformed" };
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - parsed.t) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: "stale" };
  const expected = Buffer.from(hmacHex(opts.secret, parsed.t, opts.body), "hex");
  const matches = parsed.v1.some((candidate) => timingSafeEqual(Buffer.from(candidate, "hex"), expected));
  return matches ? { ok: true, timestamp: parsed.t } : { ok: false, reason: "mismatch" };
}
