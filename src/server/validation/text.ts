import { z } from "zod";

/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What Postgres would refuse in this text, or undefined: a NUL character
 * (`text` cannot hold one, 22021) or UTF-16 that is not Unicode, an unpaired
 * surrogate (22P05).
 */
export function textProblem(value: string): string | undefined {
  if (value.includes("\u0000")) return "must not contain the NUL character (\\u0000)";
  if (UNPAIRED_SURROGATE.test(value)) return "must be valid Unicode text (it holds an unpaired surrogate)";
  return undefined;
}

/**
 * A string input: every schema that takes text from a caller builds it with
 * this, so text Postgres cannot store is a 400 naming the field, never a 500.
 * Chain `.trim()`, `.min()`, `.max()`, `.regex()` as on `z.string()`.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).check((ctx) => {
    const problem = textProblem(ctx.value);
    if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value });
  });
}

/**
 * `value` cut to at most `max` UTF-16 units, ending in an ellipsis when cut.
 * Never splits a surrogate pair, so the result stays storable.
 */
export function truncateText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}
