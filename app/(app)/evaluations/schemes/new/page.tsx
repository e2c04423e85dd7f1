import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SchemeForm, type SchemeDraft } from "@/components/evaluations/scheme-form";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { formatHundredths } from "@/lib/domain/scoring";
import { getScheme, listSchemes } from "@/lib/server/evaluations";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("schemes.newTitle") };
}

// A new scheme of the bureau's own, made from another (?from=<schemeId>; the default otherwise).
export default async function NewSchemePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("evaluation.manage");
  const { from } = await searchParams;
  const [t, schemes] = await Promise.all([getTranslations("evaluations"), listSchemes(prisma, scope)]);
  const base = typeof from === "string" ? await orErrorPage(() => getScheme(prisma, scope, from)) : schemes.find((s) => s.isDefault)!;
  const initial: SchemeDraft = {
    basedOnId: base.id,
    name: "",
    description: base.description ?? "",
    quotaPercent: String(base.quotaPercent),
    minServedPercent: String(base.minServedPercent),
    parties: base.parties.map((p) => ({ party: p.party, weight: String(p.weight) })),
    aspects: base.aspects.map((a) => ({ name: a.name, maxPoints: String(a.maxPoints) })),
    bands: base.bands.map((b) => ({ grade: b.grade, minTotal: formatHundredths(b.minTotal).replace(/\.00$/, "") })),
  };

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("breadcrumb")}>
        <Link href="/evaluations/schemes" className="text-sm text-brand-700 hover:underline">
          {t("schemes.backToList")}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("schemes.newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{base.name}</p>
      </div>
      <Card>
        <SchemeForm initial={initial} />
      </Card>
    </div>
  );
}
