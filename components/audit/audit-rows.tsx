"use client";

import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";

/**
 * One entry of the audit log as the server words it (components/audit/audit-table.tsx): its own page's
 * href, the instant (ISO) and its words, who (name, role, the user name an unknown account tried),
 * the action [tone, words], the sentence, the record (name, kind, id), the address and the change in
 * one line. Strings only: the page's payload carries each entry once as data, not as a tree of
 * elements beside the HTML, and no entry's whole before/after (issue 17: 581 KB for 20 entries).
 */
export type AuditRowCells = [
  href: string,
  at: string,
  when: string,
  actor: string,
  actorMuted: boolean,
  role: string | null,
  tried: string | null,
  action: [Tone, string],
  summary: string,
  subject: string | null,
  entity: string,
  entityId: string | null,
  ip: string,
  change: string,
];

/** The rows of the audit log's table (its head, caption and card labels are the server's Table). */
export function AuditRows({ rows }: { rows: AuditRowCells[] }) {
  return rows.map(([href, at, when, actor, actorMuted, role, tried, action, summary, subject, entity, entityId, ip, change]) => (
    <tr key={href}>
      <td className="whitespace-nowrap tabular-nums text-slate-700">
        <time dateTime={at}>{when}</time>
      </td>
      <td>
        <div className={actorMuted ? "text-slate-500" : "font-medium text-slate-900"}>{actor}</div>
        {role ? <div className="text-xs text-slate-500">{role}</div> : null}
        {tried ? <div className="break-all text-xs text-slate-500">{tried}</div> : null}
      </td>
      <td className="min-w-56 max-md:col-span-2">
        <Badge tone={action[0]}>{action[1]}</Badge>
        <Link href={href} className="mt-1 block text-brand-700 hover:underline">
          {summary}
        </Link>
      </td>
      <td className="max-md:col-span-2">
        {subject ? <div className="text-slate-800">{subject}</div> : null}
        <div className="text-xs text-slate-500">
          {entity}
          {entityId ? <span className="ml-1 break-all font-mono text-slate-400">{entityId}</span> : null}
        </div>
      </td>
      <td className="whitespace-nowrap text-xs text-slate-600">
        <span className="font-mono">{ip}</span>
      </td>
      <td className="min-w-40 text-xs text-slate-600 max-md:col-span-2">{change}</td>
    </tr>
  ));
}
