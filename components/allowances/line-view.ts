import type { LineRow } from "@/lib/server/allowance-queries";
import { asDate, dayOptions, ruleText } from "./format";
import type { FinanceLine } from "./finance-lines";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type DateFormat = (d: Date, options: typeof dayOptions) => string;

/** A line of finance's month in words for FinanceLines: the payee's name, the period, the rule, the voucher. */
export function financeLineOf(line: LineRow & { can: { pay: boolean }; isOverdue: boolean }, t: Translate, formatDate: DateFormat): FinanceLine {
  const day = (d: Date) => formatDate(asDate(d), dayOptions);
  return {
    id: line.id,
    doctor: line.dispatch.doctor.name,
    href: `/allowances/dispatches/${line.dispatch.id}`,
    payee: line.payee === "DOCTOR" ? line.dispatch.doctor.name : line.dispatch.receivingOrg.name,
    item: line.item.name,
    period: periodText(line.periodStart, line.periodEnd, day),
    rule: ruleText(t, line),
    amountFen: line.amountFen,
    due: day(line.dueDate),
    isOverdue: line.isOverdue,
    isPaid: line.status === "PAID",
    paid: line.status === "PAID" && line.paidOn ? t("month.voucherOn", { voucher: line.voucherNumber ?? "", date: day(line.paidOn) }) : null,
    canPay: line.can.pay,
  };
}

/** "2026/12/1–2026/12/31", or the one day. */
export function periodText(start: Date, end: Date, day: (d: Date) => string): string {
  const a = day(start);
  const b = day(end);
  return a === b ? a : `${a}–${b}`;
}
