import { describe, expect, it } from "vitest";
import {
  INSTALL_CODE_ALPHABET,
  INSTALL_CODE_ENTROPY_BITS,
  checkCharacter,
  generateInstallCode,
  parseInstallCode,
} from "./install-code-format";

describe("install code format", () => {
  it("carries at least 50 bits and no ambiguous characters", () => {
    expect(INSTALL_CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(50);
    for (const c of "ILOU") expect(INSTALL_CODE_ALPHABET).not.toContain(c);
  });

  it("generates grouped codes that parse back to themselves", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const code = generateInstallCode();
      expect(code.formatted).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseInstallCode(code.formatted)).toEqual({ ok: true, normalised: code.normalised, prefix: code.normalised.slice(0, 4) });
      seen.add(code.normalised);
    }
    expect(seen.size).toBe(200);
  });

  it("reads lower case, spaces and the look-alikes O, I, L", () => {
    const body = "0001100110A";
    const code = body + checkCharacter(body);
    const typed = ` ${code.slice(0, 4).replace(/0/g, "o")} ${code.slice(4, 8).replace(/1/g, "l")}-${code.slice(8).toLowerCase()} `;
    expect(parseInstallCode(typed)).toMatchObject({ ok: true, normalised: code });
  });

  it("catches every single-character typo with the check character", () => {
    const { normalised } = generateInstallCode();
    for (let i = 0; i < normalised.length; i++) {
      for (const c of INSTALL_CODE_ALPHABET) {
        if (c === normalised[i]) continue;
        const typo = normalised.slice(0, i) + c + normalised.slice(i + 1);
        expect(parseInstallCode(typo)).toEqual({ ok: false, problem: "check" });
      }
    }
  });

  it("catches swapped neighbours", () => {
    const body = "ABCDEFGHJKM";
    const code = body + checkCharacter(body);
    const swapped = code.slice(1, 2) + code.slice(0, 1) + code.slice(2);
    expect(parseInstallCode(swapped)).toEqual({ ok: false, problem: "check" });
  });

  it.each(["", "ABCD-EFGH", "ABCD-EFGH-JKMN-P", "ABCD-EFGH-JK*N", "ÄBCD-EFGH-JKMN"])("refuses %j as not a code", (typed) => {
    expect(parseInstallCode(typed)).toEqual({ ok: false, problem: "format" });
  });
});
