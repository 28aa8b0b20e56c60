import { describe, expect, it } from "vitest";
import { reshapeAdapterError } from "./reshape-error";

describe("reshapeAdapterError", () => {
  it("builds the error envelope from our formatter's data", () => {
    const raw = JSON.stringify({
      message: "Input validation failed",
      code: "BAD_REQUEST",
      issues: [{ path: ["name"], message: "Too small" }],
      data: { appCode: "BAD_REQUEST", httpStatus: 400, details: [{ path: "name", message: "Too small" }] },
    });
    expect(reshapeAdapterError(400, raw)).toEqual({
      status: 400,
      body: {
        error: { code: "BAD_REQUEST", message: "Input validation failed at name: Too small", details: [{ path: "name", message: "Too small" }] },
      },
    });
  });

  it("takes the status of the domain error over the adapter's", () => {
    const raw = JSON.stringify({ message: "taken", code: "CONFLICT", data: { appCode: "CONFLICT", httpStatus: 409 } });
    expect(reshapeAdapterError(500, raw)).toEqual({ status: 409, body: { error: { code: "CONFLICT", message: "taken" } } });
  });

  it("never passes on a body it does not recognise", () => {
    expect(reshapeAdapterError(502, "<html>stack trace</html>")).toEqual({
      status: 502,
      body: { error: { code: "INTERNAL", message: "Internal server error" } },
    });
    expect(reshapeAdapterError(500, JSON.stringify({ message: "raw internals" }))).toEqual({
      status: 500,
      body: { error: { code: "INTERNAL", message: "Internal server error" } },
    });
  });
});
