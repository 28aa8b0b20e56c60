import { describe, expect, it } from "vitest";
import { digestOtp } from "./otp-digest";

describe("digestOtp", () => {
  const secret = "k".repeat(16) + "Qx7vL2pR9sT4wY6z";

  it("is stable for one secret and never contains the code", () => {
    expect(digestOtp(secret, "123456")).toBe(digestOtp(secret, "123456"));
    expect(digestOtp(secret, "123456")).not.toContain("123456");
  });

  it("differs by code and by secret, so a dump cannot be matched against a table of codes", () => {
    expect(digestOtp(secret, "123456")).not.toBe(digestOtp(secret, "123457"));
    expect(digestOtp(secret, "123456")).not.toBe(digestOtp(`${secret}x`, "123456"));
  });
});
