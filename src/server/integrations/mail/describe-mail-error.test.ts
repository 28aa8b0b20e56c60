import { describe, expect, it } from "vitest";
import { describeMailError } from "./describe-mail-error";

describe("describeMailError", () => {
  it("keeps the SMTP code and the server's answer", () => {
    const err = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: "EENVELOPE",
      response: "550 5.1.1 mailbox unavailable",
    });
    expect(describeMailError(err)).toBe("EENVELOPE: 550 5.1.1 mailbox unavailable");
  });

  it("drops credentials from URLs and flattens to one bounded line", () => {
    const err = new Error("connect failed smtp://user:hunter2@mail.example.com:587\nsecond line");
    const text = describeMailError(err);
    expect(text).not.toContain("hunter2");
    expect(text).toBe("connect failed smtp://mail.example.com:587 second line");
    expect(describeMailError(new Error("x".repeat(2000))).length).toBeLessThanOrEqual(500);
  });

  it("copes with things that are not errors", () => {
    expect(describeMailError("boom")).toBe("boom");
  });
});
