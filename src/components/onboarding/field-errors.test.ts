import { describe, expect, it } from "vitest";
import { wizardErrorOf } from "./field-errors";

describe("wizardErrorOf", () => {
  it("puts zod issues next to their fields and keeps the rest general", () => {
    const error = {
      message: "Input validation failed",
      data: {
        appCode: "BAD_REQUEST",
        httpStatus: 400,
        details: [
          { path: "slug", message: "subdomain_slug must be at least 3 characters" },
          { path: "platformName", message: "platformName must be at least 2 characters" },
          { path: "simulate_failure_stage", message: "Invalid option" },
        ],
      },
    };
    expect(wizardErrorOf(error)).toEqual({
      fields: { slug: "The subdomain must be at least 3 characters.", platformName: "The platform name must be at least 2 characters." },
      general: "Simulate_failure_stage: Invalid option.",
      signedOut: false,
    });
  });

  it("puts an AppError with details.field next to that field", () => {
    const taken = { message: "The subdomain acme is not available: this subdomain is taken", data: { appCode: "CONFLICT", httpStatus: 409, details: { field: "slug", slug: "acme" } } };
    expect(wizardErrorOf(taken).fields).toEqual({ slug: "The subdomain acme is not available: this subdomain is taken." });
    const tier = { message: "The growth plan is unavailable: no price", data: { appCode: "UNPROCESSABLE", httpStatus: 422, details: { field: "tier", reason: "no price" } } };
    expect(wizardErrorOf(tier).fields.tier).toBe("The growth plan is unavailable: no price.");
  });

  it("asks to sign in again on UNAUTHORIZED, and hides internals", () => {
    expect(wizardErrorOf({ message: "Authentication required", data: { appCode: "UNAUTHORIZED", httpStatus: 401 } }).signedOut).toBe(true);
    expect(wizardErrorOf({ message: "Internal server error", data: { appCode: "INTERNAL", httpStatus: 500 } }).general).toMatch(/our side/);
    expect(wizardErrorOf(new TypeError("fetch failed")).general).toMatch(/could not reach/);
  });

  it("shows other domain errors in the general area", () => {
    const err = { message: "userId must be your own user id", data: { appCode: "FORBIDDEN", httpStatus: 403, details: { field: "userId" } } };
    expect(wizardErrorOf(err)).toEqual({ fields: {}, general: "UserId must be your own user id.", signedOut: false });
  });
});
