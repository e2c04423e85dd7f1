import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { formatHundredths } from "@/lib/domain/scoring";
import { listSchemes } from "@/lib/server/evaluations";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("schemes.title") };
}

// The schemes as data: each one's parties and weights, aspects and maxima, bands, quota and who is
// assessed; staff make a new one from any.
export default async function SchemesPage() {
  const { scope } = await requirePermission("evaluation.read");
  const [schemes, t] = await Promise.all([listSchemes(prisma, scope), getTranslations("evaluations")]);
  const canMake = can(scope, "evaluation.manage");

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("breadcrumb")}>
        <Link href="/evaluations" className="text-sm text-brand-700 hover:underline">
          {t("assessment.backToList")}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("schemes.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("schemes.subtitle")}</p>
      </div>
      {schemes.map((s) => (
        <Card
          key={s.id}
          title={
            <span className="flex flex-wrap items-center gap-2">
              {s.name}
              {s.isDefault ? <Badge tone="info">{t("schemes.default")}</Badge> : null}
              <Badge>{s.bureauId ? t("schemes.own") : t("schemes.builtIn")}</Badge>
            </span>
          }
        >
          {s.description ? <p className="mb-4 text-sm text-slate-600">{s.description}</p> : null}
          <div className="grid gap-6 md:grid-cols-3">
            <section>
              <h3 className="text-sm font-medium text-slate-700">{t("schemes.parties")}</h3>
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {s.parties.map((p) => (
                  <li key={p.party} className="flex justify-between gap-3">
                    <span>{t(`party.${p.party}`)}</span>
                    <span className="tabular-nums">{t("schemes.weightValue", { weight: p.weight })}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="text-sm font-medium text-slate-700">{t("schemes.aspects")}</h3>
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {s.aspects.map((a) => (
                  <li key={a.id} className="flex justify-between gap-3">
                    <span>{a.name}</span>
                    <span className="tabular-nums">{t("schemes.pointsValue", { points: a.maxPoints })}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section>
              <h3 className="text-sm font-medium text-slate-700">{t("schemes.bands")}</h3>
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {s.bands.map((b, i) => (
                  <li key={b.grade} className="flex justify-between gap-3">
                    <span>{t(`grade.${b.grade}`)}</span>
                    <span className="tabular-nums">
                      {i === s.bands.length - 1 ? t("schemes.bandLowest", { points: formatHundredths(s.bands[i - 1]?.minTotal ?? 0) }) : t("schemes.bandValue", { points: formatHundredths(b.minTotal) })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <dl className="mt-4 grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="inline font-medium text-slate-700">{t("schemes.quota")}：</dt>
              <dd className="inline">{t("schemes.quotaValue", { percent: s.quotaPercent })}</dd>
            </div>
            <div>
              <dt className="inline font-medium text-slate-700">{t("schemes.served")}：</dt>
              <dd className="inline">{t("schemes.servedValue", { percent: s.minServedPercent })}</dd>
            </div>
          </dl>
          {canMake ? (
            <div className="mt-4">
              <Link href={`/evaluations/schemes/new?from=${s.id}`} className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
                <Plus aria-hidden className="h-4 w-4" />
                {t("schemes.basedOn")}
              </Link>
            </div>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
