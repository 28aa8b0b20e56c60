import { describe, expect, it } from "vitest";
import { normalizePortalDomain } from "./normalize-portal-domain";

const ownZones = ["tenants.embark.io", "portal.embark.io"];

describe("normalizePortalDomain", () => {
  it.each([
    ["portal.example.com", "portal.example.com"],
    ["  Portal.Example.COM  ", "portal.example.com"],
    ["https://portal.example.com/login?x=1", "portal.example.com"],
    ["http://user@portal.example.com:8443/", "portal.example.com"],
    ["portal.example.com.", "portal.example.com"],
    ["portal.example.com:443", "portal.example.com"],
    ["clients.acme.co.uk", "clients.acme.co.uk"],
    ["münchen.example.de", "xn--mnchen-3ya.example.de"],
    ["portal.bücher.de", "portal.xn--bcher-kva.de"],
    ["ＰＯＲＴＡＬ.example.com", "portal.example.com"],
    ["Faß.example.com", "xn--fa-hia.example.com"],
    ["a.b.c.example.org", "a.b.c.example.org"],
    ["portal.my-company.io", "portal.my-company.io"],
    ["portal.embark.io.example.com", "portal.embark.io.example.com"],
  ])("accepts %j as %j", (input, expected) => {
    expect(normalizePortalDomain(input, { ownZones })).toEqual({ ok: true, domain: expected });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["https://", "empty"],
    ["192.168.1.10", "ip_literal"],
    ["10.0.0.1:8080", "ip_literal"],
    ["[::1]", "ip_literal"],
    ["[2001:db8::1]:443", "ip_literal"],
    ["2001:db8::1", "ip_literal"],
    ["127.1", "ip_literal"],
    ["*.example.com", "wildcard"],
    ["portal.*.example.com", "wildcard"],
    ["localhost", "single_label"],
    ["intranet", "single_label"],
    ["portal.localhost", "reserved"],
    ["printer.local", "reserved"],
    ["db.corp.internal", "reserved"],
    ["com", "single_label"],
    ["co.uk", "public_suffix"],
    ["github.io", "public_suffix"],
    ["example.com", "apex"],
    ["acme.co.uk", "apex"],
    ["bücher.de", "apex"],
    ["acme.github.io", "apex"],
    ["tenants.embark.io", "own_zone"],
    ["acme.tenants.embark.io", "own_zone"],
    ["x.y.portal.embark.io", "own_zone"],
    ["PORTAL.EMBARK.IO.", "own_zone"],
    ["-bad.example.com", "invalid"],
    ["bad-.example.com", "invalid"],
    ["has space.example.com", "invalid"],
    ["under_score.example.com", "invalid"],
    ["a..example.com", "invalid"],
    [`${"a".repeat(64)}.example.com`, "invalid"],
  ])("refuses %j (%s)", (input, problem) => {
    const result = normalizePortalDomain(input, { ownZones });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toBe(problem);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });
});
