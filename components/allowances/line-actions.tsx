"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ReasonField } from "@/components/applications/reason-field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { addEventLineAction, adjustLineAction, removeLineAction } from "@/lib/actions/allowances";
import { formatYuan, parseYuan } from "@/lib/domain/money";
import { useFeedback } from "@/lib/forms/feedback";

type Errors = Record<string, string>;

/** Runs an allowance action; on success refreshes the page, else shows the refusal at the fields and above the form. */
function useRun() {
  const router = useRouter();
  const { read, say } = useFeedback("allowances");
  const [message, setMessage] = useState<{ error?: string | null; success?: string | null }>({});
  const [errors, setErrors] = useState<Errors>({});
  async function run(call: () => Promise<{ data?: unknown; serverError?: never; validationErrors?: unknown } | undefined | object>, success: string | null = null) {
    setMessage({});
    setErrors({});
    const result = (await call()) as Parameters<typeof read>[0] & { data?: unknown };
    if (result?.data) {
      setMessage({ success });
      router.refresh();
      return true;
    }
    const feedback = read(result);
    setErrors(Object.fromEntries(Object.entries(feedback.fields).map(([f, k]) => [f, say(k)])));
    setMessage({ error: feedback.form });
    return false;
  }
  return { run, message, errors, setErrors, say };
}

/** A correction to a paid line: the amount in yuan (negative for an overpayment) and the reason, asked before. */
export function AdjustLine({ lineId, title }: { lineId: string; title: string }) {
  const t = useTranslations("allowances.schedule");
  const { run, message, errors, setErrors, say } = useRun();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const fen = parseYuan(amount);
  if (!open) {
    return (
      <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setOpen(true)}>
        {t("adjust")}
      </Button>
    );
  }
  return (
    <div className="mt-2 flex min-w-[16rem] flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm font-medium text-slate-800">{title}</p>
      <p className="text-xs text-slate-600">{t("adjustHint")}</p>
      <FormMessages error={message.error} />
      <TextField label={t("adjustAmount")} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={errors.amountFen} />
      <ReasonField id={`adjust-${lineId}`} label={t("reason")} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      {fen !== null && fen !== 0 ? (
        <ConfirmDialog
          trigger={<Button type="button">{t("adjustSubmit")}</Button>}
          title={t("adjustConfirmTitle", { amount: formatYuan(fen) })}
          description={title}
          confirmLabel={t("adjustSubmit")}
          tone="primary"
          onConfirm={async () => {
            if (await run(() => adjustLineAction({ lineId, amountFen: fen, reason }))) setOpen(false);
          }}
        />
      ) : (
        <Button type="button" onClick={() => setErrors({ amountFen: say(amount.trim() ? (fen === 0 ? "amountNonZero" : "amountInvalid") : "amountRequired") })}>
          {t("adjustSubmit")}
        </Button>
      )}
    </div>
  );
}

/** Removes an unpaid line added by hand, with the reason, asked before. */
export function RemoveLine({ lineId, description }: { lineId: string; description: string }) {
  const t = useTranslations("allowances.schedule");
  const { run, message, errors } = useRun();
  const [reason, setReason] = useState("");
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button type="button" variant="ghost" className="px-2 py-1 text-xs text-red-700" onClick={() => setOpen(true)}>
        {t("remove")}
      </Button>
    );
  }
  return (
    <div className="mt-2 flex min-w-[16rem] flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <FormMessages error={message.error} />
      <ReasonField id={`remove-${lineId}`} label={t("removeReason")} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <ConfirmDialog trigger={<Button type="button" variant="secondary" className="text-red-700">{t("remove")}</Button>} title={t("removeTitle")} description={description} confirmLabel={t("remove")} onConfirm={async () => void (await run(() => removeLineAction({ lineId, reason })))} />
    </div>
  );
}

/** Staff add an event's line (an award) by hand: the item, the day, optionally the period it covers, and the reason. */
export function EventLineForm({ dispatchId, items, today }: { dispatchId: string; items: { id: string; name: string; amountFen: number }[]; today: string }) {
  const t = useTranslations("allowances.schedule");
  const { run, message, errors } = useRun();
  const [itemId, setItemId] = useState(items[0]?.id ?? "");
  const [eventDate, setEventDate] = useState(today);
  const [periodStart, setPeriodStart] = useState("");
  const [periodEnd, setPeriodEnd] = useState("");
  const [reason, setReason] = useState("");
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run(() => addEventLineAction({ dispatchId, itemId, eventDate, periodStart: periodStart || null, periodEnd: periodEnd || null, reason }), t("eventAdded"))) setReason("");
      }}
    >
      <p className="text-sm text-slate-600">{t("eventHint")}</p>
      <FormMessages error={message.error} success={message.success} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="event-item" className="text-sm font-medium text-slate-700">
          {t("eventItem")}
        </label>
        <select id="event-item" value={itemId} onChange={(e) => setItemId(e.target.value)} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm">
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}（¥{formatYuan(i.amountFen)}）
            </option>
          ))}
        </select>
        {errors.itemId ? <p className="text-sm text-red-600">{errors.itemId}</p> : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label={t("eventDate")} type="date" value={eventDate} onChange={(e) => setEventDate(e.target.value)} error={errors.eventDate} />
        <TextField label={t("periodStart")} type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} error={errors.periodStart} />
        <TextField label={t("periodEnd")} type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} error={errors.periodEnd} />
      </div>
      <ReasonField id="event-reason" label={t("reason")} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <div>
        <Button type="submit">{t("eventSubmit")}</Button>
      </div>
    </form>
  );
}
