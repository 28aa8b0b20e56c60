import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashApiKey, mintApiKeySecret } from "./mint-api-key-secret";

describe("mintApiKeySecret", () => {
  it("makes emb_ keys of 40 base62 characters with a short shown prefix", () => {
    const { key, prefix, keyHash } = mintApiKeySecret();
    expect(key).toMatch(/^emb_[0-9A-Za-z]{40}$/);
    expect(prefix).toBe(key.slice(0, 12));
    expect(keyHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(hashApiKey(key)).toBe(keyHash);
  });

  it("never repeats and uses the whole alphabet", () => {
    const keys = Array.from({ length: 500 }, () => mintApiKeySecret().key);
    expect(new Set(keys).size).toBe(keys.length);
    const seen = new Set(keys.flatMap((k) => [...k.slice(4)]));
    expect(seen.size).toBe(62);
  });
});
