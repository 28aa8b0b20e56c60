import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/**
 * Next.js hands route handlers a Web `Request` with no socket, and fills
 * `X-Forwarded-For` with the socket address only when the client sent none, so
 * neither tells who connected. Node's `http.server.request.start` channel
 * fires for every request before Next sees it: the subscriber copies the
 * socket's address into a header whose name is random per process, so no
 * client can send a copy of it (one sent under any other name is just a header).
 */
type G = typeof globalThis & { __embarkPeerHeader?: string; __embarkPeerCapture?: boolean };
const g = globalThis as G;

/** The per-process name of the header carrying the connection's address. */
export function peerAddressHeader(): string {
  g.__embarkPeerHeader ??= `x-embark-peer-${randomBytes(12).toString("hex")}`;
  return g.__embarkPeerHeader;
}

/** Starts copying each request's socket address into `peerAddressHeader()`. Idempotent. */
export function capturePeerAddresses(): void {
  if (g.__embarkPeerCapture) return;
  g.__embarkPeerCapture = true;
  const name = peerAddressHeader();
  subscribe("http.server.request.start", (message) => {
    const request = (message as { request?: IncomingMessage }).request;
    const address = request?.socket?.remoteAddress;
    if (!request) return;
    if (address) request.headers[name] = address;
    else delete request.headers[name];
  });
}
