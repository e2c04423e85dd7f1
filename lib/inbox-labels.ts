import { formatYuan } from "./domain/money";
import type { StageKind } from "./generated/prisma/enums";
import { timeZone } from "./i18n/config";

// The to-do inbox's items in words, for the landing page and the daily digest alike (one wording).
// Pure: the page passes next-intl's getTranslations, the digest createTranslator, both over the
// "inbox" namespace; stages come translated from the "stage" namespace.

/** What an inbox item is about (lib/server/inbox.ts). */
export const INBOX_KINDS = ["review", "endorse", "objection", "leave", "workLog", "returnedLog", "score", "payment", "handover"] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

type Values = Record<string, string | number>;
/** The subset of a next-intl translator this module uses. */
export type Translate = (key: string, values?: Values) => string;

/** What the words of an item need (lib/server/inbox.ts's InboxItem, dates as Date or ISO strings). */
export interface LabelledItem {
  kind: string;
  count: number;
  stage: StageKind | null;
  step: "supervisor" | "bureau" | null;
  program: string | null;
  year: number | null;
  amountFen: number | null;
  deadline: Date | string | null;
  deadlineIsDay: boolean;
}

/** "体检待审", "“万州区…”2026年度考核待评分", "本月到期待发放的补助（9,693.54 元）" … */
export function inboxItemLabel(t: Translate, stageName: (stage: StageKind) => string, item: LabelledItem): string {
  switch (item.kind) {
    case "review":
      return t("item.review", { stage: item.stage ? stageName(item.stage) : "" });
    case "leave":
      return t(item.step === "bureau" ? "item.leaveBureau" : "item.leaveSupervisor");
    case "objection":
      return t("item.objection", { program: item.program ?? "" });
    case "score":
      return t("item.score", { program: item.program ?? "", year: item.year ?? 0 });
    case "payment":
      return t("item.payment", { amount: formatYuan(item.amountFen ?? 0) });
    default:
      return t(`item.${item.kind}`);
  }
}

/** The deadline's Intl options: an instant in Beijing time, a calendar day as the day it names. */
const dayOptions = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" } as const;
const instantOptions = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone } as const;

export function deadlineFormat(item: Pick<LabelledItem, "deadlineIsDay">): typeof dayOptions | typeof instantOptions {
  return item.deadlineIsDay ? dayOptions : instantOptions;
}

/** When the oldest began to wait: a day in Beijing time. */
export const sinceFormat = { year: "numeric", month: "2-digit", day: "2-digit", timeZone } as const;
