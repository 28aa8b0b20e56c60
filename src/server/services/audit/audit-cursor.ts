import { AppError } from "@/server/errors";

/** Position in the audit log's (createdAt desc, id desc) order. */
export type TAuditCursor = { createdAt: Date; id: string };

/** Opaque to callers so the ordering can change without breaking them. */
export function encodeAuditCursor(cursor: TAuditCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeAuditCursor(value: string): TAuditCursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new AppError("BAD_REQUEST", { message: "The cursor is not valid", details: { cursor: value } });
  }
  return { createdAt, id };
}
