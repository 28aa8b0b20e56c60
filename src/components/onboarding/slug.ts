/** The longest subdomain a tenant may have (the server's rule, repeated for the suggestion). */
const MAX_SLUG = 40;

/**
 * A subdomain suggested from a platform name: lowercase letters and digits
 * with single inner hyphens, accents dropped, at most 40 characters.
 * "Café Olé & Co." → "cafe-ole-co".
 */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/, "");
}

/**
 * What the subdomain field keeps of what is typed: lowercase, spaces as
 * hyphens. Anything else stays, so the availability check can say what is wrong.
 */
export function normalizeSlugInput(value: string): string {
  return value.toLowerCase().replace(/\s/g, "-");
}

/**
 * A server message as a sentence for people: field names in words, a capital
 * first letter and a full stop. "subdomain_slug must be at least 3 characters"
 * → "The subdomain must be at least 3 characters."
 */
export function friendlyMessage(message: string): string {
  const worded = message
    .trim()
    .replace(/^(subdomain_slug|slug)\b/, "The subdomain")
    .replace(/^platformName\b/, "The platform name")
    .replace(/^region\b/, "The region")
    .replace(/^tier\b/, "The plan");
  if (!worded) return worded;
  const sentence = worded.charAt(0).toUpperCase() + worded.slice(1);
  return /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
}
