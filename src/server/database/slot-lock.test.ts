import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireSlot } from "./slot-lock";

let base: string;
beforeEach(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "embark-slots-"));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("acquireSlot", () => {
  it("gives concurrent holders different slots and reuses a released one", async () => {
    const [a, b] = await Promise.all([acquireSlot(base), acquireSlot(base)]);
    expect(new Set([a.index, b.index])).toEqual(new Set([0, 1]));
    expect(await readFile(path.join(base, `${a.index}.lock`), "utf8")).toBe(`${process.pid}\n`);
    await a.release();
    const c = await acquireSlot(base);
    expect(c.index).toBe(a.index);
    expect(c.dir).toBe(path.join(base, String(a.index)));
  });

  it("takes over a slot whose holder died", async () => {
    const child = spawn("true");
    await once(child, "exit");
    await writeFile(path.join(base, "0.lock"), `${child.pid}\n`);
    expect((await acquireSlot(base)).index).toBe(0);
  });

  it("fails clearly when every slot is held by a live process", async () => {
    await acquireSlot(base, 1);
    await expect(acquireSlot(base, 1)).rejects.toThrow(/All 1 slots under .* are in use/);
  });
});
