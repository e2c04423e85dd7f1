"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { ReasonField } from "@/components/applications/reason-field";
import { useFeedback, type ActionResult } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { answerObjectionAction, confirmListAction, fileObjectionAction, publishNoticeAction, withdrawAppointeeAction } from "@/lib/actions/notice";

// The notice page's forms (publish, object, answer, withdraw, confirm): each sends its action and
// shows the refusal in words from notice.errors, field by field where a field took the blame.

type Errors = { form?: string | null; fields: Record<string, string | undefined> };
type Result = ActionResult;

function useSubmit(successKey: string) {
  const t = useTranslations("notice");
  const { say, read } = useFeedback("notice");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({ fields: {} });
  const [success, setSuccess] = useState<string | null>(null);
  async function run(send: () => Promise<Result>): Promise<boolean> {
    setBusy(true);
    setErrors({ fields: {} });
    setSuccess(null);
    try {
      const result = await send();
      if (result?.data) {
        setSuccess(t(successKey as never));
        router.refresh();
        return true;
      }
      const feedback = read(result);
      setErrors({ fields: Object.fromEntries(Object.entries(feedback.fields).map(([k, v]) => [k, say(v)])), form: feedback.form });
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { t, busy, errors, success, run };
}

/** Staff publish the batch's approved list: the first day (today unless given) and the working days. */
export function PublishNoticeForm({ programId, rotationBatch, defaultDays }: { programId: string; rotationBatch: number; defaultDays: number }) {
  const { t, busy, errors, success, run } = useSubmit("publish.done");
  const [startDate, setStartDate] = useState("");
  const [days, setDays] = useState(String(defaultDays));
  const [note, setNote] = useState("");
  return (
    <form
      className="flex flex-col gap-3"
      aria-label={t("publish.title")}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => publishNoticeAction({ programId, rotationBatch, startDate, workingDays: Number(days), note }));
      }}
    >
      <FormMessages error={errors.form} success={success} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField label={t("publish.startDate")} type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} error={errors.fields.startDate} />
        <TextField label={t("publish.workingDays")} type="number" min={1} max={30} required value={days} onChange={(e) => setDays(e.target.value)} error={errors.fields.workingDays} />
      </div>
      <p className="text-xs text-slate-500">{t("publish.hint")}</p>
      <ReasonField label={t("publish.note")} value={note} onChange={(e) => setNote(e.target.value)} error={errors.fields.note} hint={t("publish.noteHint")} />
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {t("publish.submit")}
        </Button>
      </div>
    </form>
  );
}

/** Anyone signed in objects to a name of the notice, with the reason, while it runs. */
export function ObjectionForm({ noticeId, entries }: { noticeId: string; entries: { applicationId: string; doctor: string; post: string }[] }) {
  const { t, busy, errors, success, run } = useSubmit("object.done");
  const [applicationId, setApplicationId] = useState("");
  const [reason, setReason] = useState("");
  const selectId = useId();
  return (
    <form
      className="flex flex-col gap-3"
      aria-label={t("object.title")}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run(() => fileObjectionAction({ noticeId, applicationId, reason }))) setReason("");
      }}
    >
      <FormMessages error={errors.form} success={success} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
          {t("object.name")}
        </label>
        <select id={selectId} required value={applicationId} onChange={(e) => setApplicationId(e.target.value)} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base">
          <option value="">{t("object.choose")}</option>
          {entries.map((e) => (
            <option key={e.applicationId} value={e.applicationId}>
              {t("object.option", { doctor: e.doctor, post: e.post })}
            </option>
          ))}
        </select>
        {errors.fields.applicationId ? <p className="text-sm text-red-600">{errors.fields.applicationId}</p> : null}
      </div>
      <ReasonField label={t("object.reason")} required value={reason} onChange={(e) => setReason(e.target.value)} error={errors.fields.reason} hint={t("object.reasonHint")} />
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {t("object.submit")}
        </Button>
      </div>
    </form>
  );
}

/** Staff answer one objection. */
export function AnswerForm({ objectionId, doctor }: { objectionId: string; doctor: string }) {
  const { t, busy, errors, success, run } = useSubmit("answer.done");
  const [answer, setAnswer] = useState("");
  return (
    <form
      className="flex flex-col gap-2"
      aria-label={t("answer.title", { doctor })}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => answerObjectionAction({ objectionId, answer }));
      }}
    >
      <FormMessages error={errors.form} success={success} />
      <ReasonField label={t("answer.label")} required value={answer} onChange={(e) => setAnswer(e.target.value)} error={errors.fields.answer} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy} aria-busy={busy}>
          {t("answer.submit")}
        </Button>
      </div>
    </form>
  );
}

/** A reason, then a confirmation dialog: withdrawing an appointee, or confirming (freezing) the list. */
function ReasonThenConfirm({
  label,
  reasonRequired,
  trigger,
  title,
  description,
  confirmLabel,
  tone,
  successKey,
  send,
}: {
  label: string;
  reasonRequired: boolean;
  trigger: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone: "danger" | "primary";
  successKey: string;
  send: (reason: string) => Promise<Result>;
}) {
  const { busy, errors, success, run } = useSubmit(successKey);
  const [reason, setReason] = useState("");
  return (
    <div className="flex flex-col gap-2">
      <FormMessages error={errors.form} success={success} />
      <ReasonField label={label} required={reasonRequired} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.fields.reason} />
      <div>
        <ConfirmDialog
          trigger={
            <Button type="button" variant={tone === "danger" ? "secondary" : "primary"} disabled={busy} aria-busy={busy}>
              {trigger}
            </Button>
          }
          title={title}
          description={description}
          confirmLabel={confirmLabel}
          tone={tone}
          onConfirm={async () => {
            await run(() => send(reason));
          }}
        />
      </div>
    </div>
  );
}

export function WithdrawForm({ applicationId, doctor }: { applicationId: string; doctor: string }) {
  const t = useTranslations("notice");
  return (
    <ReasonThenConfirm
      label={t("withdraw.reason", { doctor })}
      reasonRequired
      trigger={t("withdraw.submit")}
      title={t("withdraw.confirmTitle", { doctor })}
      description={t("withdraw.confirmText")}
      confirmLabel={t("withdraw.confirm")}
      tone="danger"
      successKey="withdraw.done"
      send={(reason) => withdrawAppointeeAction({ applicationId, reason })}
    />
  );
}

export function ConfirmListForm({ programId, rotationBatch, nextVersion }: { programId: string; rotationBatch: number; nextVersion: number }) {
  const t = useTranslations("notice");
  const later = nextVersion > 1;
  return (
    <ReasonThenConfirm
      label={later ? t("confirm.reasonLater") : t("confirm.reasonFirst")}
      reasonRequired={later}
      trigger={later ? t("confirm.submitLater", { version: nextVersion }) : t("confirm.submit")}
      title={t("confirm.confirmTitle", { version: nextVersion })}
      description={t("confirm.confirmText")}
      confirmLabel={t("confirm.confirm")}
      tone="primary"
      successKey="confirm.done"
      send={(reason) => confirmListAction({ programId, rotationBatch, reason })}
    />
  );
}
