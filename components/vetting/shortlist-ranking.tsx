"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { rankAction } from "@/lib/actions/vetting";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { ApplicantName, VerdictBadge, type VettingRow } from "./applicant";
import { serverErrorText } from "@/lib/forms/feedback";

const moveClass = "inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-40";

/**
 * The shortlist in rank order (1 = first choice). Staff move candidates up or down (buttons, so the
 * keyboard works; focus stays on the moved candidate's button and the new place is announced) and
 * save the whole order at once; readers see the order only. Keyed by the shortlist's ids where it is
 * used, so that a refresh bringing a different shortlist starts from it.
 */
export function ShortlistRanking({ postId, rows, canDecide }: { postId: string; rows: VettingRow[]; canDecide: boolean }) {
  const t = useTranslations("vetting");
  const router = useRouter();
  const initial = rows.map((r) => r.id).join(",");
  const [order, setOrder] = useState(rows.map((r) => r.id));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [announcement, setAnnouncement] = useState("");
  const focusAfterMove = useRef<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const byId = new Map(rows.map((r) => [r.id, r]));

  useEffect(() => {
    if (focusAfterMove.current) buttons.current.get(focusAfterMove.current)?.focus();
    focusAfterMove.current = null;
  }, [order]);

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    const [id] = next.splice(index, 1);
    next.splice(target, 0, id!);
    // Keep focus on the same button of the moved row, or on its other button at either end.
    const edge = (by === -1 && target === 0) || (by === 1 && target === next.length - 1);
    focusAfterMove.current = `${id}:${edge ? -by : by}`;
    setOrder(next);
    setMessage({});
    setAnnouncement(t("rank.moved", { name: byId.get(id!)?.name ?? "", position: target + 1 }));
  }

  async function save() {
    setBusy(true);
    setMessage({});
    try {
      const result = await rankAction({ postId, applicationIds: order });
      if (result?.data) {
        setMessage({ success: t("rank.saved") });
        router.refresh();
      } else setMessage({ error: serverErrorText(t as unknown as ErrorTranslator, result?.serverError) });
    } catch {
      setMessage({ error: t("errors.generic") });
    } finally {
      setBusy(false);
    }
  }

  const changed = order.join(",") !== initial;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{canDecide ? t("stagePage.rankingHint") : t("stagePage.rankingReadOnly")}</p>
      <FormMessages error={message.error} success={message.success} />
      <ol className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
        {order.map((id, index) => {
          const row = byId.get(id);
          if (!row) return null;
          return (
            <li key={id} className="flex items-center gap-3 px-3 py-2 text-sm">
              <span className="w-14 shrink-0 font-semibold tabular-nums text-slate-700">{t("stagePage.rankValue", { rank: index + 1 })}</span>
              <span className="flex min-w-0 flex-1 flex-col gap-0.5 sm:flex-row sm:items-center sm:gap-3">
                <ApplicantName row={row} />
                <span className="truncate text-slate-600">{row.employerName}</span>
                <span className="self-start sm:self-auto">
                  <VerdictBadge verdict={row.eligibilityVerdict} />
                </span>
              </span>
              {canDecide ? (
                <span className="flex shrink-0 gap-1">
                  <button
                    type="button"
                    ref={(el) => { if (el) buttons.current.set(`${id}:-1`, el); else buttons.current.delete(`${id}:-1`); }}
                    className={moveClass}
                    onClick={() => move(index, -1)}
                    disabled={index === 0 || busy}
                    aria-label={t("rank.upLabel", { name: row.name })}
                    title={t("rank.up")}
                  >
                    <ArrowUp aria-hidden className="h-4 w-4" />
                  </button>
                  <button
                    type="button"
                    ref={(el) => { if (el) buttons.current.set(`${id}:1`, el); else buttons.current.delete(`${id}:1`); }}
                    className={moveClass}
                    onClick={() => move(index, 1)}
                    disabled={index === order.length - 1 || busy}
                    aria-label={t("rank.downLabel", { name: row.name })}
                    title={t("rank.down")}
                  >
                    <ArrowDown aria-hidden className="h-4 w-4" />
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {canDecide ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" onClick={save} disabled={busy || order.length === 0} aria-busy={busy}>
            {busy ? t("rank.saving") : t("rank.save")}
          </Button>
          {changed ? <span className="text-sm text-amber-800">{t("rank.unsaved")}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
