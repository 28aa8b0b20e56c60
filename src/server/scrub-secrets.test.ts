import { describe, expect, it } from "vitest";
import { scrubSecrets } from "./scrub-secrets";

describe("scrubSecrets", () => {
  it("masks credentials in connection strings", () => {
    expect(scrubSecrets("connect failed: postgresql://embark:s3cr3t@db:5432/embark")).toBe(
      "connect failed: postgresql://[redacted]@db:5432/embark",
    );
    expect(scrubSecrets("smtps://mailer:p%40ss@mail.example.com:465")).toBe("smtps://[redacted]@mail.example.com:465");
  });

  it("masks bearer tokens and Embark keys", () => {
    expect(scrubSecrets("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer [redacted]");
    expect(scrubSecrets("key emb_internal_Zx8Vb2Nm4Qw6 rejected")).toBe("key emb_[redacted] rejected");
  });

  it("masks provision callback tokens", () => {
    expect(scrubSecrets('inputs: {"callback_token":"pjt_q9X-2kLm_8Zr4Tw"}')).toBe('inputs: {"callback_token":"pjt_[redacted]"}');
  });

  it("masks appliance credentials, licence JWTs and install codes inside messages", () => {
    const jwt = "eyJhbGciOiJFZERTQSJ9.eyJhdWQiOiJ0In0.c2lnbmF0dXJl";
    expect(scrubSecrets(`redeem answered apc_apl_01abc.XyZ123456789 and ${jwt}`)).toBe(
      "redeem answered apc_[redacted] and [redacted-jwt]",
    );
    expect(scrubSecrets("code abcd-efgh-jkmn was typed")).toBe("code [redacted-install-code] was typed");
  });

  it("leaves UUIDs and other dashed ids alone", () => {
    const text = "tenant 123e4567-e89b-12d3-a456-426614174000 job_01abcd-efgh";
    expect(scrubSecrets(text)).toBe(text);
  });

  it("leaves URLs without credentials and plain text alone", () => {
    const text = "GET https://embark.example.com/api/health took 3 ms";
    expect(scrubSecrets(text)).toBe(text);
  });
});
