"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { gradeSubjectsAction } from "@/lib/actions/evaluations";
import { formatHundredths, GRADES, type Grade } from "@/lib/domain/scoring";
import { serverErrorText, withDone } from "@/lib/forms/feedback";

export interface GradeRow {
  id: string;
  name: string;
  total: number;
  proposed: Grade;
  grade: Grade | null;
}

/**
 * The bureau's grades, in the ranking's order, each preset to its band (or the grade given). A grade
 * above the band is not offered; the quota is the server's to enforce (it names who is over).
 */
export function GradeForm({ assessmentId, version, rows, quota }: { assessmentId: string; version: number; rows: GradeRow[]; quota: number }) {
  const t = useTranslations("evaluations");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const pathname = usePathname();
  const [grades, setGrades] = useState<Record<string, Grade>>(() => Object.fromEntries(rows.map((r) => [r.id, r.grade ?? r.proposed])));
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const excellent = Object.values(grades).filter((g) => g === "EXCELLENT").length;

  async function save() {
    setMessage({});
    try {
      const result = await gradeSubjectsAction({ assessmentId, version, grades: rows.map((r) => ({ subjectId: r.id, grade: grades[r.id]! })) });
      if (result?.data) {
        if (result.data.finalised) {
          // The refreshed page has no grade form (the assessment is final), so its line is the page's DoneNotice.
          router.replace(withDone(pathname, window.location.search, "assessmentFinalised"), { scroll: false });
          return;
        }
        setMessage({ success: t("assessment.graded", { count: result.data.graded }) });
        router.refresh();
        return;
      }
      setMessage({ error: serverErrorText(te, result?.serverError) });
    } catch {
      setMessage({ error: t("errors.generic") });
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("assessment.gradeHint")}</p>
      <FormMessages error={message.error} success={message.success} />
      <ol className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
        {rows.map((r, i) => {
          const allowed = GRADES.slice(GRADES.indexOf(r.proposed));
          return (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span className="min-w-0">
                <span className="mr-2 tabular-nums text-slate-500">{i + 1}.</span>
                <span className="font-medium text-slate-900">{r.name}</span>
                <span className="ml-2 tabular-nums text-slate-600">{formatHundredths(r.total)}</span>
              </span>
              <label className="flex items-center gap-2 text-sm">
                <span className="sr-only">{t("assessment.grade")} · {r.name}</span>
                <select
                  value={grades[r.id]}
                  onChange={(e) => setGrades((g) => ({ ...g, [r.id]: e.target.value as Grade }))}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base"
                  aria-label={`${t("assessment.grade")} · ${r.name}`}
                >
                  {allowed.map((g) => (
                    <option key={g} value={g}>
                      {t(`grade.${g}`)}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          );
        })}
      </ol>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("assessment.excellentGiven")}: {excellent} / {quota}
      </p>
      <div>
        <ConfirmDialog trigger={<Button type="button">{t("assessment.gradeSubmit")}</Button>} title={t("assessment.gradeSubmit")} description={t("assessment.gradeConfirm")} confirmLabel={t("assessment.gradeSubmit")} tone="primary" onConfirm={save} />
      </div>
    </div>
  );
}
