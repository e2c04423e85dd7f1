import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import type { DoctorRow } from "@/lib/server/doctors";
import { titleInWords, type DoctorsTranslate } from "@/lib/title-words";
import type { ExistingApplication } from "@/lib/server/nomination-queries";
import type { Page } from "@/lib/schemas/list-query";

/**
 * The unit's doctors, searched by name on the server, one page at a time; each a link that picks it.
 * A doctor already in the programme is shown with that application instead (one post per programme).
 */
export async function DoctorPicker({
  page,
  q,
  selectedId,
  existing,
  hrefFor,
  keep,
}: {
  page: Page<DoctorRow>;
  q?: string;
  selectedId?: string;
  existing: Map<string, ExistingApplication>;
  hrefFor: (doctorId: string) => string;
  /** Search params the search form and pages keep (the chosen post). */
  keep: Record<string, string | undefined>;
}) {
  const [t, tList, tStatus, tTitle] = await Promise.all([getTranslations("applications"), getTranslations("list"), getTranslations("applicationStatus"), getTranslations("doctors")]);
  return (
    <div className="flex flex-col gap-3">
      <SearchForm label={t("pick.doctorSearch")} placeholder={t("pick.doctorSearchPlaceholder")} defaultValue={q} submitLabel={tList("search")}>
        {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      </SearchForm>
      {page.total === 0 ? (
        <EmptyState>{q ? t("pick.noDoctorsFound") : t("pick.noDoctors")}</EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={t("pick.doctorList")}>
            {page.rows.map((d) => {
              const taken = existing.get(d.id);
              const selected = d.id === selectedId;
              const line = (
                <span className="text-slate-600">
                  {d.department}
                  {d.currentTitle ? ` · ${titleInWords(tTitle as unknown as DoctorsTranslate, d.currentTitle)}` : ""}
                </span>
              );
              return (
                <li key={d.id} className={clsx("flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm", selected && "bg-brand-50")}>
                  <span className="flex flex-col">
                    <span className="font-medium text-slate-900">{d.name}</span>
                    {line}
                  </span>
                  <span className="flex flex-wrap items-center justify-end gap-2">
                    {taken ? (
                      <Link href={`/applications/${taken.id}`} className="text-xs text-slate-600 underline">
                        {t(taken.isLive ? "pick.alreadyApplied" : "pick.appliedBefore", { post: taken.postTitle, status: tStatus(taken.status) })}
                      </Link>
                    ) : null}
                    {taken?.isLive ? null : selected ? (
                      <span className="rounded-md bg-brand-600 px-3 py-1 text-xs font-medium text-white" aria-current="true">
                        {t("pick.chosen")}
                      </span>
                    ) : (
                      <Link href={hrefFor(d.id)} aria-label={t("pick.chooseDoctor", { name: d.name })} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-brand-700 hover:bg-slate-50">
                        {t("pick.choose")}
                      </Link>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
          <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={{ ...keep, q }} />
        </>
      )}
    </div>
  );
}
