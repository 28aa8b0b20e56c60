import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";

describe("audit cursor", () => {
  it("round-trips a position", () => {
    const at = { createdAt: new Date("2026-11-23T08:00:00.123Z"), id: "4f1c" };
    expect(decodeAuditCursor(encodeAuditCursor(at))).toEqual(at);
  });

  it("rejects a cursor it did not make", () => {
    expect(() => decodeAuditCursor("not-a-cursor")).toThrow(AppError);
    expect(() => decodeAuditCursor(Buffer.from("yesterday|x").toString("base64url"))).toThrow(/cursor/);
  });
});
