"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ReasonField } from "@/components/applications/reason-field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { cancelLeaveAction, decideLeaveAction } from "@/lib/actions/leave";
import { useLeaveFeedback } from "./feedback";

/** Words the page prepares (dates already formatted in the reader's conventions). */
export interface DecisionText {
  doctor: string;
  /** What approving does: goes on to the bureau, approves without moving, or moves the last day. */
  approveDescription: string;
}

/** The approver's answer: a comment (required to refuse), approve or refuse — each asked before. */
export function LeaveDecision({ leaveId, version, text }: { leaveId: string; version: number; text: DecisionText }) {
  const t = useTranslations("leave.decide");
  const router = useRouter();
  const { read, say } = useLeaveFeedback();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<{ field?: string; form?: string | null }>({});

  async function decide(approve: boolean) {
    setError({});
    const result = await decideLeaveAction({ leaveId, version, approve, comment });
    if (result?.data) return router.refresh();
    const feedback = read(result);
    setError({ field: feedback.fields.comment ? say(feedback.fields.comment) : undefined, form: feedback.form });
  }

  const canRefuse = comment.trim().length >= 2;
  const refuseButton = (onClick?: () => void) => (
    <Button type="button" variant="secondary" className="border-red-300 text-red-700 hover:bg-red-50" onClick={onClick}>
      {t("refuse")}
    </Button>
  );
  return (
    <div className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <FormMessages error={error.form} />
      <ReasonField id={`comment-${leaveId}`} label={t("comment")} hint={t("commentHint")} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} error={error.field} />
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          trigger={<Button type="button">{t("approve")}</Button>}
          title={t("approveTitle", { doctor: text.doctor })}
          description={text.approveDescription}
          confirmLabel={t("approve")}
          tone="primary"
          onConfirm={() => decide(true)}
        />
        {canRefuse ? (
          <ConfirmDialog trigger={refuseButton()} title={t("refuseTitle", { doctor: text.doctor })} description={t("refuseDescription", { comment: comment.trim(), doctor: text.doctor })} confirmLabel={t("refuse")} onConfirm={() => decide(false)} />
        ) : (
          refuseButton(() => setError({ field: say("commentRequired") }))
        )}
      </div>
    </div>
  );
}

/** The doctor withdraws a request still waiting; asked before. */
export function LeaveCancel({ leaveId, version, description }: { leaveId: string; version: number; description: string }) {
  const t = useTranslations("leave.cancel");
  const router = useRouter();
  const { read } = useLeaveFeedback();
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setError(null);
    const result = await cancelLeaveAction({ leaveId, version });
    if (result?.data) return router.refresh();
    setError(read(result).form);
  }

  return (
    <div className="flex flex-col gap-2">
      <FormMessages error={error} />
      <div>
        <ConfirmDialog
          trigger={
            <Button type="button" variant="secondary">
              {t("button")}
            </Button>
          }
          title={t("title")}
          description={description}
          confirmLabel={t("confirm")}
          onConfirm={cancel}
        />
      </div>
    </div>
  );
}
