import clsx from "clsx";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PrintButton } from "@/components/ui/print-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { TIMELINE_KINDS, timelineYear, type TimelineKind } from "@/lib/domain/doctor-timeline";
import type { Locale } from "@/lib/i18n/config";
import type { DoctorTimeline } from "@/lib/server/doctor-timeline";
import { timelineFormat, timelineSentence, timelineWhen } from "@/lib/i18n/timeline-words";
import { PrintSheetStyle } from "@/components/ui/print-sheet-style";

const tones: Partial<Record<TimelineKind, "info" | "success" | "warning" | "danger">> = {
  application: "info",
  decision: "info",
  notice: "info",
  dispatch: "success",
  absence: "danger",
  leave: "warning",
  serviceEvaluation: "success",
  assessment: "success",
};

/**
 * A doctor's timeline, by year, oldest first; the kind chips filter it (a link each, so the URL
 * holds the filter and the page prints what it shows). `basePath` is the page's own path.
 */
export async function DoctorTimelineView({ timeline, kind, basePath }: { timeline: DoctorTimeline; kind: TimelineKind | null; basePath: string }) {
  const [t, tAll, locale] = await Promise.all([getTranslations("timeline"), getTranslations(), getLocale()]);
  const f = timelineFormat(locale as Locale);
  const present = TIMELINE_KINDS.filter((k) => timeline.events.some((e) => e.kind === k));
  const shown = kind ? timeline.events.filter((e) => e.kind === kind) : timeline.events;
  const years = new Map<number, typeof shown>();
  for (const e of shown) {
    const year = timelineYear(e.at, e.isCalendarDay);
    years.set(year, [...(years.get(year) ?? []), e]);
  }

  return (
    <div className="flex flex-col gap-4">
      <PrintSheetStyle />
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <nav aria-label={t("filter.label")} className="flex flex-wrap gap-2">
          <FilterChip href={basePath} active={kind === null} label={t("filter.all")} />
          {present.map((k) => (
            <FilterChip key={k} href={`${basePath}?kind=${k}`} active={kind === k} label={t(`kind.${k}`)} />
          ))}
        </nav>
        {shown.length > 0 ? <PrintButton label={t("print")} /> : null}
      </div>
      <p className="text-sm text-slate-600">{t("count", { count: shown.length })}</p>
      {shown.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        [...years.entries()].map(([year, events]) => (
          <section key={year} aria-labelledby={`year-${year}`} className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm print:break-inside-auto print:border-0 print:shadow-none">
            <h2 id={`year-${year}`} className="border-b border-slate-100 px-5 py-2 text-base font-semibold text-slate-800">
              {year}
            </h2>
            <ol className="divide-y divide-slate-100">
              {events.map((e) => (
                <li key={`${e.kind}-${e.key}`} className="grid gap-1 px-5 py-3 sm:grid-cols-[11rem_8rem_1fr] sm:gap-3 print:break-inside-avoid">
                  <span className="text-sm tabular-nums text-slate-500">{timelineWhen(e, f)}</span>
                  <span>
                    <Badge tone={tones[e.kind] ?? "neutral"}>{t(`kind.${e.kind}`)}</Badge>
                  </span>
                  <span className="min-w-0 break-words text-sm text-slate-800">
                    <Link href={e.href} className="text-brand-700 hover:underline print:text-slate-900 print:no-underline">
                      {timelineSentence(e, tAll, f)}
                    </Link>
                    {e.programName ? <span className="mt-0.5 block text-xs text-slate-500">{e.programName}</span> : null}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
    </div>
  );
}

function FilterChip({ href, active, label }: { href: string; active: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={clsx("rounded-full px-3 py-1 text-sm ring-1 ring-inset", active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50")}
    >
      {label}
    </Link>
  );
}

/** The ?kind= filter of a timeline page: a known kind, anything else none. */
export function timelineKindParam(value: string | string[] | undefined): TimelineKind | null {
  return typeof value === "string" && (TIMELINE_KINDS as readonly string[]).includes(value) ? (value as TimelineKind) : null;
}
