import { z } from "zod";
import { textProblem } from "./text";

/** Limits for free-form JSON from callers (trace `data`, callback `outputs`, step results). */
export const JSON_LIMITS = {
  /** Deeper nesting is refused before anything recurses over it (Prisma's serializer would overflow the stack). */
  maxDepth: 32,
  /** Default size cap of one field, as UTF-8 bytes of its JSON; above what Embark's own events quote (16 kB of callback `outputs`). */
  maxBytes: 32_000,
} as const;

type TProblem = { path: (string | number)[]; message: string };

/**
 * The first thing in `value` a free-form JSON field may not hold: nesting past
 * `maxDepth`, or a key or string Postgres cannot store. Iterative, so a
 * hostile depth cannot overflow the stack here either.
 */
export function jsonProblem(value: unknown, maxDepth: number = JSON_LIMITS.maxDepth): TProblem | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop()!;
    if (typeof node === "string") {
      const problem = textProblem(node);
      if (problem) return { path, message: problem };
      continue;
    }
    if (typeof node !== "object" || node === null) continue;
    if (path.length >= maxDepth) return { path, message: `must not nest deeper than ${maxDepth} levels` };
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      const keyProblem = typeof key === "string" ? textProblem(key) : undefined;
      if (keyProblem) return { path: [...path, key], message: `key ${keyProblem}` };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/** A check for any schema holding free-form JSON: depth, storable text, and size. */
export function jsonLimits(opts: { maxBytes?: number; maxDepth?: number } = {}): z.core.CheckFn<unknown> {
  const maxBytes = opts.maxBytes ?? JSON_LIMITS.maxBytes;
  return (ctx) => {
    const problem = jsonProblem(ctx.value, opts.maxDepth);
    if (problem) {
      ctx.issues.push({ code: "custom", message: problem.message, path: problem.path, input: ctx.value });
      return;
    }
    if (Buffer.byteLength(JSON.stringify(ctx.value) ?? "") > maxBytes) {
      ctx.issues.push({ code: "custom", message: `must be at most ${maxBytes} bytes of JSON`, input: ctx.value });
    }
  };
}

/** A free-form JSON object from a caller, within {@link JSON_LIMITS}. */
export function jsonObject(opts: { maxBytes?: number } = {}) {
  return z.record(z.string(), z.unknown()).check(jsonLimits(opts));
}
