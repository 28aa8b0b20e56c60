import { randomFrom } from "@/server/services/shared/random-id";

/**
 * Install codes as people type them: `XXXX-XXXX-XXXX`, 11 random characters
 * (55 bits) from Crockford's base 32 in upper case (no I, L, O or U) and a
 * Luhn mod 32 check character last, which catches every single mistyped
 * character and most swapped neighbours before any lookup.
 */
export const INSTALL_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const INSTALL_CODE_RANDOM_CHARS = 11;
export const INSTALL_CODE_LENGTH = INSTALL_CODE_RANDOM_CHARS + 1;
const GROUP = 4;
const N = INSTALL_CODE_ALPHABET.length;

/** Bits of entropy of one code. */
export const INSTALL_CODE_ENTROPY_BITS = INSTALL_CODE_RANDOM_CHARS * Math.log2(N);

function luhnSum(chars: string, startFactor: 1 | 2): number {
  let factor = startFactor;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    let addend = factor * INSTALL_CODE_ALPHABET.indexOf(chars[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return sum;
}

/** The check character of the random part. */
export function checkCharacter(randomPart: string): string {
  return INSTALL_CODE_ALPHABET[(N - (luhnSum(randomPart, 2) % N)) % N]!;
}

/** Groups a normalised code for display: `ABCD-EFGH-JKMN`. */
export function formatInstallCode(normalised: string): string {
  return normalised.match(new RegExp(`.{1,${GROUP}}`, "g"))!.join("-");
}

/** A fresh code, normalised (no dashes) and formatted. */
export function generateInstallCode(): { normalised: string; formatted: string } {
  const randomPart = randomFrom(INSTALL_CODE_ALPHABET, INSTALL_CODE_RANDOM_CHARS);
  const normalised = randomPart + checkCharacter(randomPart);
  return { normalised, formatted: formatInstallCode(normalised) };
}

export type TParsedInstallCode =
  | { ok: true; normalised: string; prefix: string }
  | { ok: false; problem: "format" | "check" };

/**
 * Reads what someone typed: case, spaces and dashes do not matter, and the
 * look-alikes O, I and L read as 0, 1 and 1. `check` means a typo the check
 * character caught; `format` a value that is not a code at all.
 */
export function parseInstallCode(typed: string): TParsedInstallCode {
  const normalised = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (normalised.length !== INSTALL_CODE_LENGTH || [...normalised].some((c) => !INSTALL_CODE_ALPHABET.includes(c))) {
    return { ok: false, problem: "format" };
  }
  if (luhnSum(normalised, 1) % N !== 0) return { ok: false, problem: "check" };
  return { ok: true, normalised, prefix: normalised.slice(0, GROUP) };
}
