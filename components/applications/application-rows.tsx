"use client";

import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";

/**
 * One application of a list as the server words it (components/applications/application-table.tsx):
 * id, doctor's name, "sex · employer", registration-number line, post, batch, programme, stage, status
 * [tone, words], "self-registered" words, verdict [tone, words] (null: none recorded), exception
 * [reason, mark] (null: none), submitted at, documents. Strings only, so the page's payload carries the
 * data once instead of a tree of elements repeating the HTML (issue 17: ~1.7 KB a row in the payload).
 */
export type ApplicationRowCells = [
  id: string,
  doctor: string,
  doctorLine: string,
  numberLine: string | null,
  post: string,
  batch: string,
  program: string,
  stage: string,
  status: [Tone, string],
  self: string | null,
  verdict: [Tone, string] | null,
  exception: [reason: string, mark: string] | null,
  submitted: string,
  documents: string,
];

/** The rows of an application list's table (its head, caption and card labels are the server's Table). */
export function ApplicationRows({ rows }: { rows: ApplicationRowCells[] }) {
  return rows.map(([id, doctor, doctorLine, numberLine, post, batch, program, stage, status, self, verdict, exception, submitted, documents]) => (
    <tr key={id}>
      <td className="min-w-36">
        <Link href={`/applications/${id}`} className="row-link">
          {doctor}
        </Link>
        <div className="note">{doctorLine}</div>
        {numberLine ? <div className="note tabular-nums">{numberLine}</div> : null}
      </td>
      <td className="min-w-44 max-md:col-span-2">
        <div className="text-slate-900">
          {`${post} `}
          <span className="text-slate-500">{`· ${batch}`}</span>
        </div>
        <div className="note">{program}</div>
      </td>
      <td className="whitespace-nowrap">{stage}</td>
      <td className="whitespace-nowrap">
        <Badge tone={status[0]}>{status[1]}</Badge>
        {self ? <span className="note ml-1">{self}</span> : null}
      </td>
      <td className="min-w-28 max-md:col-span-2">
        <span className="inline-flex flex-wrap items-center gap-1">
          {verdict ? <Badge tone={verdict[0]}>{verdict[1]}</Badge> : <span className="text-slate-400">—</span>}
          {exception ? (
            <span title={exception[0]} className="inline-flex items-center rounded-full bg-orange-100 px-2 py-0.5 text-xs font-semibold text-orange-800 ring-1 ring-inset ring-orange-300">
              {exception[1]}
            </span>
          ) : null}
        </span>
      </td>
      <td className="whitespace-nowrap tabular-nums max-md:col-span-2">{submitted}</td>
      <td className="whitespace-nowrap tabular-nums">{documents}</td>
    </tr>
  ));
}
