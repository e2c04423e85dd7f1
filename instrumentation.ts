// Next's start-up hook (runs once per server process, before it serves a request). Not on the edge
// runtime, and not while `next build` evaluates the app.
//   - X-Forwarded-For (and -Host, -Proto) believed only from TRUSTED_PROXIES: every request's headers
//     are rewritten before Next.js reads them (lib/http/forwarded-for.ts), so the audit's address and
//     the attempt limits see the real client.
//   - When SMTP is configured, the app process e-mails notifications every 30 s (lib/server/mailer.ts).
//   - Every instance runs the daily digest's scheduler (lib/server/digest.ts) from DIGEST_HOUR
//     (Beijing, default 8): the database sends each user's digest once a day however many run it.
//     DIGEST_DISABLED=1 turns it off (the e2e run, whose notifications the specs read).
//   - Every instance works the screening re-evaluation jobs (lib/server/screening-store.ts): at
//     start-up, every 30 s, and at once after a change that enqueued one; the database hands each
//     chunk to one instance (FOR UPDATE SKIP LOCKED).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { Server } = await import("node:http");
  const { installForwardedHeadersHook } = await import("./lib/http/forwarded-for");
  installForwardedHeadersHook(Server);
  const { prisma } = await import("./lib/db");
  const { startScreeningWorker } = await import("./lib/server/screening-store");
  startScreeningWorker(prisma);
  if (process.env.DIGEST_DISABLED !== "1") {
    const { startDailyDigest } = await import("./lib/server/digest");
    const hour = Number(process.env.DIGEST_HOUR ?? 8);
    startDailyDigest(prisma, { hour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 8 });
  }
  if (!process.env.SMTP_URL) return;
  const { mailConfigFromEnv, startEmailDelivery } = await import("./lib/server/mailer");
  const config = mailConfigFromEnv();
  if (!config) {
    console.warn("[mailer] SMTP_URL is set but MAIL_FROM is not: notifications are not e-mailed.");
    return;
  }
  startEmailDelivery(prisma, config);
  console.log("[mailer] e-mailing notifications every 30 s.");
}
