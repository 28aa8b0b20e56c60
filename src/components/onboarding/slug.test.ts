import { describe, expect, it } from "vitest";
import { friendlyMessage, normalizeSlugInput, slugFromName } from "./slug";

describe("slugFromName", () => {
  it("makes a lowercase DNS label of a name", () => {
    expect(slugFromName("Acme Robotics")).toBe("acme-robotics");
    expect(slugFromName("  Café Olé & Co. ")).toBe("cafe-ole-co");
    expect(slugFromName("--Hello__World--")).toBe("hello-world");
    expect(slugFromName("日本")).toBe("");
  });

  it("stays within 40 characters and never ends on a hyphen", () => {
    const slug = slugFromName(`${"a".repeat(39)} b c`);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("normalizeSlugInput", () => {
  it("lowercases and turns spaces into hyphens, leaving other characters for the check", () => {
    expect(normalizeSlugInput("My Shop")).toBe("my-shop");
    expect(normalizeSlugInput("Bad_Slug")).toBe("bad_slug");
  });
});

describe("friendlyMessage", () => {
  it("words field names and ends with a full stop", () => {
    expect(friendlyMessage("subdomain_slug must be at least 3 characters")).toBe("The subdomain must be at least 3 characters.");
    expect(friendlyMessage("this subdomain is taken")).toBe("This subdomain is taken.");
    expect(friendlyMessage("platformName must be at least 2 characters")).toBe("The platform name must be at least 2 characters.");
    expect(friendlyMessage("Payments are not configured (STRIPE_SECRET_KEY)")).toBe("Payments are not configured (STRIPE_SECRET_KEY)");
  });
});
