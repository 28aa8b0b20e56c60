import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { decodeKeysetCursor, encodeKeysetCursor } from "@/server/services/shared/keyset-cursor";

describe("keyset cursor", () => {
  it("round-trips a position", () => {
    const at = { createdAt: new Date("2026-11-23T08:00:00.123Z"), id: "4f1c" };
    expect(decodeKeysetCursor(encodeKeysetCursor(at))).toEqual(at);
  });

  it("rejects a cursor it did not make", () => {
    expect(() => decodeKeysetCursor("not-a-cursor")).toThrow(AppError);
    expect(() => decodeKeysetCursor(Buffer.from("yesterday|x").toString("base64url"))).toThrow(/cursor/);
  });
});
