"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { previewRuleAction, searchDoctorsAction } from "@/lib/actions/eligibility-rules";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Evaluation } from "@/lib/domain/eligibility";
import type { RuleNode } from "@/lib/schemas/eligibility";
import type { DoctorMatch } from "@/lib/server/eligibility-rules";

const DEBOUNCE_MS = 350;

/**
 * Beside the editor: pick a doctor in the user's scope, and see the engine's verdict on the tree as
 * it stands (unsaved), recomputed a moment after each change. The per-condition marks go back to the
 * editor through onEvaluation, tagged with the tree they were computed for.
 */
export function PreviewPanel({ programId, postId, tree, isValid, onEvaluation }: {
  programId: string;
  postId: string;
  tree: RuleNode;
  isValid: boolean;
  onEvaluation: (result: { treeJson: string; evaluation: Evaluation } | null) => void;
}) {
  const t = useTranslations("rules");
  const [q, setQ] = useState("");
  const [matches, setMatches] = useState<DoctorMatch[] | null>(null);
  const [doctor, setDoctor] = useState<DoctorMatch | null>(null);
  // The last answer, tagged with the doctor and tree it is for: shown only while both still match.
  const [answer, setAnswer] = useState<{ key: string; verdict: Evaluation["verdict"] | null; error: string | null } | null>(null);
  const treeJson = JSON.stringify(tree);
  const key = doctor && isValid ? `${doctor.id}|${postId}|${treeJson}` : null;
  const current = answer && answer.key === key ? answer : null;
  const working = key !== null && !current;
  const verdict = current?.verdict ?? null;
  const error = current?.error ?? null;

  async function search(event: { preventDefault(): void; stopPropagation(): void }) {
    event.preventDefault();
    event.stopPropagation();
    if (!q.trim()) return;
    const result = await searchDoctorsAction({ q });
    setMatches(result?.data ?? []);
  }

  useEffect(() => {
    if (!key || !doctor) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await previewRuleAction({ programId, postId, doctorId: doctor.id, tree: JSON.parse(treeJson) as RuleNode });
      if (cancelled) return;
      if (result?.data) {
        setAnswer({ key, verdict: result.data.verdict, error: null });
        onEvaluation({ treeJson, evaluation: result.data });
      } else {
        setAnswer({ key, verdict: null, error: t(`errors.${result?.serverError?.code ?? "generic"}`) });
        onEvaluation(null);
      }
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, doctor, treeJson, programId, postId, onEvaluation, t]);

  const tone = verdict === "ELIGIBLE" ? "bg-emerald-50 text-emerald-800 border-emerald-200" : verdict === "INELIGIBLE" ? "bg-red-50 text-red-800 border-red-200" : "bg-amber-50 text-amber-800 border-amber-200";
  return (
    <section aria-labelledby="rule-preview-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 id="rule-preview-title" className="text-base font-semibold text-slate-800">{t("preview.title")}</h2>
      <p className="text-sm text-slate-600">{t("preview.intro")}</p>
      <div role="search" className="flex items-end gap-2">
        <TextField label={t("preview.search")} value={q} maxLength={50} className="flex-1" onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => { if (e.key === "Enter") void search(e); }} />
        <Button type="button" variant="secondary" onClick={(e) => void search(e)}>{t("preview.searchButton")}</Button>
      </div>
      {matches ? (
        matches.length ? (
          <ul className="flex flex-col gap-1" aria-label={t("preview.results")}>
            {matches.map((m) => (
              <li key={m.id}>
                <button type="button" aria-pressed={doctor?.id === m.id} aria-label={t("preview.choose", { name: m.name })}
                  className={clsx("w-full rounded-md border px-3 py-1.5 text-left text-sm", doctor?.id === m.id ? "border-brand-600 bg-white" : "border-slate-200 bg-white hover:bg-slate-100")}
                  onClick={() => {
                    setDoctor(m);
                    onEvaluation(null);
                  }}>
                  <span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.employerName} · {m.specialty}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-slate-500">{t("preview.noMatches")}</p>
      ) : null}
      {doctor ? <p className="text-sm text-slate-700">{t("preview.chosen", { name: doctor.name, employer: doctor.employerName, specialty: doctor.specialty })}</p> : null}
      <div aria-live="polite">
        {doctor && !isValid ? <p className="text-sm text-amber-800">{t("preview.invalidTree")}</p> : null}
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        {doctor && isValid && verdict ? (
          <p className={clsx("rounded-md border px-3 py-2 text-sm font-semibold", tone)} data-testid="preview-verdict">
            {t("preview.verdict")}：{t(`preview.verdicts.${verdict}`)}{working ? ` · ${t("preview.working")}` : ""}
          </p>
        ) : doctor && isValid && working ? <p className="text-sm text-slate-500">{t("preview.working")}</p> : null}
      </div>
    </section>
  );
}
