import clsx from "clsx";
import { Check, Circle, X } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ApplicationStatus, StageKind } from "@/lib/generated/prisma/enums";

type StepState = "passed" | "current" | "failed" | "withdrawn" | "upcoming";

function stepState(index: number, at: number, status: ApplicationStatus): StepState {
  if (status === "APPROVED" || index < at) return "passed";
  if (index > at) return "upcoming";
  if (status === "REJECTED") return "failed";
  if (status === "WITHDRAWN") return "withdrawn";
  return "current";
}

const tone: Record<StepState, string> = {
  passed: "border-emerald-300 bg-emerald-50 text-emerald-800",
  current: "border-brand-500 bg-brand-50 text-brand-800 ring-2 ring-brand-200",
  failed: "border-red-300 bg-red-50 text-red-800",
  withdrawn: "border-slate-300 bg-slate-100 text-slate-600",
  upcoming: "border-slate-200 bg-white text-slate-400",
};

/** The programme's stages in order: those passed, where the application is (or ended), those to come. */
export async function StageStrip({ stages, currentStage, status }: { stages: StageKind[]; currentStage: StageKind; status: ApplicationStatus }) {
  const [t, tStage] = await Promise.all([getTranslations("applications.detail.strip"), getTranslations("stage")]);
  const at = stages.indexOf(currentStage);
  return (
    <ol aria-label={t("label")} className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
      {stages.map((stage, i) => {
        const state = stepState(i, at, status);
        const Icon = state === "passed" ? Check : state === "failed" || state === "withdrawn" ? X : Circle;
        return (
          <li key={stage} aria-current={i === at ? "step" : undefined} className={clsx("flex flex-col gap-0.5 rounded-md border px-2.5 py-2 text-sm", tone[state])}>
            <span className="flex items-center gap-1 font-medium">
              <Icon aria-hidden className="h-3.5 w-3.5 shrink-0" />
              {tStage(stage)}
            </span>
            <span className="text-xs">{t(status === "PENDING_ENDORSEMENT" && state === "current" ? "pendingEndorsement" : state)}</span>
          </li>
        );
      })}
    </ol>
  );
}
