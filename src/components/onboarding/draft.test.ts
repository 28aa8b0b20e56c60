import { describe, expect, it } from "vitest";
import { emptyDraft, parseDraft } from "./draft";

const defaults = { region: "sg", regions: ["sg", "us", "eu"] };

describe("parseDraft", () => {
  it("reads back what was written", () => {
    const draft = { step: "plan", email: "a@b.co", platformName: "Acme", slug: "acme", slugEdited: true, region: "eu", tier: "growth" };
    expect(parseDraft(JSON.stringify(draft), defaults)).toEqual(draft);
  });

  it("falls back field by field on anything unexpected", () => {
    expect(parseDraft(null, defaults)).toEqual(emptyDraft("sg"));
    expect(parseDraft("not json", defaults)).toEqual(emptyDraft("sg"));
    expect(parseDraft(JSON.stringify({ step: "done", region: "mars", tier: "gold", email: 42, slugEdited: "yes" }), defaults)).toEqual(
      emptyDraft("sg"),
    );
  });

  it("has no place for a one-time code", () => {
    const parsed = parseDraft(JSON.stringify({ step: "code", email: "a@b.co", code: "123456", otp: "123456" }), defaults);
    expect(JSON.stringify(parsed)).not.toContain("123456");
  });
});
