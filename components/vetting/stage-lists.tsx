import { useTranslations } from "next-intl";
import Link from "next/link";
import clsx from "clsx";
import type { StageTally } from "@/lib/domain/vetting";
import type { StageKind } from "@/lib/generated/prisma/enums";
import type { BoardPost, BoardStage } from "@/lib/server/vetting";

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
