import { useTranslations } from "next-intl";
import Link from "next/link";
import clsx from "clsx";
import { Badge } from "@/components/ui/badge";
import type { StageTally } from "@/lib/domain/vetting";
import type { ApplicationStatus, StageKind } from "@/lib/generated/prisma/enums";
import type { BoardPost, BoardStage } from "@/lib/server/vetting";
import { ApplicantName, VerdictBadge, type VettingRow } from "./applicant";

/** One link per vetting stage of the programme, with those waiting there; the current one marked. */
export function StageTabs({ href, stages, post, active }: { href: string; stages: BoardStage[]; post: BoardPost; active: StageKind }) {
  const t = useTranslations("vetting");
  const tStage = useTranslations("stage");
  return (
    <nav aria-label={t("stagePage.stages")}>
      <ul className="flex flex-wrap gap-1">
        {stages.map((s) => {
          const waiting = post.stages[s.kind]?.waiting ?? 0;
          const current = s.kind === active;
          return (
            <li key={s.kind}>
              <Link
                href={`${href}?stage=${s.kind}`}
                aria-current={current ? "page" : undefined}
                className={clsx("flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm", current ? "bg-brand-600 font-medium text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200")}
              >
                {tStage(s.kind)}
                {waiting > 0 ? <span className={clsx("rounded-full px-1.5 text-xs tabular-nums", current ? "bg-white/20" : "bg-white text-slate-700")}>{waiting}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** "本阶段可通过 3×1=3 人，已通过 2 人，还可通过 1 人" (or the headcount at approval, or no limit). */
export function CapLine({ tally, stage, ratio, headcount }: { tally: StageTally; stage: StageKind; ratio: number | null; headcount: number }) {
  const t = useTranslations("vetting.stagePage");
  if (tally.cap === null) return <>{t("noCap", { passed: tally.passed })}</>;
  const values = { cap: tally.cap, passed: tally.passed, remaining: tally.remaining ?? 0, headcount, ratio: ratio ?? 1 };
  return <>{stage === "APPROVAL" || !ratio ? t("capLineHeadcount", values) : t("capLine", values)}</>;
}

/** Those who passed the stage and are still in the running, with their rank and where they are now. */
export function PassedList({ rows }: { rows: (VettingRow & { status: ApplicationStatus; currentStage: StageKind })[] }) {
  const t = useTranslations("vetting.stagePage");
  const tStage = useTranslations("stage");
  const tStatus = useTranslations("applicationStatus");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("nonePassed")}</p>;
  const where = (r: (typeof rows)[number]) => (r.status === "APPROVED" ? <Badge tone="success">{tStatus("APPROVED")}</Badge> : <span>{tStage(r.currentStage)}</span>);
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
          {r.rank ? <span className="w-14 font-semibold tabular-nums text-slate-700">{t("rankValue", { rank: r.rank })}</span> : null}
          <ApplicantName row={r} />
          <span className="text-slate-600">{r.employerName}</span>
          <VerdictBadge verdict={r.eligibilityVerdict} />
          <span className="flex items-center gap-2 text-slate-600 sm:ml-auto">
            <span className="text-slate-500">{t("columns.stage")}</span>
            {where(r)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Those rejected or withdrawn at the stage, with the reason recorded. */
export function EndedList({ rows }: { rows: (VettingRow & { status: ApplicationStatus; reason: string | null })[] }) {
  const t = useTranslations("vetting.stagePage");
  const tStatus = useTranslations("applicationStatus");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("noneEnded")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-col gap-1 py-2 text-sm">
          <span className="flex flex-wrap items-center gap-3">
            <ApplicantName row={r} />
            <span className="text-slate-600">{r.employerName}</span>
            <Badge tone={r.status === "REJECTED" ? "danger" : "neutral"}>{tStatus(r.status)}</Badge>
          </span>
          {r.reason ? (
            <span className="text-slate-700">{t("reasonLine", { reason: r.reason })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
