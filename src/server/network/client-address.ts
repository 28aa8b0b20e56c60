import { BlockList, isIP } from "node:net";
import { peerAddressHeader } from "./peer-address";

/**
 * The address a request came from, for rate limits and audit: the socket's
 * peer, unless that peer is a trusted proxy, in which case X-Forwarded-For is
 * read from the right, skipping trusted hops, and the first address that is
 * not a trusted proxy is the client. Null when the peer is unknown (a request
 * that did not come through the HTTP server).
 */
export function resolveClientAddress(headers: Headers, trustedProxies: readonly string[]): string | null {
  const peer = normalizeAddress(headers.get(peerAddressHeader()));
  if (!peer) return null;
  const trusted = trustedBlockList(trustedProxies);
  if (!isTrusted(trusted, peer)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => normalizeAddress(h.trim()));
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    // A malformed entry ends what can be believed; the last trusted hop's word stops there.
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

/** `::ffff:1.2.3.4` as `1.2.3.4`; null for anything that is not an IP address. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  const address = mapped ? mapped[1]! : value;
  const family = isIP(address);
  if (family === 0) return null;
  return family === 6 ? address.toLowerCase() : address;
}

const blockLists = new Map<string, BlockList>();

function trustedBlockList(entries: readonly string[]): BlockList {
  const cacheKey = entries.join(",");
  let list = blockLists.get(cacheKey);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address, prefix] = entry.split("/");
      const type = isIP(address!) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) list.addAddress(address!, type);
      else list.addSubnet(address!, Number(prefix), type);
    }
    blockLists.set(cacheKey, list);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}
