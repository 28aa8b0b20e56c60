import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleTrpcRequest } from "../../src/server/trpc/handle-trpc-request";
import { registerSecretsInBody, registerSecretsInHeaders } from "./log-capture";

export type TTrpcServer = { url: string; close(): Promise<void> };

/** Bridges node:http to the fetch handler the app route serves. */
async function forward(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  registerSecretsInHeaders(headers);
  if (hasBody) registerSecretsInBody(Buffer.concat(chunks));
  const response = await handleTrpcRequest(
    new Request(`${origin}${req.url}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  const body = Buffer.from(await response.arrayBuffer());
  registerSecretsInBody(body);
  res.end(body);
}

/**
 * Serves `/api/trpc` on 127.0.0.1 over real HTTP, for tests of the typed
 * client. `onRequest` sees each incoming request first.
 */
export async function startTrpcServer(opts: { onRequest?: (req: IncomingMessage) => void } = {}): Promise<TTrpcServer> {
  let url = "";
  const server = createServer((req, res) => {
    opts.onRequest?.(req);
    forward(req, res, url).catch((err: unknown) => {
      res.statusCode = 502;
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
