import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP_ERROR_CODES, AppError, type TAppErrorCode } from "@/server/errors";
import { Prisma } from "@/generated/prisma/client";
import { BUSY_RETRY_AFTER_SECONDS, describeError, INTERNAL_MESSAGE, trpcErrorFromAppError } from "./error-mapping";

function wrapped(cause: unknown): TRPCError {
  // What tRPC makes of anything a resolver throws.
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause });
}

describe("describeError", () => {
  it.each(Object.keys(APP_ERROR_CODES).filter((c) => c !== "INTERNAL") as TAppErrorCode[])(
    "keeps %s from an AppError with the status of the table",
    (code) => {
      const described = describeError(wrapped(new AppError(code, { message: "why", details: { a: 1 } })));
      expect(described).toEqual({
        code,
        trpcCode: APP_ERROR_CODES[code].trpc,
        httpStatus: APP_ERROR_CODES[code].http,
        message: "why",
        details: { a: 1 },
      });
    },
  );

  it.each(["P2024", "P2028"])("answers 503 with a retry hint when Prisma could not get a connection or start a transaction (%s)", (code) => {
    const busy = new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", {
      code,
      clientVersion: "7",
    });
    expect(describeError(wrapped(busy))).toEqual({
      code: "UNAVAILABLE",
      trpcCode: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      message: "Embark is busy; try again in a few seconds",
      details: { retry_after_seconds: BUSY_RETRY_AFTER_SECONDS },
    });
    // Any other database error stays a plain 500 with nothing of its message.
    const other = new Prisma.PrismaClientKnownRequestError("null value in column", { code: "P2011", clientVersion: "7" });
    expect(describeError(wrapped(other))).toMatchObject({ code: "INTERNAL", httpStatus: 500, message: INTERNAL_MESSAGE });
  });

  it("hides the message of an INTERNAL AppError", () => {
    const described = describeError(wrapped(new AppError("INTERNAL", { message: "pool exhausted at 10.0.0.3" })));
    expect(described).toMatchObject({ code: "INTERNAL", httpStatus: 500, message: INTERNAL_MESSAGE });
    expect(described.details).toBeUndefined();
  });

  it("turns an unexpected error into a generic INTERNAL", () => {
    const described = describeError(wrapped(new Error("password=hunter2 leaked")));
    expect(described).toEqual({
      code: "INTERNAL",
      trpcCode: "INTERNAL_SERVER_ERROR",
      httpStatus: 500,
      message: INTERNAL_MESSAGE,
    });
  });

  it("lists failing fields of a zod input error", () => {
    const parsed = z.object({ name: z.string().min(2), tags: z.array(z.string()) }).safeParse({ name: "x", tags: [1] });
    const described = describeError(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }));
    expect(described.code).toBe("BAD_REQUEST");
    expect(described.httpStatus).toBe(400);
    expect(described.details).toEqual([
      { path: "name", message: expect.stringContaining("2") },
      { path: "tags.0", message: expect.any(String) },
    ]);
    expect(described.message).toMatch(/^Input validation failed at name: .*2.* \(and 1 more\)$/);
  });

  it("treats a zod failure on output as an internal error", () => {
    const parsed = z.string().safeParse(1);
    const described = describeError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: parsed.error }));
    expect(described).toMatchObject({ code: "INTERNAL", httpStatus: 500, message: INTERNAL_MESSAGE });
  });

  it("reports malformed JSON as BAD_REQUEST", () => {
    expect(describeError(new TRPCError({ code: "PARSE_ERROR", message: "Unexpected token" }))).toMatchObject({
      code: "BAD_REQUEST",
      httpStatus: 400,
    });
  });

  it("keeps transport codes that have no AppError", () => {
    expect(describeError(new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "no" }))).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      httpStatus: 415,
    });
    expect(describeError(new TRPCError({ code: "FORBIDDEN", message: "nope" }))).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
      message: "nope",
    });
  });
});

describe("trpcErrorFromAppError", () => {
  it("uses the tRPC code of the table and keeps the AppError as cause", () => {
    const app = new AppError("UNPROCESSABLE", { message: "not now" });
    const err = trpcErrorFromAppError(app);
    expect(err.code).toBe("UNPROCESSABLE_CONTENT");
    expect(err.message).toBe("not now");
    expect(err.cause).toBe(app);
  });
});
