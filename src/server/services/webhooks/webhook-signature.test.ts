import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookPayload, verifyWebhookSignature } from "./webhook-signature";

const secret = "whsec_Qx9mT2vLp8Rk4Wn7Yb1Hd6Fc3Js0Ga5Ue_Zo-Ki2Ml";
const body = JSON.stringify({ id: "evt_01jabcdefghjkmnpqrstvwxyz0", type: "onboarding.completed", data: { tenant: "acme" } });
const now = new Date("2026-11-23T12:00:00Z");

describe("signWebhookPayload", () => {
  it("is t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const header = signWebhookPayload({ secret, body, now });
    const t = Math.floor(now.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
  });
});

describe("verifyWebhookSignature", () => {
  const header = signWebhookPayload({ secret, body, now });

  it("accepts the body as signed, within the tolerance either side", () => {
    expect(verifyWebhookSignature({ secret, header, body, now })).toEqual({ ok: true, timestamp: now.getTime() / 1000 });
    expect(verifyWebhookSignature({ secret, header, body, now: new Date(now.getTime() + 299_000) }).ok).toBe(true);
    expect(verifyWebhookSignature({ secret, header, body, now: new Date(now.getTime() - 299_000) }).ok).toBe(true);
  });

  it("refuses a tampered body, even by one byte or by re-serialising the same JSON", () => {
    expect(verifyWebhookSignature({ secret, header, body: body.replace("acme", "acmf"), now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret, header, body: JSON.stringify(JSON.parse(body), null, 2), now })).toMatchObject({ ok: false });
    expect(verifyWebhookSignature({ secret, header, body: `${body} `, now })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("refuses another secret, and a timestamp changed without re-signing", () => {
    expect(verifyWebhookSignature({ secret: `${secret}x`, header, body, now })).toEqual({ ok: false, reason: "mismatch" });
    const t = now.getTime() / 1000;
    const moved = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyWebhookSignature({ secret, header: moved, body, now })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a stale or future timestamp, with a tolerance the receiver can choose", () => {
    const later = new Date(now.getTime() + 301_000);
    expect(verifyWebhookSignature({ secret, header, body, now: later })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ secret, header, body, now: new Date(now.getTime() - 301_000) })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ secret, header, body, now: later, toleranceSeconds: 600 }).ok).toBe(true);
    expect(verifyWebhookSignature({ secret, header, body, now: new Date(now.getTime() + 2000), toleranceSeconds: 1 })).toMatchObject({
      reason: "stale",
    });
  });

  it("refuses malformed headers", () => {
    const v1 = header.split(",v1=")[1]!;
    for (const bad of [
      null,
      undefined,
      "",
      "garbage",
      `v1=${v1}`,
      `t=${now.getTime() / 1000}`,
      `t=abc,v1=${v1}`,
      `t=${now.getTime() / 1000},v1=${v1.slice(1)}`,
      `t=${now.getTime() / 1000},v1=${v1.toUpperCase()}`,
      `t=1,t=2,v1=${v1}`,
      `t=${now.getTime() / 1000},,v1=${v1}`,
    ]) {
      expect(verifyWebhookSignature({ secret, header: bad, body, now }), String(bad)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("accepts any matching v1 among several and ignores unknown schemes", () => {
    const [t, v1] = header.split(",");
    const other = `v1=${"0".repeat(64)}`;
    expect(verifyWebhookSignature({ secret, header: `${t},${other},${v1},v2=abc`, body, now }).ok).toBe(true);
    expect(verifyWebhookSignature({ secret, header: `${t},${other}`, body, now })).toEqual({ ok: false, reason: "mismatch" });
  });
});
