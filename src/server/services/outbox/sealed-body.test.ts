import { describe, expect, it } from "vitest";
import { isSealed, OUTBOX_BODY_PURPOSE, openBody, sealBody } from "./sealed-body";

const secret = "s3cr3t-Vx9Qm2Lp7Rt4Wz8Ny1Kd5Hg0Jb6Fc";
const id = "msg_0123456789abcdefghjkmnpqrs";

describe("sealed outbox bodies", () => {
  it("round-trips and does not contain the plain text", () => {
    const stored = sealBody({ id, text: "Your code is 483920", secret });
    expect(stored.startsWith("enc:v1:")).toBe(true);
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain("483920");
    expect(openBody({ id, stored, secret })).toBe("Your code is 483920");
  });

  it("uses a fresh IV each time", () => {
    expect(sealBody({ id, text: "same", secret })).not.toBe(sealBody({ id, text: "same", secret }));
  });

  it("refuses another row's id, another secret, and tampering", () => {
    const stored = sealBody({ id, text: "code 1", secret });
    expect(() => openBody({ id: "msg_zzzzzzzzzzzzzzzzzzzzzzzzzz", stored, secret })).toThrow();
    expect(() => openBody({ id, stored, secret: `${secret}x` })).toThrow();
    const raw = Buffer.from(stored.slice("enc:v1:".length), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => openBody({ id, stored: `enc:v1:${raw.toString("base64")}`, secret })).toThrow();
    expect(() => openBody({ id, stored: "plain text", secret })).toThrow(/not sealed/);
  });

  it("still opens a body sealed before purposes existed, with or without naming the outbox's purpose", () => {
    // Written by the code before `purpose` was added: the default must stay byte-compatible.
    const stored = "enc:v1:6aue6ny3fFa4MJFcv2S+AP5NR+9pM8FU4s1x7QaDs9yd30nLrpGRixnvVxDzhQQ=";
    expect(openBody({ id, stored, secret })).toBe("Your code is 483920");
    expect(openBody({ id, stored, secret, purpose: OUTBOX_BODY_PURPOSE })).toBe("Your code is 483920");
  });

  it("keys each purpose separately: a value sealed for one cannot be opened as another", () => {
    const stored = sealBody({ id, text: "whsec_abc", secret, purpose: "webhook-secret-v1" });
    expect(openBody({ id, stored, secret, purpose: "webhook-secret-v1" })).toBe("whsec_abc");
    expect(() => openBody({ id, stored, secret })).toThrow();
    expect(() => openBody({ id, stored: sealBody({ id, text: "code", secret }), secret, purpose: "webhook-secret-v1" })).toThrow();
  });
});
