import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** 考核评价 / <programme> <year>年度考核: the way back from a doctor's sheet or links to the assessment. */
export async function AssessmentBreadcrumb({ assessment }: { assessment: { id: string; year: number; program: { name: string } } }) {
  const t = await getTranslations("evaluations");
  return (
    <nav aria-label={t("breadcrumb")} className="flex flex-wrap gap-x-2 text-sm print:hidden">
      <Link href="/evaluations" className="text-brand-700 hover:underline">
        {t("title")}
      </Link>
      <span aria-hidden className="text-slate-400">
        /
      </span>
      <Link href={`/evaluations/assessments/${assessment.id}`} className="text-brand-700 hover:underline">
        {t("assessment.heading", { program: assessment.program.name, year: assessment.year })}
      </Link>
    </nav>
  );
}
