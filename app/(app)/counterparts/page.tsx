import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, EmptyState } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { programWhere, serviceDesk } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { counterpartQuerySchema } from "@/lib/schemas/dispatches";
import { counterpartMap, type CounterpartPair } from "@/lib/server/counterparts";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("counterparts");
  return { title: t("title") };
}

// 对口支援: per receiving unit, the dispatching units supporting it, with who serves there now (until
// when) and who is coming (from when). Counted in SQL in the caller's scope: the bureau sees its
// programmes', a dispatching unit its own doctors', a receiving unit who supports it.
export default async function CounterpartsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("dispatch.read");
  const raw = await searchParams;
  const parsed = counterpartQuerySchema.safeParse({ programId: typeof raw.programId === "string" ? raw.programId : undefined });
  const query: { programId?: string } = parsed.success ? parsed.data : {};
  const [map, programs, t, format] = await Promise.all([
    counterpartMap(prisma, scope, query),
    prisma.program.findMany({ where: { AND: [programWhere(scope), { dispatches: { some: {} } }] }, select: { id: true, name: true }, orderBy: { createdAt: "desc" }, take: 50 }),
    getTranslations("counterparts"),
    getFormatter(),
  ]);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const byReceiving = new Map<string, { name: string; pairs: CounterpartPair[] }>();
  for (const p of map.pairs) {
    const group = byReceiving.get(p.receivingOrgId) ?? { name: p.receivingOrgName, pairs: [] };
    group.pairs.push(p);
    byReceiving.set(p.receivingOrgId, group);
  }
  const doctorLink = (id: string, text: string) =>
    serviceDesk(scope) === "own" ? <span>{text}</span> : <Link href={`/dispatches/${id}`} className="text-brand-700 hover:underline">{text}</Link>;
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {programs.length > 1 ? (
        <form className="flex flex-wrap items-end gap-2" method="get">
          <FilterSelect label={t("program")} name="programId" value={query.programId} allLabel={t("allPrograms")} options={programs.map((p) => ({ value: p.id, label: p.name }))} className="max-w-80" />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">{t("filter")}</button>
        </form>
      ) : null}
      {map.pairs.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-600" role="status">
            {t("summary", { receiving: map.totals.receivingOrgs, dispatching: map.totals.dispatchingOrgs, here: map.totals.here, coming: map.totals.coming })}
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            {[...byReceiving.entries()].map(([id, group]) => (
              <Card key={id} title={group.name}>
                <ul className="flex flex-col gap-4">
                  {group.pairs.map((p) => (
                    <li key={p.dispatchingOrgId} className="flex flex-col gap-2">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <p className="font-medium text-slate-900">{t("from", { name: p.dispatchingOrgName })}</p>
                        <p className="text-sm text-slate-600">
                          {t("here", { count: p.hereCount })} · {t("coming", { count: p.comingCount })}
                        </p>
                      </div>
                      {p.here.length ? (
                        <ul aria-label={t("hereTitle")} className="flex flex-col gap-1 border-l-2 border-emerald-300 pl-3 text-sm text-slate-700">
                          {p.here.map((d) => (
                            <li key={d.dispatchId} className="break-words">{doctorLink(d.dispatchId, t("hereLine", { name: d.name, post: d.postTitle, day: day(d.day) }))}</li>
                          ))}
                          {p.hereCount > p.here.length ? <li className="text-slate-500">{t("more", { count: p.hereCount - p.here.length })}</li> : null}
                        </ul>
                      ) : (
                        <p className="text-sm text-slate-500">{t("noneHere")}</p>
                      )}
                      {p.coming.length ? (
                        <ul aria-label={t("comingTitle")} className="flex flex-col gap-1 border-l-2 border-sky-300 pl-3 text-sm text-slate-700">
                          {p.coming.map((d) => (
                            <li key={d.dispatchId} className="break-words">{doctorLink(d.dispatchId, t("comingLine", { name: d.name, post: d.postTitle, day: day(d.day) }))}</li>
                          ))}
                          {p.comingCount > p.coming.length ? <li className="text-slate-500">{t("more", { count: p.comingCount - p.coming.length })}</li> : null}
                        </ul>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </Card>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
