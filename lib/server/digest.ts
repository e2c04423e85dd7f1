import "server-only";
import { createTranslator } from "next-intl";
import { dayDate } from "../domain/service-period";
import type { PrismaClient } from "../generated/prisma/client";
import type { StageKind } from "../generated/prisma/enums";
import { defaultLocale, isLocale, timeZone, type Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { deadlineFormat, inboxItemLabel } from "../inbox-labels";
import { shanghaiToday } from "./allowance-schedule";
import { loadInbox, type Inbox } from "./inbox";
import { buildScope } from "./organization-tree";
import { startRounds } from "./rounds";

// The daily digest: once a Beijing calendar day, each active user with something waiting gets the
// inbox (lib/server/inbox.ts) as one notification in their language; with SMTP configured the
// mailer (lib/server/mailer.ts) e-mails it like every notification (the rows are the outbox).
//
// Once, never twice, however many runners: every user considered gets a DigestRun row for the day
// (unique userId + day), inserted with ON CONFLICT DO NOTHING in the same transaction as the
// notification. A second runner's insert waits on the first's uncommitted row, then finds the
// conflict and writes nothing; if the first rolls back, the second's insert goes through instead.
// Users with nothing waiting get the row too (itemCount 0, no notification), so later rounds of the
// day skip them without counting their inbox again.

export interface DigestResult {
  day: string;
  /** Users whose digest this runner sent (a notification written). */
  sent: number;
  /** Users this runner considered with nothing waiting. */
  empty: number;
  /** Users another runner had already taken for the day. */
  skipped: number;
}

const BATCH = 100;

/** One round for the Beijing day of `now`: every active user not yet considered today. */
export async function runDailyDigest(db: PrismaClient, options: { now?: Date } = {}): Promise<DigestResult> {
  const now = options.now ?? new Date();
  const day = shanghaiToday(now);
  const result: DigestResult = { day, sent: 0, empty: 0, skipped: 0 };
  let cursor: string | undefined;
  for (;;) {
    const users = await db.user.findMany({
      where: { isActive: true, digestRuns: { none: { day: dayDate(day) } }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, role: true, organizationId: true, doctorId: true, displayName: true, locale: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const user of users) {
      const inbox = await loadInbox(db, await buildScope(db, user), now);
      const outcome = await sendOne(db, user, day, inbox);
      result[outcome] += 1;
    }
    if (users.length < BATCH) return result;
    cursor = users.at(-1)!.id;
  }
}

async function sendOne(db: PrismaClient, user: { id: string; displayName: string; locale: string }, day: string, inbox: Inbox): Promise<"sent" | "empty" | "skipped"> {
  const text = inbox.total > 0 ? await renderDigest(isLocale(user.locale) ? user.locale : defaultLocale, user.displayName, inbox) : null;
  return db.$transaction(async (tx) => {
    // The id is made of the user and the day, so a second runner collides on the primary key as well as on
    // (userId, day); naming only the latter let the key's violation escape as an error when two runners
    // inserted at the same moment (CI, under load). Any conflict means the day is already claimed.
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "DigestRun" ("id", "userId", "day", "itemCount")
      VALUES (${`dg_${user.id}_${day}`}, ${user.id}, ${day}::date, ${inbox.items.length})
      ON CONFLICT DO NOTHING
      RETURNING "id"`;
    if (claimed.length === 0) return "skipped";
    if (!text) return "empty";
    await tx.notification.create({ data: { userId: user.id, kind: "digest", title: text.title, body: text.body, link: "/" } });
    return "sent";
  });
}

/** The digest in the user's language: a title with the count and a line per item, deadlines in Beijing time. */
export async function renderDigest(locale: Locale, name: string, inbox: Inbox): Promise<{ title: string; body: string }> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, timeZone, namespace: "inbox" }) as unknown as ((key: string, values?: Record<string, string | number>) => string);
  const tStage = createTranslator({ locale, messages, timeZone, namespace: "stage" }) as unknown as (key: string) => string;
  const dates = new Map<string, Intl.DateTimeFormat>();
  const formatDeadline = (item: Inbox["items"][number]) => {
    const key = item.deadlineIsDay ? "day" : "instant";
    if (!dates.has(key)) dates.set(key, new Intl.DateTimeFormat(locale, deadlineFormat(item)));
    return dates.get(key)!.format(item.deadline!);
  };
  const lines = inbox.items.map((item) => {
    const label = inboxItemLabel(t, (stage: StageKind) => tStage(stage), item);
    return item.deadline ? t("digest.lineDeadline", { label, count: item.count, deadline: formatDeadline(item) }) : t("digest.line", { label, count: item.count });
  });
  return { title: t("digest.title", { count: inbox.total }), body: [t("digest.intro", { name }), ...lines, t("digest.outro")].join("\n") };
}

/** Digest rounds every `intervalMs` from DIGEST_HOUR (Beijing, default 8) on: the first round of the day sends, later ones find everyone done. */
export function startDailyDigest(db: PrismaClient, { hour = 8, intervalMs = 10 * 60_000 }: { hour?: number; intervalMs?: number } = {}): () => void {
  return startRounds("digest", intervalMs, async () => {
    const beijingHour = Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone }).format(new Date()));
    if (beijingHour < hour) return;
    const result = await runDailyDigest(db);
    if (result.sent > 0) console.log(`[digest] ${result.day}: ${result.sent} sent, ${result.skipped} taken by another instance.`);
  });
}
