import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailFingerprint, fingerprintEmailsIn, isSecretKey, isSecretValue, MAX_PROPERTY_DEPTH, scrubProperties } from "./scrub-properties";

const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("isSecretKey", () => {
  it.each([
    "otp",
    "OTP",
    "otpCode",
    "otp_code",
    "code",
    "Code",
    "verificationcode",
    "passcode",
    "password",
    "newPassword",
    "PASSWORD_CONFIRM",
    "secret",
    "clientSecret",
    "token",
    "accessToken",
    "refresh-token",
    "jwt",
    "idJwt",
    "authorization",
    "Authorization",
    "cookie",
    "Set-Cookie",
    "apiKey",
    "pin",
  ])("drops %s", (key) => expect(isSecretKey(key)).toBe(true));

  it.each(["step", "plan", "region", "email", "elapsed_ms", "footprint", "tier", "slug_length", "error"])("keeps %s", (key) =>
    expect(isSecretKey(key)).toBe(false),
  );
});

describe("isSecretValue", () => {
  it("sees JWTs, bearer and basic headers and Embark keys, alone or inside text", () => {
    expect(isSecretValue(JWT)).toBe(true);
    expect(isSecretValue(`callback?t=${JWT}&x=1`)).toBe(true);
    expect(isSecretValue("Bearer abcdefgh12345678")).toBe(true);
    expect(isSecretValue("basic dXNlcjpwYXNzd29yZA==")).toBe(true);
    expect(isSecretValue("emb_k7Qw2Rt9Yp4Ls8Xz1Vb6Nm3Hc5Jd0Fg")).toBe(true);
    expect(isSecretValue("the bearer of good news")).toBe(false);
    expect(isSecretValue("plan")).toBe(false);
  });
});

describe("emailFingerprint", () => {
  it("is SHA-256 of the trimmed lowercase address", () => {
    expect(emailFingerprint("  Ada@Example.COM ")).toBe(sha("ada@example.com"));
    expect(emailFingerprint("ada@example.com")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("replaces every address inside free text", () => {
    const out = fingerprintEmailsIn("sent to Ada@example.com and bob@x.io.");
    expect(out).toBe(`sent to sha256:${sha("ada@example.com")} and sha256:${sha("bob@x.io")}.`);
  });
});

describe("scrubProperties", () => {
  it("drops secret keys at any depth, inside arrays too", () => {
    const out = scrubProperties({
      step: "code",
      otp: "123456",
      nested: { Password: "hunter2hunter2", deeper: { authToken: "abc", keep: 1 } },
      list: [{ code: "654321", ok: true }, { COOKIE: "sid=1" }, "plain"],
    });
    expect(out).toEqual({ step: "code", nested: { deeper: { keep: 1 } }, list: [{ ok: true }, {}, "plain"] });
    expect(JSON.stringify(out)).not.toMatch(/123456|654321|hunter2|sid=1|abc/);
  });

  it("drops values that look like JWTs or bearer strings, also in arrays", () => {
    const out = scrubProperties({ header: `Bearer ${JWT}`, note: JWT, list: ["a", JWT, "b"], url: `https://x.test/?t=${JWT}` });
    expect(out).toEqual({ list: ["a", "b"] });
  });

  it("turns an email field or an email value into its fingerprint", () => {
    const out = scrubProperties({
      email: " Ada@Example.com ",
      contact: { workEmail: "bob@x.io" },
      message: "code sent to carol@example.org",
      emails: ["dan@example.net"],
    });
    expect(out).toEqual({
      email: `sha256:${sha("ada@example.com")}`,
      contact: { workEmail: `sha256:${sha("bob@x.io")}` },
      message: `code sent to sha256:${sha("carol@example.org")}`,
      emails: [`sha256:${sha("dan@example.net")}`],
    });
    expect(JSON.stringify(out)).not.toContain("@");
  });

  it("keeps plain values and drops what JSON cannot carry or nests too deep", () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < MAX_PROPERTY_DEPTH + 2; i++) deep = { d: deep };
    const out = scrubProperties({ n: 1.5, b: false, z: null, u: undefined, deep });
    expect(out).toMatchObject({ n: 1.5, b: false, z: null });
    expect("u" in out).toBe(false);
    expect(JSON.stringify(out)).not.toContain("leaf");
    expect(scrubProperties(undefined)).toEqual({});
  });
});
