import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "./embedded";
import { isProcessAlive } from "./process-liveness";
import { queryRows } from "../../../test/support/query";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const postmasterPid = async (dataDir: string) => Number((await readFile(path.join(dataDir, "pgdata", "postmaster.pid"), "utf8")).split("\n")[0]);

/** A pid that no process has any more. */
async function deadPid(): Promise<number> {
  const child = spawn("true");
  await once(child, "exit");
  return child.pid!;
}

describe("startEmbeddedPostgres", () => {
  let dataDir: string;
  let server: TEmbeddedPostgres | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "embark-embedded-"));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("initialises a cluster, creates the embark database and answers queries", async () => {
    server = await startEmbeddedPostgres({ dataDir, noSync: true });
    expect(server.url).toMatch(new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${server.port}/embark$`));
    expect(server.attached).toBe(false);
    await queryRows(server.url, "CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('from the first start')");
    const password = await stat(path.join(dataDir, "pg-password"));
    expect(password.mode & 0o777).toBe(0o600);
    expect(server.url).toContain(encodeURIComponent((await readFile(path.join(dataDir, "pg-password"), "utf8")).trim()));
  });

  it("attaches to the running cluster instead of starting it twice, and leaves it running", async () => {
    const second = await startEmbeddedPostgres({ dataDir, noSync: true });
    expect(second).toMatchObject({ attached: true, port: server!.port, url: server!.url });
    await second.stop();
    expect(await queryRows(server!.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("stops cleanly, then starts again on the same data without a new initdb", async () => {
    const pid = await postmasterPid(dataDir);
    const versionFile = await stat(path.join(dataDir, "pgdata", "PG_VERSION"));
    await server!.stop();
    expect(await isProcessAlive(pid)).toBe(false);
    await expect(stat(path.join(dataDir, "pgdata", "postmaster.pid"))).rejects.toThrow(/ENOENT/);

    server = await startEmbeddedPostgres({ dataDir, noSync: true });
    expect(await queryRows(server.url, "SELECT v FROM kept")).toEqual([{ v: "from the first start" }]);
    expect((await stat(path.join(dataDir, "pgdata", "PG_VERSION"))).ino).toBe(versionFile.ino);
  });

  it("starts over a stale postmaster.pid left by a crash", async () => {
    await server!.stop();
    const pidFile = path.join(dataDir, "pgdata", "postmaster.pid");
    await writeFile(pidFile, `${await deadPid()}\n${path.join(dataDir, "pgdata")}\n0\n5432\n\n127.0.0.1\n0 0\nready\n`);
    server = await startEmbeddedPostgres({ dataDir, noSync: true });
    expect(await queryRows(server.url, "SELECT v FROM kept")).toEqual([{ v: "from the first start" }]);
  });

  it("shuts down a cluster orphaned by a killed process and starts its own", async () => {
    await server!.stop();
    server = undefined;
    // Node itself with tsx's loader (the tsx binary would put a wrapper process in between).
    const fixture = path.join(root, "test/support/fixtures/start-embedded-postgres.ts");
    const child = spawn(process.execPath, ["--import", "tsx", fixture, dataDir], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
    const orphan = JSON.parse(line) as { url: string };
    const orphanPid = await postmasterPid(dataDir);
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(await isProcessAlive(orphanPid)).toBe(true);

    server = await startEmbeddedPostgres({ dataDir, noSync: true });
    expect(server.attached).toBe(false);
    expect(await isProcessAlive(orphanPid)).toBe(false);
    expect(await postmasterPid(dataDir)).not.toBe(orphanPid);
    expect(orphan.url).toContain("/embark");
    expect(await queryRows(server.url, "SELECT v FROM kept")).toEqual([{ v: "from the first start" }]);
  });

  it("refuses a taken port with a message naming it", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const other = await mkdtemp(path.join(os.tmpdir(), "embark-embedded-port-"));
      try {
        await expect(startEmbeddedPostgres({ dataDir: other, port, noSync: true })).rejects.toThrow(
          new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`),
        );
      } finally {
        await rm(other, { recursive: true, force: true });
      }
    } finally {
      blocker.close();
    }
  });
});
