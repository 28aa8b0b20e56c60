import { describe, expect, it } from "vitest";
import { normalizeAddress, resolveClientAddress } from "./client-address";
import { peerAddressHeader } from "./peer-address";

function headers(peer: string | null, forwardedFor?: string): Headers {
  const h = new Headers();
  if (peer) h.set(peerAddressHeader(), peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
}

describe("resolveClientAddress", () => {
  it("uses the connection's peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress(headers("198.51.100.7", "203.0.113.1"), [])).toBe("198.51.100.7");
    expect(resolveClientAddress(headers("::ffff:198.51.100.7", "203.0.113.1"), [])).toBe("198.51.100.7");
  });

  it("ignores a header that only looks like the peer header, and knows nothing without a peer", () => {
    const h = headers(null, "203.0.113.1");
    h.set("x-embark-peer", "203.0.113.2");
    expect(resolveClientAddress(h, [])).toBeNull();
  });

  it("believes X-Forwarded-For from a trusted proxy, read from the right past trusted hops", () => {
    const trusted = ["10.0.0.0/8", "::1"];
    expect(resolveClientAddress(headers("10.1.2.3", "203.0.113.9"), trusted)).toBe("203.0.113.9");
    // The client put a fake entry first; the proxies appended the real one and themselves.
    expect(resolveClientAddress(headers("::1", "6.6.6.6, 203.0.113.9, 10.0.0.5"), trusted)).toBe("203.0.113.9");
    // Only trusted hops: the leftmost is as far as the chain goes.
    expect(resolveClientAddress(headers("10.1.2.3", "10.9.9.9, 10.0.0.5"), trusted)).toBe("10.9.9.9");
    // No header, or a malformed entry: the last address that was vouched for.
    expect(resolveClientAddress(headers("10.1.2.3"), trusted)).toBe("10.1.2.3");
    expect(resolveClientAddress(headers("10.1.2.3", "junk, 10.0.0.5"), trusted)).toBe("10.0.0.5");
  });

  it("does not believe X-Forwarded-For from a peer outside the trusted ranges", () => {
    expect(resolveClientAddress(headers("198.51.100.7", "203.0.113.9"), ["10.0.0.0/8"])).toBe("198.51.100.7");
  });
});

describe("normalizeAddress", () => {
  it("keeps IP addresses (IPv6 lower-cased, IPv4-mapped unwrapped) and refuses the rest", () => {
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("example.com")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});
