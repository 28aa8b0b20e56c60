import { describe, expect, it } from "vitest";
import { routeMethods } from "./route-methods";

describe("routeMethods", () => {
  const handlers = routeMethods({ GET: () => Response.json({ ok: true }) });

  it("serves the given methods", async () => {
    expect(await (await handlers.GET(new Request("http://x/api/health"))).json()).toEqual({ ok: true });
  });

  it("answers the others with a JSON 405 naming what is allowed", async () => {
    const res = await handlers.DELETE(new Request("http://x/api/health", { method: "DELETE" }));
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await res.json()).toEqual({
      error: { code: "METHOD_NOT_ALLOWED", message: "DELETE is not allowed here", details: { allowed: ["GET"] } },
    });
  });

  it("answers OPTIONS with the same Allow", async () => {
    const res = await handlers.OPTIONS(new Request("http://x/api/health", { method: "OPTIONS" }));
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });
});
