import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dashboard = path.join(import.meta.dirname, "(dashboard)");

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(path.join(dir, e.name)) : e.name === "page.tsx" ? [path.join(dir, e.name)] : [],
  );
}

describe("/cp pages", () => {
  it("each checks the principal itself, first thing, with requireOperator", () => {
    const found = pages(dashboard);
    expect(found.length).toBeGreaterThan(10);
    const unchecked = found.filter((file) => {
      const source = readFileSync(file, "utf8");
      const body = /export default async function \w+\([^)]*\)[^{]*\{\n(.*)\n/.exec(source);
      return !body || !/await requireOperator\(/.test(body[1]!);
    });
    expect(unchecked.map((f) => path.relative(dashboard, f))).toEqual([]);
  });
});
