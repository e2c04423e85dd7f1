"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { changeProgramStatusAction, duplicateProgramAction } from "@/lib/actions/programs";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ProgramStatus } from "@/lib/generated/prisma/enums";
import { serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";

/** A registration window already past when the programme is opened: its dates and the days a shift would move it. */
export interface PastWindow {
  opensAt: string;
  closesAt: string;
  days: number;
}

/**
 * The next status, and closing (after a confirmation: it is final). The guards run on the server;
 * a refusal comes back in words ("a programme with no posts cannot open"). Opening after the
 * registration window warns first and offers to shift the timeline so registration opens today.
 */
export function StatusActions({ programId, name, targets, pastWindow }: { programId: string; name: string; targets: ProgramStatus[]; pastWindow?: PastWindow | null }) {
  const t = useTranslations("programsAdmin");
  const tStatus = useTranslations("programStatus");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);

  async function move(target: ProgramStatus, how: { confirmed?: boolean; shiftTimeline?: boolean } = {}) {
    setMessage(null);
    setBusy(true);
    try {
      const result = await changeProgramStatusAction({ id: programId, target, confirmed: target === "CLOSED" || how.confirmed === true, shiftTimeline: how.shiftTimeline === true });
      if (result?.data) {
        const text = how.shiftTimeline && pastWindow ? t("status.shiftedAndOpened", { days: pastWindow.days }) : t("status.done", { status: tStatus(result.data.status) });
        setMessage({ tone: "ok", text });
        router.refresh();
      } else {
        setMessage({ tone: "error", text: serverErrorText(t as unknown as ErrorTranslator, result?.serverError) });
      }
    } finally {
      setBusy(false);
    }
  }

  const next = targets.find((s) => s !== "CLOSED");
  return (
    <div className="flex flex-col items-start gap-3">
      {targets.length === 0 ? <p className="text-sm text-slate-600">{t("status.closedNote")}</p> : null}
      <div className="flex flex-wrap gap-2">
        {next === "OPEN" && pastWindow ? (
          <ConfirmDialog
            trigger={
              <Button type="button" disabled={busy}>
                {t("status.to.OPEN")}
              </Button>
            }
            title={t("status.pastTitle", { name })}
            description={t("status.pastDescription", { opensAt: pastWindow.opensAt, closesAt: pastWindow.closesAt, days: pastWindow.days })}
            confirmLabel={t("status.shiftAndOpen")}
            tone="primary"
            onConfirm={() => move("OPEN", { shiftTimeline: true })}
            alternative={{ label: t("status.openAsIs"), onConfirm: () => move("OPEN", { confirmed: true }) }}
          />
        ) : next ? (
          <Button type="button" disabled={busy} aria-busy={busy} onClick={() => move(next)}>
            {t(`status.to.${next}`)}
          </Button>
        ) : null}
        {targets.includes("CLOSED") ? (
          <ConfirmDialog
            trigger={
              <Button type="button" variant="secondary" className="border-red-300 text-red-700 hover:bg-red-50" disabled={busy}>
                {t("status.to.CLOSED")}
              </Button>
            }
            title={t("status.closeTitle", { name })}
            description={t("status.closeDescription")}
            confirmLabel={t("status.closeConfirm")}
            onConfirm={() => move("CLOSED")}
          />
        ) : null}
      </div>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

/** Starts next year's round from this programme, after a confirmation, and opens the copy. */
export function DuplicateButton({ programId, name }: { programId: string; name: string }) {
  const t = useTranslations("programsAdmin");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function onConfirm() {
    setError(null);
    const result = await duplicateProgramAction({ id: programId });
    if (result?.data) router.push(`/programs/${result.data.id}`);
    else setError(serverErrorText(t as unknown as ErrorTranslator, result?.serverError));
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <ConfirmDialog
        trigger={<Button variant="secondary">{t("duplicate.button")}</Button>}
        title={t("duplicate.title", { name })}
        description={t("duplicate.description")}
        confirmLabel={t("duplicate.confirm")}
        tone="primary"
        onConfirm={onConfirm}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
