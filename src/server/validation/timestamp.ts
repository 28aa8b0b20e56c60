import { z } from "zod";

/** The years a caller's timestamp may name; outside them it is a mistake, and Postgres may refuse it (22008). */
export const TIMESTAMP_YEARS = { min: 2000, max: 2100 } as const;

/** An ISO 8601 timestamp with an offset, within {@link TIMESTAMP_YEARS}. */
export function isoTimestamp() {
  return z.iso.datetime({ offset: true }).refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= TIMESTAMP_YEARS.min && year <= TIMESTAMP_YEARS.max;
  }, `must be a time between the years ${TIMESTAMP_YEARS.min} and ${TIMESTAMP_YEARS.max}`);
}
