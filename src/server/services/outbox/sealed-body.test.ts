import { describe, expect, it } from "vitest";
import { isSealed, openBody, sealBody } from "./sealed-body";

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
});
