import { getFormatter, getTranslations } from "next-intl/server";
import { attachmentPreviewHref } from "@/components/attachments/attachment-links";
import { Badge } from "@/components/ui/badge";
import { correctionFlags } from "@/lib/domain/decision-history";
import type { StageKind } from "@/lib/generated/prisma/enums";
import type { ApplicationDetail } from "@/lib/server/application-queries";
import { instantOptions } from "./instant";

const outcomeTone = { PASS: "success", FAIL: "danger", WITHDRAW: "neutral" } as const;

/**
 * Every decision on the application, oldest first: who (and in which role), when (Beijing time), at
 * which stage, the outcome, the reason and the documents filed with it. A decision taken after the
 * application had ended is marked as a correction (更正); nothing is ever overwritten.
 */
export async function DecisionHistory({ detail, stages }: { detail: ApplicationDetail; stages: StageKind[] }) {
  const [t, tStage, tOutcome, tRole, tKind, format] = await Promise.all([
    getTranslations("applications.detail.history"),
    getTranslations("stage"),
    getTranslations("decisionOutcome"),
    getTranslations("roles"),
    getTranslations("attachments.kind"),
    getFormatter(),
  ]);
  const corrections = correctionFlags(stages, detail.decisions);
  const outcomeLabel = (d: ApplicationDetail["decisions"][number]) =>
    // At registration the unit's own decision is its nomination or its answer to a self-registration.
    d.stage === "REGISTRATION" && d.decidedBy.role === "HOSPITAL_NOMINATOR" ? t(`registration.${detail.source}.${d.outcome}`) : tOutcome(d.outcome);
  return (
    <ol className="flex flex-col gap-3">
      {detail.source === "SELF" ? (
        // A self-registration is no decision: it is shown first, before the unit's endorsement.
        <li className="rounded-md border border-slate-200 px-3 py-2 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium text-slate-900">{t("submitted")}</span>
            <span className="tabular-nums text-slate-500">{format.dateTime(detail.submittedAt ?? detail.createdAt, instantOptions)}</span>
          </div>
          <p className="text-slate-600">{t("submittedBy", { name: detail.doctor.name, unit: detail.nominatingOrg.name })}</p>
        </li>
      ) : null}
      {detail.decisions.map((d, i) => (
        <li key={d.id} className={corrections[i] ? "rounded-md border border-amber-300 bg-amber-50/60 px-3 py-2 text-sm" : "rounded-md border border-slate-200 px-3 py-2 text-sm"}>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium text-slate-900">{tStage(d.stage)}</span>
            <Badge tone={outcomeTone[d.outcome]}>{outcomeLabel(d)}</Badge>
            {corrections[i] ? <Badge tone="warning">{t("correction")}</Badge> : null}
            <span className="tabular-nums text-slate-500">{format.dateTime(d.decidedAt, instantOptions)}</span>
          </div>
          <p className="text-slate-600">{t("by", { name: d.decidedBy.displayName, role: tRole(d.decidedBy.role) })}</p>
          {d.reason ? (
            <p className="mt-1 whitespace-pre-line text-slate-800">
              {t("reason", { reason: d.reason })}
              {d.reasonStaffOnly ? <span className="ml-1 text-xs text-slate-500">{t("staffOnly")}</span> : null}
            </p>
          ) : null}
          {d.attachments.length > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-2 text-xs text-slate-600">
              {d.attachments.map((a) => (
                <li key={a.id}>
                  <a href={attachmentPreviewHref(a.id)} target="_blank" rel="noopener" className="inline-block rounded bg-slate-100 px-2 py-0.5 text-brand-700 hover:underline">
                    {tKind(a.kind)}：{a.fileName}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
