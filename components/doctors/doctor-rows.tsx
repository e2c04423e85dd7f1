"use client";

import Link from "next/link";

/**
 * One doctor of the list as the server words it (components/doctors/doctor-table.tsx): id, name,
 * sex, birth date, employer, department, specialty when it differs, title, "since" line, position, ID
 * number. Strings only, so the page's payload carries the data once instead of a tree of elements
 * that repeats the HTML (issue 17: 20 rows were ~1 KB each in the payload, as markup with classes).
 * `title` null: no title on record (`noTitle` words in its place, greyed).
 */
export type DoctorRowCells = [id: string, name: string, sex: string, birthDate: string, employer: string, department: string, specialty: string | null, title: string | null, since: string | null, position: string, idNumber: string];

/** The rows of the doctor list's table (its head, caption and card labels are the server's Table). */
export function DoctorRows({ rows, noTitle }: { rows: DoctorRowCells[]; noTitle: string }) {
  return rows.map(([id, name, sex, birthDate, employer, department, specialty, title, since, position, idNumber]) => (
    <tr key={id}>
      <td className="whitespace-nowrap">
        <Link href={`/doctors/${id}`} className="row-link">
          {name}
        </Link>
      </td>
      <td className="whitespace-nowrap">{sex}</td>
      <td className="whitespace-nowrap tabular-nums">{birthDate}</td>
      <td className="min-w-40 max-md:col-span-2">{employer}</td>
      <td className="min-w-32">
        {department}
        {specialty ? <div className="note">{specialty}</div> : null}
      </td>
      <td className="min-w-36 max-md:col-span-2">
        {title ?? <span className="text-slate-400">{noTitle}</span>}
        {since ? <div className="note">{since}</div> : null}
      </td>
      <td className="min-w-24">{position}</td>
      <td className="whitespace-nowrap font-mono text-xs max-md:col-span-2">{idNumber}</td>
    </tr>
  ));
}
