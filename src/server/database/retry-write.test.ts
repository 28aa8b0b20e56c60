import { describe, expect, it } from "vitest";
import { retryWrite } from "./retry-write";

const flaky = (failures: number) => {
  let calls = 0;
  const write = async () => {
    calls += 1;
    if (calls <= failures) throw new Error(`connection refused (${calls})`);
    return "written";
  };
  return { write, calls: () => calls };
};

describe("retryWrite", () => {
  it("retries a failing write until it goes through", async () => {
    const w = flaky(3);
    await expect(retryWrite(w.write, { what: "a test row", firstDelayMs: 1 })).resolves.toBe("written");
    expect(w.calls()).toBe(4);
  });

  it("gives up with the last error once its time is spent", async () => {
    const w = flaky(Number.POSITIVE_INFINITY);
    await expect(retryWrite(w.write, { what: "a test row", firstDelayMs: 5, withinMs: 30 })).rejects.toThrow(/connection refused/);
    expect(w.calls()).toBeGreaterThan(1);
  });

  it("stops at once when the job is aborted", async () => {
    const w = flaky(Number.POSITIVE_INFINITY);
    const aborted = AbortSignal.abort();
    await expect(retryWrite(w.write, { what: "a test row", signal: aborted })).rejects.toThrow(/\(1\)/);
    expect(w.calls()).toBe(1);
  });
});
