"use client";

import { STICKY_FIRST_COLUMN } from "@/components/ui/table";
import clsx from "clsx";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { markPaidAction } from "@/lib/actions/allowances";
import { formatYuan, sumFen } from "@/lib/domain/money";
import { useFeedback } from "@/lib/forms/feedback";

/** One line of finance's month as the page prepared it (words already formatted). */
export interface FinanceLine {
  id: string;
  doctor: string;
  /** The dispatch's schedule. */
  href: string;
  payee: string;
  item: string;
  period: string;
  rule: string;
  amountFen: number;
  due: string;
  isOverdue: boolean;
  isPaid: boolean;
  paid: string | null;
  canPay: boolean;
}

/**
 * The month's lines with, for a finance officer, a tick per payable line, "select all", the voucher
 * number and day, and a confirmation naming the count and the total before anything is recorded.
 */
export function FinanceLines({ lines, today, canPay, caption, empty }: { lines: FinanceLine[]; today: string; canPay: boolean; caption: string; empty: string }) {
  const t = useTranslations("allowances");
  const router = useRouter();
  const { read, say } = useFeedback("allowances");
  const ids = useId();
  const payable = lines.filter((l) => l.canPay);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [voucher, setVoucher] = useState("");
  const [paidOn, setPaidOn] = useState(today);
  const [message, setMessage] = useState<{ error?: string | null; success?: string | null }>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const chosen = payable.filter((l) => selected.has(l.id));
  const totalFen = sumFen(chosen.map((l) => l.amountFen));
  const allChosen = payable.length > 0 && chosen.length === payable.length;

  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  async function pay() {
    setMessage({});
    setFieldErrors({});
    const result = await markPaidAction({ lineIds: chosen.map((l) => l.id), voucherNumber: voucher, paidOn });
    if (result?.data) {
      setMessage({ success: t("pay.done", { count: result.data.paid, amount: formatYuan(result.data.totalFen) }) });
      setSelected(new Set());
      setVoucher("");
      router.refresh();
      return;
    }
    const feedback = read(result);
    setFieldErrors(Object.fromEntries(Object.entries(feedback.fields).map(([f, k]) => [f, say(k)])));
    setMessage({ error: feedback.form });
  }

  const ready = chosen.length > 0 && voucher.trim().length > 0 && paidOn.length > 0;

  return (
    <div className="flex flex-col gap-4">
      {canPay ? (
        <div className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="pay-panel">
          <FormMessages error={message.error} success={message.success} />
          <p className="text-sm font-medium text-slate-800" aria-live="polite" data-testid="pay-selected">
            {chosen.length ? t("pay.selected", { count: chosen.length, amount: formatYuan(totalFen) }) : t("pay.none")}
          </p>
          <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end">
            <TextField label={t("pay.voucher")} placeholder={t("pay.voucherHint")} value={voucher} maxLength={50} onChange={(e) => setVoucher(e.target.value)} error={fieldErrors.voucherNumber} />
            <TextField label={t("pay.paidOn")} type="date" max={today} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} error={fieldErrors.paidOn} />
            {ready ? (
              <ConfirmDialog
                trigger={<Button type="button">{t("pay.submit")}</Button>}
                title={t("pay.confirmTitle", { count: chosen.length })}
                description={t("pay.confirmDescription", { amount: formatYuan(totalFen), voucher: voucher.trim(), date: paidOn })}
                confirmLabel={t("pay.confirm")}
                tone="primary"
                onConfirm={pay}
              />
            ) : (
              <Button type="button" onClick={() => setMessage({ error: chosen.length ? say(voucher.trim() ? "dateRequired" : "voucherRequired") : t("pay.none") })}>
                {t("pay.submit")}
              </Button>
            )}
          </div>
        </div>
      ) : null}
      {lines.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
      <div className="relative overflow-x-auto">
        <table className={clsx("w-full min-w-[52rem] text-left text-sm", STICKY_FIRST_COLUMN)}>
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <tr>
              {canPay ? (
                <th scope="col" className="px-2 py-2">
                  <input
                    type="checkbox"
                    id={`${ids}-all`}
                    aria-label={t("month.selectAll")}
                    checked={allChosen}
                    disabled={payable.length === 0}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(payable.map((l) => l.id)))}
                    className="h-4 w-4"
                  />
                </th>
              ) : null}
              <th scope="col" className="px-2 py-2 font-medium">{t("month.columns.doctor")}</th>
              <th scope="col" className="px-2 py-2 font-medium">{t("month.columns.payee")}</th>
              <th scope="col" className="px-2 py-2 font-medium">{t("month.columns.item")}</th>
              <th scope="col" className="px-2 py-2 font-medium">{t("month.columns.period")}</th>
              <th scope="col" className="px-2 py-2 font-medium">{t("month.columns.rule")}</th>
              <th scope="col" className="px-2 py-2 text-right font-medium">{t("month.columns.amount")}</th>
              <th scope="col" className="px-2 py-2 font-medium">{t("month.columns.due")}</th>
              <th scope="col" className="px-2 py-2 font-medium">{t("month.columns.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((l) => (
              <tr key={l.id} className={clsx(selected.has(l.id) && "bg-brand-50")} data-testid="finance-line">
                {canPay ? (
                  <td className="px-2 py-2 align-top">
                    {l.canPay ? (
                      <input type="checkbox" aria-label={t("month.selectLine", { doctor: l.doctor, item: l.item, period: l.period })} checked={selected.has(l.id)} onChange={() => toggle(l.id)} className="h-4 w-4" />
                    ) : null}
                  </td>
                ) : null}
                <td className="px-2 py-2 align-top font-medium">
                  <Link href={l.href} className="text-brand-700 hover:underline">
                    {l.doctor}
                  </Link>
                </td>
                <td className="px-2 py-2 align-top text-slate-700">{l.payee}</td>
                <td className="px-2 py-2 align-top text-slate-700">{l.item}</td>
                <td className="whitespace-nowrap px-2 py-2 align-top text-slate-700">{l.period}</td>
                <td className="px-2 py-2 align-top text-xs text-slate-500">{l.rule}</td>
                <td className="whitespace-nowrap px-2 py-2 text-right align-top tabular-nums text-slate-900">{formatYuan(l.amountFen)}</td>
                <td className="whitespace-nowrap px-2 py-2 align-top text-slate-700">
                  {l.due} {l.isOverdue ? <Badge tone="warning">{t("month.overdue")}</Badge> : null}
                </td>
                <td className="px-2 py-2 align-top">
                  <Badge tone={l.isPaid ? "success" : "neutral"}>{t(l.isPaid ? "status.PAID" : "status.UNPAID")}</Badge>
                  {l.paid ? <p className="mt-1 text-xs text-slate-500">{l.paid}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
    </div>
  );
}
