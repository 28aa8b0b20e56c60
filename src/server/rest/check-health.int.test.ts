import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, db } from "@/server/db";
import { APP_VERSION } from "./app-version";
import { handleHealthRequest } from "./check-health";

/** A port where nothing listens: a database that is down. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A port that accepts connections and never answers: a database that hangs. */
let silent: Server;
const held = new Set<Socket>();
beforeAll(async () => {
  silent = createServer((socket) => {
    held.add(socket);
    socket.on("close", () => held.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

describe("GET /api/health", () => {
  it("answers 200 when the database answers and the queue runs", async () => {
    const res = await handleHealthRequest({ queueHealth: async () => "ok" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", db: "ok", queue: "ok", version: APP_VERSION });
  });

  it("stays healthy when this process runs no queue", async () => {
    const res = await handleHealthRequest({ pingDb: () => db().$queryRaw`SELECT 1`, queueHealth: async () => "disabled" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", queue: "disabled" });
  });

  it("answers 503 naming the database when it is unreachable", async () => {
    const dead = createDb(`postgres://embark:embark@127.0.0.1:${await closedPort()}/embark`);
    try {
      const res = await handleHealthRequest({ pingDb: () => dead.$queryRaw`SELECT 1`, queueHealth: async () => "ok" });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "degraded", db: "down", queue: "ok", version: APP_VERSION });
    } finally {
      await dead.$disconnect();
    }
  });

  it("answers 503 within the timeout when the database hangs", async () => {
    const { port } = silent.address() as { port: number };
    const hung = createDb(`postgres://embark:embark@127.0.0.1:${port}/embark`);
    const started = performance.now();
    try {
      const res = await handleHealthRequest({ pingDb: () => hung.$queryRaw`SELECT 1`, queueHealth: async () => "ok", timeoutMs: 300 });
      expect(res.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(await res.json()).toMatchObject({ db: "down" });
    } finally {
      for (const socket of held) socket.destroy();
      await hung.$disconnect();
    }
  });

  it("answers 503 naming the queue when it is down", async () => {
    const res = await handleHealthRequest({ queueHealth: async () => "down" });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "degraded", db: "ok", queue: "down" });
    const throwing = await handleHealthRequest({
      queueHealth: async () => {
        throw new Error("boss not started");
      },
    });
    expect(await throwing.json()).toMatchObject({ queue: "down" });
  });
});
