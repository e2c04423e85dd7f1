import { Download, Search } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { actionFamilyLabel, actionLabel, entityLabel, type Translate } from "@/lib/audit-labels";

export interface FilterValues {
  q?: string;
  action?: string;
  entity?: string;
  actor?: string;
  from?: string;
  to?: string;
}

const input = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";
const label = "flex flex-col gap-1 text-sm";
const caption = "font-medium text-slate-700";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="text-xs text-red-600">
      {message}
    </span>
  ) : null;
}

/**
 * The audit log's filters: a GET form, so the filters live in the URL (bookmarkable, and the export
 * links carry the same ones). Values are shown as the user typed them, even when invalid.
 */
export async function AuditFilters({
  values,
  errors,
  actions,
  entities,
  exportQuery,
  exportLimit,
}: {
  values: FilterValues;
  errors: Partial<Record<keyof FilterValues, string>>;
  actions: string[];
  entities: string[];
  /** The valid filters as a query string for the export links; null while they are invalid. */
  exportQuery: string | null;
  exportLimit: number;
}) {
  const t = (await getTranslations("audit")) as unknown as Translate;
  // A family ("auth.*") is offered when more than one of its actions is present.
  const families = [...new Set(actions.map((a) => a.split(".")[0]!))].filter((f) => actions.filter((a) => a.startsWith(`${f}.`)).length > 1);
  const aria = (key: keyof FilterValues) => (errors[key] ? { "aria-invalid": true as const, "aria-describedby": `audit-${key}-error` } : {});

  return (
    <form method="get" role="search" aria-label={t("filters.legend")} className="flex flex-col gap-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        <label className={`${label} sm:col-span-2`}>
          <span className={caption}>{t("filters.q")}</span>
          <span className="relative">
            <Search aria-hidden className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" />
            <input name="q" type="search" defaultValue={values.q} placeholder={t("filters.qPlaceholder")} maxLength={100} className={`${input} pl-8`} {...aria("q")} />
          </span>
          <FieldError id="audit-q-error" message={errors.q} />
        </label>
        <label className={label}>
          <span className={caption}>{t("filters.action")}</span>
          <select name="action" defaultValue={values.action ?? ""} className={input} {...aria("action")}>
            <option value="">{t("filters.allActions")}</option>
            {families.length > 0 ? (
              <optgroup label={t("filters.byFamily")}>
                {families.map((f) => (
                  <option key={f} value={`${f}.*`}>
                    {actionFamilyLabel(t, f)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            <optgroup label={t("filters.byAction")}>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {actionLabel(t, a)}
                </option>
              ))}
            </optgroup>
          </select>
          <FieldError id="audit-action-error" message={errors.action} />
        </label>
        <label className={label}>
          <span className={caption}>{t("filters.entity")}</span>
          <select name="entity" defaultValue={values.entity ?? ""} className={input} {...aria("entity")}>
            <option value="">{t("filters.allEntities")}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {entityLabel(t, e)}
              </option>
            ))}
          </select>
          <FieldError id="audit-entity-error" message={errors.entity} />
        </label>
        <label className={`${label} sm:col-span-2 lg:col-span-2`}>
          <span className={caption}>{t("filters.actor")}</span>
          <input name="actor" type="text" defaultValue={values.actor} placeholder={t("filters.actorPlaceholder")} maxLength={100} className={input} {...aria("actor")} />
          <FieldError id="audit-actor-error" message={errors.actor} />
        </label>
        <label className={label}>
          <span className={caption}>{t("filters.from")}</span>
          <input name="from" type="date" defaultValue={values.from} className={input} {...aria("from")} />
          <FieldError id="audit-from-error" message={errors.from} />
        </label>
        <label className={label}>
          <span className={caption}>{t("filters.to")}</span>
          <input name="to" type="date" defaultValue={values.to} className={input} {...aria("to")} />
          <FieldError id="audit-to-error" message={errors.to} />
        </label>
      </div>
      <p className="text-xs text-slate-500">{t("filters.dateHint")}</p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("filters.apply")}
        </button>
        <Link href="/admin/audit" className="rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100">
          {t("filters.reset")}
        </Link>
        {exportQuery !== null ? (
          <span className="flex flex-wrap items-center gap-2 sm:ml-auto">
            {(["csv", "xlsx"] as const).map((format) => (
              <a
                key={format}
                href={`/api/v1/audit/export?${exportQuery ? `${exportQuery}&` : ""}format=${format}`}
                download
                className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                <Download aria-hidden className="h-4 w-4" />
                {t(`export.${format}`)}
              </a>
            ))}
            <span className="w-full text-xs text-slate-500 sm:w-auto">{t("export.hint", { limit: exportLimit.toLocaleString("en-US").replace(/,/g, " ") })}</span>
          </span>
        ) : null}
      </div>
    </form>
  );
}
