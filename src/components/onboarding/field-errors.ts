import { friendlyMessage } from "./slug";

/** The wizard's fields a server error can point at. */
export const WIZARD_FIELDS = ["platformName", "slug", "region", "tier"] as const;
export type TWizardField = (typeof WIZARD_FIELDS)[number];
export type TFieldErrors = Partial<Record<TWizardField, string>>;

/** A failed request as the wizard shows it: next to fields, or in the general error area. */
export type TWizardError = {
  fields: TFieldErrors;
  general: string | null;
  /** The session cookie is gone or expired: the person has to sign in again. */
  signedOut: boolean;
};

type TErrorLike = { message?: unknown; data?: { appCode?: unknown; httpStatus?: unknown; details?: unknown } | null };

const isField = (name: unknown): name is TWizardField => WIZARD_FIELDS.includes(name as TWizardField);

/**
 * Reads a tRPC error (see src/server/trpc/error-mapping.ts): validation
 * issues carry paths, domain errors carry `details.field`. Messages for
 * known fields go next to them; the rest, and failures without an answer,
 * go to the general area.
 */
export function wizardErrorOf(error: unknown): TWizardError {
  const e = (typeof error === "object" && error !== null ? error : {}) as TErrorLike;
  const data = e.data ?? null;
  const message = typeof e.message === "string" ? e.message : "";
  const fields: TFieldErrors = {};
  const leftovers: string[] = [];

  if (!data) {
    return { fields, general: "We could not reach Embark. Check your connection and try again.", signedOut: false };
  }
  if (data.appCode === "UNAUTHORIZED") {
    return { fields, general: "Your sign-in has expired. Sign in again to carry on where you left off.", signedOut: true };
  }
  if (data.appCode === "INTERNAL" || data.httpStatus === 500) {
    return { fields, general: "Something went wrong on our side. Try again in a moment.", signedOut: false };
  }
  const details = data.details;
  if (Array.isArray(details)) {
    for (const issue of details as { path?: unknown; message?: unknown }[]) {
      const field = typeof issue.path === "string" ? issue.path.split(".")[0] : undefined;
      const text = typeof issue.message === "string" ? issue.message : "";
      if (isField(field)) fields[field] ??= friendlyMessage(text);
      else leftovers.push(field ? `${field}: ${text}` : text);
    }
  } else if (details && typeof details === "object" && isField((details as { field?: unknown }).field)) {
    fields[(details as { field: TWizardField }).field] = friendlyMessage(message);
  } else if (message) {
    leftovers.push(message);
  }
  const general = leftovers.length ? leftovers.map(friendlyMessage).join(" ") : null;
  return { fields, general, signedOut: false };
}
