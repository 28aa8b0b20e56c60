import { Prisma } from "@/generated/prisma/client";

/**
 * A Date as SQL for a `timestamp(3)` column: the UTC wall-clock time Prisma
 * stores for a DateTime, whatever the session's time zone.
 */
export function utcTimestamp(at: Date): Prisma.Sql {
  return Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
