import { Resolver } from "node:dns/promises";

export type TCnameChain = {
  /** Names visited after the queried one, normalised (lowercase, no trailing dot). */
  chain: string[];
  /** Why the walk stopped early: a lookup error other than "no CNAME here". */
  error: string | null;
};

const MAX_HOPS = 8;
const NO_RECORD = new Set(["ENODATA", "ENOTFOUND"]);

export const normalizeDnsName = (name: string): string => name.trim().toLowerCase().replace(/\.+$/, "");

/**
 * Follows the CNAME records from `name` until one is missing, `stopAt` is
 * reached or the chain is implausibly long. `servers` are `ip` or `ip:port`;
 * empty means the system's resolvers.
 */
export async function resolveCnameChain(
  name: string,
  opts: { servers: string[]; stopAt?: string; timeoutMs?: number },
): Promise<TCnameChain> {
  const resolver = new Resolver({ timeout: opts.timeoutMs ?? 3000, tries: 2 });
  if (opts.servers.length > 0) resolver.setServers(opts.servers);
  const chain: string[] = [];
  let current = normalizeDnsName(name);
  const stopAt = opts.stopAt ? normalizeDnsName(opts.stopAt) : undefined;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    let answers: string[];
    try {
      answers = await resolver.resolveCname(current);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      if (NO_RECORD.has(code)) return { chain, error: null };
      return { chain, error: `looking up the CNAME of ${current} failed (${code || (err as Error).message})` };
    }
    const next = answers[0] ? normalizeDnsName(answers[0]) : undefined;
    if (!next || chain.includes(next)) return { chain, error: null };
    chain.push(next);
    if (next === stopAt) return { chain, error: null };
    current = next;
  }
  return { chain, error: `the CNAME chain of ${name} is longer than ${MAX_HOPS} hops` };
}

/** `DNS_RESOLVERS` as a list. */
export const dnsServersFrom = (value: string | undefined): string[] =>
  value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
