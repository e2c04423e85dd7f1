import "server-only";
import { subDays } from "date-fns";
import { createTranslator } from "next-intl";
import nodemailer, { type Transporter } from "nodemailer";
import type { PrismaClient } from "../generated/prisma/client";
import { defaultLocale, isLocale, timeZone } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { startRounds } from "./rounds";

// E-mail copies of the in-app notifications, when SMTP is configured (SMTP_URL, MAIL_FROM). The
// notification rows are the outbox: a round picks those not yet e-mailed (emailedAt null) whose user
// has an address, sends each and stamps emailedAt; a failed send leaves the row as it was, so the next
// round tries again and nothing is lost. Each app instance runs the rounds (instrumentation.ts): a
// row is claimed (emailedAt stamped where still null) before it is sent, so two instances never send
// the same row (the daily digest goes out once); a failed send un-stamps it for the next round. A
// crash between the claim and the send loses that one mail rather than sending it twice.

export interface MailConfig {
  /** smtp://user:pass@host:587 or smtps://…:465 (nodemailer's connection URL). */
  url: string;
  /** The sender, e.g. "医师选派平台 <noreply@example.org>". */
  from: string;
  /** The app's public URL, to turn a notification's link into an absolute one. */
  appUrl?: string;
}

/** SMTP settings from the environment, or null when e-mail is not configured. */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const url = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim();
  if (!url || !from) return null;
  return { url, from, appUrl: env.NEXTAUTH_URL?.trim() || undefined };
}

export function createMailTransport(config: MailConfig): Transporter {
  return nodemailer.createTransport(config.url);
}

/** Rows older than this are not e-mailed any more (an outage's backlog is not sent days late). */
export const EMAIL_MAX_AGE_DAYS = 7;
export const EMAIL_BATCH = 50;

/** nodemailer's codes for a fault of the connection or the login, not of one message. */
const SERVER_FAULTS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "EAUTH", "ETLS"]);

export interface DeliveryResult {
  sent: number;
  failed: number;
}

async function renderEmail(locale: string, row: { title: string; body: string; link: string | null }, appUrl: string | undefined): Promise<string> {
  const lang = isLocale(locale) ? locale : defaultLocale;
  const t = createTranslator({ locale: lang, messages: await loadMessages(lang), timeZone, namespace: "notifications.email" });
  const lines = [row.body];
  if (row.link && appUrl) lines.push("", t("footer" as never, { url: new URL(row.link, appUrl).toString() } as never));
  lines.push("", "—", t("signature" as never));
  return lines.join("\n");
}

/** One round: sends up to EMAIL_BATCH pending notifications, oldest first; failures stay pending. */
export async function deliverPendingEmails(
  db: PrismaClient,
  options: { config?: MailConfig | null; transport?: Transporter; now?: Date } = {},
): Promise<DeliveryResult> {
  const config = options.config === undefined ? mailConfigFromEnv() : options.config;
  if (!config) return { sent: 0, failed: 0 };
  const transport = options.transport ?? createMailTransport(config);
  const now = options.now ?? new Date();
  const rows = await db.notification.findMany({
    where: { emailedAt: null, createdAt: { gte: subDays(now, EMAIL_MAX_AGE_DAYS) }, user: { isActive: true, email: { not: null, contains: "@" } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: EMAIL_BATCH,
    select: { id: true, title: true, body: true, link: true, user: { select: { email: true, locale: true } } },
  });
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (const row of rows) {
    const claimed = await db.notification.updateMany({ where: { id: row.id, emailedAt: null }, data: { emailedAt: new Date() } });
    if (claimed.count === 0) continue; // another instance took it
    try {
      await transport.sendMail({ from: config.from, to: row.user.email!, subject: row.title, text: await renderEmail(row.user.locale, row, config.appUrl) });
      result.sent += 1;
    } catch (error) {
      await db.notification.update({ where: { id: row.id }, data: { emailedAt: null } });
      result.failed += 1;
      console.error(`[mailer] notification ${row.id} not sent; retried next round:`, error instanceof Error ? error.message : error);
      // The server is unreachable or refuses us: the rest of the batch would fail the same way.
      if (SERVER_FAULTS.has((error as { code?: string }).code ?? "")) break;
    }
  }
  return result;
}

/** Runs a round every `intervalMs` (never two at once); returns a stop function. */
export function startEmailDelivery(db: PrismaClient, config: MailConfig, intervalMs = 30_000): () => void {
  const transport = createMailTransport(config);
  return startRounds("mailer", intervalMs, async () => {
    await deliverPendingEmails(db, { config, transport });
  });
}
