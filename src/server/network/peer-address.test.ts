import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturePeerAddresses, peerAddressHeader } from "./peer-address";

let server: http.Server;
let base: string;
const seen: (string | undefined)[] = [];

beforeAll(async () => {
  capturePeerAddresses();
  server = http.createServer((req, res) => {
    seen.push(req.headers[peerAddressHeader()] as string | undefined);
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("capturePeerAddresses", () => {
  it("hands the request handler the socket's address, whatever the client sent", async () => {
    await fetch(base, { headers: { "x-forwarded-for": "203.0.113.5" } });
    await fetch(base, { headers: { [peerAddressHeader()]: "203.0.113.6" } });
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("names the header randomly per process", () => {
    expect(peerAddressHeader()).toMatch(/^x-embark-peer-[0-9a-f]{24}$/);
  });
});
