import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { decodeKeysetCursor, encodeKeysetCursor, searchParts } from "@/server/services/shared/keyset-cursor";

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

describe("searchParts", () => {
  it("asks for each word of three characters or more, then the whole term", () => {
    expect(searchParts("kavoze-logistics")).toEqual(["kavoze", "logistics", "kavoze-logistics"]);
    expect(searchParts("Kavoze Logistics Ltd")).toEqual(["Kavoze", "Logistics", "Ltd", "Kavoze Logistics Ltd"]);
    expect(searchParts("kavoze s")).toEqual(["kavoze", "kavoze s"]);
  });

  it("leaves a one-word or short term as it is", () => {
    expect(searchParts("kavoze")).toEqual(["kavoze"]);
    expect(searchParts("ab")).toEqual(["ab"]);
    expect(searchParts("a-b")).toEqual(["a-b"]);
  });
});
