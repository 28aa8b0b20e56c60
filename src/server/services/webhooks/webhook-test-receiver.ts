import { EventEmitter, once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { registerSecret } from "../../../../test/support/log-capture";
import { SIGNATURE_HEADER, verifyWebhookSignature, type TSignatureCheck } from "./webhook-signature";

/** One request as the receiver got it, with the result of checking its signature. */
export type TReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string; signature: TSignatureCheck };

/** What the receiver answers to one request. */
export type TReceiverAnswer = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

export type TWebhookTestReceiver = {
  url: string;
  received: TReceivedWebhook[];
  /** The secret requests are checked against; a request that fails the check gets 401. */
  secret: string;
  /** Answers for the next requests, in order; after them, 200 `ok`. */
  answer(...answers: TReceiverAnswer[]): void;
  /** Resolves once `count` requests have arrived in all. */
  waitFor(count: number): Promise<TReceivedWebhook[]>;
  close(): Promise<void>;
};

/**
 * A webhook receiver on 127.0.0.1 and a random port, written the way a
 * customer's would be: it checks `Embark-Signature` against the raw body with
 * verifyWebhookSignature before anything else.
 */
export async function startWebhookTestReceiver(opts: { secret?: string; toleranceSeconds?: number } = {}): Promise<TWebhookTestReceiver> {
  const received: TReceivedWebhook[] = [];
  const arrivals = new EventEmitter<{ request: [] }>();
  const queue: TReceiverAnswer[] = [];
  const state = { secret: opts.secret ?? "" };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
      registerSecret("webhook-secret", state.secret);
      const signature = verifyWebhookSignature({
        secret: state.secret,
        header: typeof header === "string" ? header : null,
        body,
        toleranceSeconds: opts.toleranceSeconds,
      });
      received.push({ path: req.url ?? "/", headers: req.headers, body, signature });
      arrivals.emit("request");
      const answer: TReceiverAnswer = signature.ok ? (queue.shift() ?? { status: 200, body: "ok" }) : { status: 401, body: `bad signature: ${signature.reason}` };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end(answer.body ?? "");
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs).unref();
      else send();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks/embark`,
    received,
    get secret() {
      return state.secret;
    },
    set secret(value: string) {
      state.secret = value;
    },
    answer: (...answers) => void queue.push(...answers),
    async waitFor(count) {
      while (received.length < count) await once(arrivals, "request");
      return received.slice(0, count);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
