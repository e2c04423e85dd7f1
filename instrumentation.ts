// Next's start-up hook (runs once per server process, before it serves a request). Not on the edge
// runtime, and not while `next build` evaluates the app.
//   - X-Forwarded-For (and -Host, -Proto) believed only from TRUSTED_PROXIES: every request's headers
//     are rewritten before Next.js reads them (lib/http/forwarded-for.ts), so the audit's address and
//     the attempt limits see the real client.
//   - When SMTP is configured, the app process e-mails notifications every 30 s (lib/server/mailer.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { Server } = await import("node:http");
  const { installForwardedHeadersHook } = await import("./lib/http/forwarded-for");
  installForwardedHeadersHook(Server);
  if (!process.env.SMTP_URL) return;
  const { mailConfigFromEnv, startEmailDelivery } = await import("./lib/server/mailer");
  const { prisma } = await import("./lib/db");
  const config = mailConfigFromEnv();
  if (!config) {
    console.warn("[mailer] SMTP_URL is set but MAIL_FROM is not: notifications are not e-mailed.");
    return;
  }
  startEmailDelivery(prisma, config);
  console.log("[mailer] e-mailing notifications every 30 s.");
}
