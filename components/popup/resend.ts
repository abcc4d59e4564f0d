import type { request } from '../../lib/messaging/client';

/** No answer this long after a read was sent: send it again (a cold start with 10,000 papers answers in ~1 s). */
export const RESEND_AFTER_MS = 2_000;
const MAX_SENDS = 3;

/**
 * `send` for reads, sending a request again when no answer has come after a while. Chromium now and then
 * never delivers the reply to a request an extension page sends while it loads, though the worker got it
 * and answered (seen in bench:popup: a popup opened right after another closed, or while the worker
 * restarts, waited forever on "Loading saved papers…"). Reads are idempotent: the first answer wins, later
 * ones are dropped.
 */
export function resendingUnanswered(send: typeof request, resendAfterMs = RESEND_AFTER_MS): typeof request {
  return (type, payload) =>
    new Promise((resolve) => {
      let answered = false;
      let sends = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const attempt = () => {
        sends++;
        void send(type, payload).then((reply) => {
          if (answered) return;
          answered = true;
          clearTimeout(timer);
          resolve(reply);
        });
        if (sends < MAX_SENDS) timer = setTimeout(attempt, resendAfterMs * sends);
      };
      attempt();
    });
}
