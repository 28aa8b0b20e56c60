import { isIP } from "node:net";
import { domainToASCII } from "node:url";
import { parse as parseDomain } from "tldts";

/** Why a submitted name cannot be a portal domain. */
export type TPortalDomainProblem =
  | "empty"
  | "invalid"
  | "ip_literal"
  | "wildcard"
  | "single_label"
  | "reserved"
  | "public_suffix"
  | "apex"
  | "own_zone";

export type TNormalizeResult =
  | { ok: true; domain: string }
  | { ok: false; problem: TPortalDomainProblem; message: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const RESERVED_SUFFIXES = ["local", "internal", "localhost", "localdomain", "home.arpa", "invalid", "test", "example", "onion"];

function fail(problem: TPortalDomainProblem, message: string): TNormalizeResult {
  return { ok: false, problem, message };
}

/** Drops what people paste around a host name: scheme, credentials, path, query, port, trailing dot. */
function hostPart(raw: string): string {
  let s = raw.trim();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  s = s.replace(/^[^/@]*@/, "");
  s = s.split(/[/?#]/, 1)[0] ?? "";
  if (s.startsWith("[")) return s; // bracketed IPv6, possibly with a port: refused below
  const colon = s.lastIndexOf(":");
  if (colon !== -1 && s.indexOf(":") === colon && /^\d*$/.test(s.slice(colon + 1))) s = s.slice(0, colon);
  return s.replace(/\.+$/, "");
}

/**
 * Turns what a tenant typed into the ASCII host name their portal will answer
 * on, or says why it cannot be one. `ownZones` are Embark's own DNS zones
 * (tenant and portal base domains): nothing at or under them is accepted.
 */
export function normalizePortalDomain(raw: string, opts: { ownZones: string[] }): TNormalizeResult {
  const host = hostPart(raw);
  if (host === "") return fail("empty", "Enter a domain name, such as portal.example.com");
  const bare = host.replace(/^\[|\](:\d+)?$/g, "");
  if (isIP(bare) !== 0 || /^\d+(\.\d+)*$/.test(host)) {
    return fail("ip_literal", "An IP address cannot be a portal domain; enter a host name");
  }
  if (host.includes("*")) return fail("wildcard", "Wildcard names are not accepted; enter one host name");
  // UTS-46 processing (lowercases, maps and punycodes), as browsers do.
  const ascii = domainToASCII(host);
  if (ascii === "" || ascii.length > 253) return fail("invalid", `"${host}" is not a valid domain name`);
  const labels = ascii.split(".");
  if (!labels.every((l) => LABEL.test(l))) return fail("invalid", `"${host}" is not a valid domain name`);
  if (labels.length < 2) return fail("single_label", "Enter a full domain name with at least two labels, such as portal.example.com");
  if (RESERVED_SUFFIXES.some((s) => ascii === s || ascii.endsWith(`.${s}`))) {
    return fail("reserved", `${ascii} is a local or reserved name that no public certificate can cover`);
  }
  for (const zone of opts.ownZones) {
    if (ascii === zone || ascii.endsWith(`.${zone}`)) {
      return fail("own_zone", `${ascii} is under ${zone}, which Embark already serves; use a domain of your own`);
    }
  }
  const parsed = parseDomain(ascii, { allowPrivateDomains: true });
  if (parsed.isIp) return fail("ip_literal", "An IP address cannot be a portal domain; enter a host name");
  if (!parsed.publicSuffix || parsed.publicSuffix === ascii || !parsed.domain) {
    return fail("public_suffix", `${ascii} is a public suffix; enter a name inside a domain you own`);
  }
  if (parsed.domain === ascii) {
    return fail(
      "apex",
      `${ascii} is the apex of its domain, which cannot hold a CNAME record; use a subdomain such as portal.${ascii}`,
    );
  }
  return { ok: true, domain: ascii };
}
