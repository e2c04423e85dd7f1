import "server-only";
import { createTranslator } from "next-intl";
import { defaultLocale, isLocale, timeZone, type Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import type { Tx } from "./kit";

// In-app notifications, written in the same transaction as the event they speak of, in each
// recipient's language (messages: notifications.<key>.title/body). Values named `stage`, `outcome`
// or `status` are translated from the programme catalogue (stage.*, decisionOutcome.*,
// applicationStatus.*) before they are put into the sentence.

export interface NotificationDraft {
  /** Catalogue key under "notifications" with a title and a body, e.g. "decision". */
  key: string;
  values: Record<string, string | number | Date>;
  /** Where the notification leads in the app, e.g. /applications/<id>. */
  link: string;
}

const TRANSLATED: Record<string, string> = { stage: "stage", outcome: "decisionOutcome", status: "applicationStatus" };

async function render(locale: Locale, draft: NotificationDraft): Promise<{ title: string; body: string }> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, timeZone });
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(draft.values)) {
    const namespace = TRANSLATED[name];
    values[name] = namespace ? t(`${namespace}.${String(value)}` as never) : value;
  }
  return {
    title: t(`notifications.${draft.key}.title` as never, values as never),
    body: t(`notifications.${draft.key}.body` as never, values as never),
  };
}

/** One notification per active recipient (duplicates dropped), rendered in the recipient's language. */
export async function notify(tx: Tx, userIds: readonly (string | null | undefined)[], draft: NotificationDraft): Promise<number> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return 0;
  const users = await tx.user.findMany({ where: { id: { in: ids }, isActive: true }, select: { id: true, locale: true } });
  const rendered = new Map<Locale, { title: string; body: string }>();
  const data = [];
  for (const user of users) {
    const locale = isLocale(user.locale) ? user.locale : defaultLocale;
    if (!rendered.has(locale)) rendered.set(locale, await render(locale, draft));
    data.push({ userId: user.id, kind: draft.key, link: draft.link, ...rendered.get(locale)! });
  }
  return (await tx.notification.createMany({ data })).count;
}

/** The active nominators of a unit: they learn of their nominees' decisions and of reopened deadlines. */
export async function unitNominatorIds(tx: Tx, organizationId: string): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { organizationId, role: "HOSPITAL_NOMINATOR", isActive: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The doctor's own account, if they have one. */
export async function doctorUserId(tx: Tx, doctorId: string): Promise<string | null> {
  const row = await tx.user.findFirst({ where: { doctorId, isActive: true }, select: { id: true } });
  return row?.id ?? null;
}
