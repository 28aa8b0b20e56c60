import http from "node:http";
import type { Duplex } from "node:stream";
import { errorBody } from "@/server/errors";
import { isReadableRouterState } from "./router-state";

/** The methods Next.js serves; it cannot even build a Request for others (TRACE, CONNECT, TRACK throw). */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const SERVED = new Set<string>(SERVED_METHODS);

export type TGuardVerdict = { status: number; code: string; message: string; headers?: Record<string, string> };

/** True when every segment of the path decodes to UTF-8 (Next.js answers a bare 500 otherwise). */
export function isDecodablePath(path: string): boolean {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when a segment of the path is `.` or `..` (also percent-encoded).
 * Browsers resolve them before sending; a raw one would move a request out
 * of the API prefixes after the fact, so it is refused instead.
 */
export function hasDotSegment(path: string): boolean {
  const start = path.indexOf("://") === -1 ? 0 : path.indexOf("/", path.indexOf("://") + 3);
  return path
    .slice(Math.max(start, 0))
    .split("/")
    .some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * Why a request cannot reach Next.js, or undefined when it can. Next answers
 * these with a plain-text 500 (and a logged stack trace): an unsupported method
 * or an undecodable path before the proxy or any route runs, a router-state
 * header it cannot parse (which the proxy never sees) when a page renders. So
 * they are answered here, as JSON errors.
 */
export function guardVerdict(
  method: string,
  url: string,
  routerState?: string | string[],
): TGuardVerdict | undefined {
  if (!SERVED.has(method)) {
    return {
      status: 405,
      code: "METHOD_NOT_ALLOWED",
      message: `The ${method} method is not supported`,
      headers: { allow: SERVED_METHODS.join(", ") },
    };
  }
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!isDecodablePath(path)) {
    return { status: 400, code: "BAD_REQUEST", message: "The request path is not valid percent-encoded UTF-8" };
  }
  if (hasDotSegment(path)) {
    return { status: 400, code: "BAD_REQUEST", message: "The request path must not contain . or .. segments" };
  }
  if (routerState !== undefined && (Array.isArray(routerState) || !isReadableRouterState(routerState))) {
    return { status: 400, code: "BAD_REQUEST", message: "The next-router-state-tree header is malformed" };
  }
  return undefined;
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, verdict: TGuardVerdict): void {
  const body = JSON.stringify(errorBody(verdict.code, verdict.message));
  res.writeHead(verdict.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...verdict.headers,
  });
  res.end(body);
  // Whatever body the request carries is read and dropped, so the connection stays usable.
  req.resume();
}

/**
 * The answer to a request Node's HTTP parser refused (an unknown method, a
 * head over 16 kB, garbage), which no route ever sees; Node's own answer
 * has no body.
 */
export function clientErrorVerdict(code: string | undefined): TGuardVerdict {
  if (code === "HPE_INVALID_METHOD") {
    return { status: 405, code: "METHOD_NOT_ALLOWED", message: "The method is not supported", headers: { allow: SERVED_METHODS.join(", ") } };
  }
  if (code === "HPE_HEADER_OVERFLOW") return { status: 431, code: "BAD_REQUEST", message: "The request line and headers exceed 16 kB" };
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return { status: 408, code: "BAD_REQUEST", message: "The request took too long to arrive" };
  return { status: 400, code: "BAD_REQUEST", message: "The request is not valid HTTP/1.1" };
}

function answerSocket(socket: Duplex, verdict: TGuardVerdict): void {
  const body = JSON.stringify(errorBody(verdict.code, verdict.message));
  const head = [
    `HTTP/1.1 ${verdict.status} ${http.STATUS_CODES[verdict.status] ?? "Error"}`,
    "content-type: application/json",
    `content-length: ${Buffer.byteLength(body)}`,
    "cache-control: no-store",
    "connection: close",
    ...Object.entries(verdict.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}

const INSTALLED = Symbol.for("embark.requestGuard");

/**
 * Puts {@link guardVerdict} in front of every HTTP server in this process
 * (Next.js creates its own, so the check wraps `emit("request")`), and
 * answers what Node's parser refuses (`clientError`) with JSON too.
 * Idempotent; called once from instrumentation.
 */
export function installRequestGuard(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "clientError") {
      const [err, socket] = args as [NodeJS.ErrnoException, Duplex];
      if (socket.writable && err.code !== "ECONNRESET") answerSocket(socket, clientErrorVerdict(err.code));
      else socket.destroy();
      return true;
    }
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const verdict = guardVerdict(req.method ?? "GET", req.url ?? "/", req.headers["next-router-state-tree"]);
      if (verdict) {
        answer(req, res, verdict);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };
}
