import type { TJobHandler } from "@/jobs/define-job";
import { mailerFromEnv, type TMailer } from "@/server/integrations/mail/smtp-mailer";
import { deliverOutboxMessage } from "@/server/services/outbox/deliver-outbox-message";
import type { TMailSendPayload } from "./send";

/** Builds the handler around a mailer source, so tests can point it at their own SMTP server. */
export function createMailSendHandler(deps: { mailer: () => TMailer | null }): TJobHandler<TMailSendPayload> {
  return async (payload, ctx) => {
    await deliverOutboxMessage({ id: payload.messageId, isLastAttempt: ctx.isLastAttempt, mailer: deps.mailer(), signal: ctx.signal });
  };
}

export default createMailSendHandler({ mailer: mailerFromEnv });
