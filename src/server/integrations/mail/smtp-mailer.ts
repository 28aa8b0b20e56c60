import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/env";

/** One plain-text mail, as the outbox hands it over; `id` is the outbox message id. */
export type TOutgoingMail = { id: string; to: string; subject: string; text: string };

/** Something that delivers mail and reports the Message-ID the server accepted. */
export type TMailer = { send(mail: TOutgoingMail): Promise<{ messageId: string }> };

/** An SMTP mailer for `smtp://` or `smtps://` URLs (credentials in the URL). */
export function createSmtpMailer(opts: { url: string; from: string }): TMailer {
  // The SMTP transport itself, given the URL as an option: handed a URL,
  // createTransport keeps only what the URL says and would drop the timeouts.
  const transport = nodemailer.createTransport(
    new SMTPTransport({
      url: opts.url,
      // Bounded, so a stuck relay fails the attempt well inside the job's expiry.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    }),
  );
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: opts.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // Derived from the outbox id, so a retry after a lost answer carries the
        // same Message-ID and receiving servers can drop the duplicate.
        messageId: `<${mail.id}@${senderDomain(opts.from)}>`,
      });
      return { messageId: String(info.messageId) };
    },
  };
}

const g = globalThis as typeof globalThis & { __embarkMailer?: { key: string; mailer: TMailer } };

/** The configured SMTP mailer, or null when SMTP_URL is not set (mail is then held in the outbox). */
export function mailerFromEnv(): TMailer | null {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return null;
  const key = `${SMTP_URL}\n${MAIL_FROM}`;
  if (g.__embarkMailer?.key !== key) g.__embarkMailer = { key, mailer: createSmtpMailer({ url: SMTP_URL, from: MAIL_FROM }) };
  return g.__embarkMailer.mailer;
}

/** The domain of the sender address, for Message-IDs. */
export function senderDomain(from: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(from);
  return match?.[1] ?? "embark.localhost";
}
