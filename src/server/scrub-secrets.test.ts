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

  it("leaves URLs without credentials and plain text alone", () => {
    const text = "GET https://embark.example.com/api/health took 3 ms";
    expect(scrubSecrets(text)).toBe(text);
  });
});
