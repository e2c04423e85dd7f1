import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ScreeningResult } from "@/lib/server/eligibility";

/** The post being screened (programme, receiving organisation, title, specialty, headcount, batch) and its conditions. */
export async function ScreeningHeader({ post, rules }: Pick<ScreeningResult, "post" | "rules">) {
  const t = await getTranslations("eligibility.screening");
  const facts: [string, string][] = [
    [t("program"), post.program.name],
    [t("receivingOrg"), post.receivingOrg.name],
    [t("post"), post.title],
    [t("specialty"), post.specialty],
    [t("headcount"), t("headcountValue", { count: post.headcount })],
    [t("batch"), t("batchValue", { batch: post.rotationBatch })],
  ];
  return (
    <Card>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-3">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
        <h2 className="font-medium text-slate-700">{t("rules")}</h2>
        {rules.length === 0 ? (
          <p className="mt-1 text-slate-500">{t("noRules")}</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {rules.map((r) => (
              <li key={r.id} className="flex flex-wrap items-start gap-2">
                <Badge tone={r.isProgramWide ? "neutral" : "info"}>{r.isProgramWide ? t("programWide") : t("postOnly")}</Badge>
                <span className="min-w-0 flex-1 text-slate-700">{r.name}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
