import { describe, expect, it } from "vitest";
import { withEmbarkErrorShape } from "./auth-error-shape";

describe("withEmbarkErrorShape", () => {
  it("maps better-auth's { message, code } into the error envelope, keeping both and the headers", async () => {
    const original = Response.json(
      { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" },
      { status: 401, headers: { "set-cookie": "a=b" } },
    );
    const res = await withEmbarkErrorShape(original);
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBe("a=b");
    expect(await res.json()).toEqual({
      error: { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" },
      code: "INVALID_EMAIL_OR_PASSWORD",
      message: "Invalid email or password",
    });
  });

  it("gives a rate limit without a code its status code, and keeps X-Retry-After", async () => {
    const original = Response.json({ message: "Too many requests. Please try again later." }, { status: 429, headers: { "X-Retry-After": "42" } });
    const res = await withEmbarkErrorShape(original);
    expect(res.headers.get("x-retry-after")).toBe("42");
    expect((await res.json()).error).toEqual({ code: "TOO_MANY_REQUESTS", message: "Too many requests. Please try again later." });
  });

  it("turns an empty error body into JSON", async () => {
    const res = await withEmbarkErrorShape(new Response(null, { status: 404 }));
    expect(res.headers.get("content-type")).toBe("application/json");
    expect((await res.json()).error).toEqual({ code: "NOT_FOUND", message: "No such auth endpoint" });
  });

  it("leaves successes alone", async () => {
    const ok = Response.json({ user: 1 });
    expect(await withEmbarkErrorShape(ok)).toBe(ok);
  });
});
