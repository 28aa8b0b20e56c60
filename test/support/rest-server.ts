import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { reloadEnv } from "../../src/env";
import { handleRestRequest } from "../../src/server/rest/handle-rest-request";
import { registerSecretsInBody, registerSecretsInHeaders } from "./log-capture";

export type TRestServer = { url: string; close(): Promise<void> };

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  // Callers (the local runner) send callback tokens and keys: the log scan looks for them.
  registerSecretsInHeaders(headers);
  registerSecretsInBody(body);
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const body = Buffer.from(await response.arrayBuffer());
  registerSecretsInBody(body);
  res.end(body);
}

/**
 * Serves the REST surface (/v1, /internal, /api/v1) on 127.0.0.1 over real
 * HTTP, for tests of callers that speak HTTP to Embark, such as the local
 * runner. It points EMBARK_PUBLIC_URL at itself. `extraRoutes` answers
 * other paths through the same bridge (a benchmark's trivial baseline, or
 * another fetch handler such as tRPC's).
 */
export async function startRestServer(
  opts: { extraRoutes?: Record<string, (request: Request) => Response | Promise<Response>> } = {},
): Promise<TRestServer> {
  let base = "";
  const server = createServer((req, res) => {
    toRequest(req, base)
      .then((request) => opts.extraRoutes?.[new URL(request.url).pathname]?.(request) ?? handleRestRequest(request))
      .then((response) => send(res, response))
      .catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.EMBARK_PUBLIC_URL = base;
  reloadEnv();
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
