import { describe, expect, it } from "vitest";
import { FixedWindowLimiter } from "./fixed-window-limiter";

describe("FixedWindowLimiter", () => {
  it("allows max requests per key and window, then refuses until the next window", () => {
    const limiter = new FixedWindowLimiter({ max: 2, windowMs: 60_000 });
    const t = 120_000;
    expect(limiter.take("a", t).allowed).toBe(true);
    expect(limiter.take("a", t + 1).allowed).toBe(true);
    expect(limiter.take("a", t + 2)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take("b", t + 3).allowed).toBe(true);
    expect(limiter.take("a", t + 60_000).allowed).toBe(true);
  });

  it("puts keys beyond maxKeys into one shared bucket", () => {
    const limiter = new FixedWindowLimiter({ max: 1, windowMs: 1000, maxKeys: 2 });
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("b", 0).allowed).toBe(true);
    expect(limiter.take("c", 0).allowed).toBe(true);
    expect(limiter.take("d", 0).allowed).toBe(false);
  });
});
