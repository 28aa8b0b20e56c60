import { EventEmitter, once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One mail as the test SMTP server received it. */
export type TReceivedMail = {
  mailFrom: string;
  rcptTo: string[];
  headers: Map<string, string>;
  text: string;
  raw: string;
};

export type TSmtpTestServer = {
  url: string;
  received: TReceivedMail[];
  /** Resolves with the first mail to `address`, already received or still to come. */
  mailTo(address: string): Promise<TReceivedMail>;
  /** Refuse recipients with this SMTP answer, or accept them again with null. */
  rejectRecipients(answer: { code: number; message: string } | null): void;
  /**
   * While on, a message's final dot gets no answer: the server holds it until
   * the sender's connection drops (the message is then discarded, as an MTA
   * discards what it never acknowledged) or the hold is turned off (then it
   * is accepted). `held` resolves once `count` messages have been held in all.
   */
  holdMessages(on: boolean): void;
  held(count: number): Promise<void>;
  /** Messages whose sender went away before the server acknowledged them. */
  dropped: TReceivedMail[];
  close(): Promise<void>;
};

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 and a random
 * port, for tests of the mail path. Plain text, no TLS, any credentials.
 */
export async function startSmtpTestServer(): Promise<TSmtpTestServer> {
  const received: TReceivedMail[] = [];
  const arrivals = new EventEmitter<{ mail: [TReceivedMail] }>();
  let rejection: { code: number; message: string } | null = null;
  const dropped: TReceivedMail[] = [];
  const hold = { on: false, count: 0 };
  const holds = new EventEmitter<{ held: []; release: [] }>();
  const closed = new EventEmitter<{ [session: string]: [] }>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onClose(session) {
      closed.emit(session.id);
    },
    onRcptTo(_address, _session, callback) {
      if (!rejection) return callback();
      const err = Object.assign(new Error(rejection.message), { responseCode: rejection.code });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: TReceivedMail = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(raw),
          raw,
        };
        const accept = () => {
          received.push(mail);
          arrivals.emit("mail", mail);
          callback();
        };
        if (!hold.on) return accept();
        hold.count += 1;
        holds.emit("held");
        const release = () => {
          closed.off(session.id, drop);
          accept();
        };
        const drop = () => {
          holds.off("release", release);
          dropped.push(mail);
        };
        holds.once("release", release);
        closed.once(session.id, drop);
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    mailTo(address) {
      const seen = received.find((m) => m.rcptTo.includes(address));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const listener = (mail: TReceivedMail) => {
          if (!mail.rcptTo.includes(address)) return;
          arrivals.off("mail", listener);
          resolve(mail);
        };
        arrivals.on("mail", listener);
      });
    },
    rejectRecipients(answer) {
      rejection = answer;
    },
    holdMessages(on) {
      hold.on = on;
      if (!on) holds.emit("release");
    },
    async held(count) {
      while (hold.count < count) await once(holds, "held");
    },
    dropped,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseMessage(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  let text = raw.slice(split + 4).replace(/\r\n$/, "");
  if (headers.get("content-transfer-encoding")?.toLowerCase() === "quoted-printable") {
    text = text
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return { headers, text: text.replace(/\r\n/g, "\n") };
}
