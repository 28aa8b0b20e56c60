/**
 * What a person has entered before submitting, kept in sessionStorage so a
 * reload (or a slip of the back button) loses nothing. One-time codes are
 * never part of it.
 */
export const DRAFT_STEPS = ["email", "code", "company", "plan"] as const;
export type TDraftStep = (typeof DRAFT_STEPS)[number];
export const TIERS = ["starter", "growth", "scale"] as const;
export type TTier = (typeof TIERS)[number];

export type TDraft = {
  step: TDraftStep;
  email: string;
  platformName: string;
  slug: string;
  /** The person typed a subdomain of their own: stop deriving it from the name. */
  slugEdited: boolean;
  region: string;
  tier: TTier;
};

const KEY = "embark.onboarding.draft";

export function emptyDraft(region: string): TDraft {
  return { step: "email", email: "", platformName: "", slug: "", slugEdited: false, region, tier: "starter" };
}

const str = (v: unknown, max: number): string => (typeof v === "string" ? v.slice(0, max) : "");

/** A stored draft, checked field by field; anything odd falls back to the empty value. */
export function parseDraft(raw: string | null, defaults: { region: string; regions: readonly string[] }): TDraft {
  const empty = emptyDraft(defaults.region);
  if (!raw) return empty;
  let value: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null) return empty;
    value = parsed as Record<string, unknown>;
  } catch {
    return empty;
  }
  return {
    step: DRAFT_STEPS.includes(value.step as TDraftStep) ? (value.step as TDraftStep) : empty.step,
    email: str(value.email, 320),
    platformName: str(value.platformName, 100),
    slug: str(value.slug, 100),
    slugEdited: value.slugEdited === true,
    region: defaults.regions.includes(value.region as string) ? (value.region as string) : empty.region,
    tier: TIERS.includes(value.tier as TTier) ? (value.tier as TTier) : empty.tier,
  };
}

export function readDraft(defaults: { region: string; regions: readonly string[] }): TDraft {
  try {
    return parseDraft(window.sessionStorage.getItem(KEY), defaults);
  } catch {
    // Storage switched off (private mode, a policy): the wizard still works, without the memory.
    return emptyDraft(defaults.region);
  }
}

export function writeDraft(draft: TDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // As above: nothing to keep it in.
  }
}

export function clearDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
