import { AppError } from "@/server/errors";

/** Position in a (createdAt desc, id desc) listing. */
export type TKeysetCursor = { createdAt: Date; id: string };

/** Opaque to callers so the ordering can change without breaking them. */
export function encodeKeysetCursor(cursor: TKeysetCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeKeysetCursor(value: string): TKeysetCursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("BAD_REQUEST", { message: "The cursor is not valid", details: { cursor: value } });
  }
  return { createdAt, id };
}
