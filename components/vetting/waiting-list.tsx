"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type CSSProperties } from "react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { FormMessages } from "@/components/ui/form-messages";
import type { DecisionOutcome, StageKind } from "@/lib/generated/prisma/enums";
import { ApplicantName, VerdictBadge, type VettingRow } from "./applicant";
import { DecisionDialog } from "./decision-dialog";

const OUTCOMES: { outcome: DecisionOutcome; key: "pass" | "fail" | "withdraw" }[] = [
  { outcome: "PASS", key: "pass" },
  { outcome: "FAIL", key: "fail" },
  { outcome: "WITHDRAW", key: "withdraw" },
];

/**
 * The applications waiting at a stage. Staff tick some (or all) and pass, fail or withdraw them at
 * once: one dialog asks the reason where the rules need it and confirms "将N人标记为…". At a full cap
 * 通过 is disabled with the reason beside it; choosing more than may still pass warns in the dialog
 * (the server refuses it either way). Readers
 * (auditors) see the same list without the controls.
 */
export function WaitingList({
  rows,
  stage,
  canDecide,
  emptyText,
  remaining = null,
}: {
  rows: VettingRow[];
  stage: StageKind;
  canDecide: boolean;
  emptyText: string;
  /** How many more may pass the stage (ratio × headcount less those through); null: no cap. */
  remaining?: number | null;
}) {
  const t = useTranslations("vetting");
  const tKind = useTranslations("attachments.kind");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const capFullId = useId();
  const capFull = remaining !== null && remaining <= 0;
  // Rows decided elsewhere drop out of the list on refresh: keep only what is still shown.
  const chosen = rows.filter((r) => selected.has(r.id));
  const allChosen = rows.length > 0 && chosen.length === rows.length;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allChosen ? new Set() : new Set(rows.map((r) => r.id)));
  const targets = chosen.map((r) => ({ id: r.id, name: r.name, eligibilityVerdict: r.eligibilityVerdict, missingDocuments: r.missingDocuments }));
  const done = (text: string) => {
    setMessage(text);
    setSelected(new Set());
  };

  const checkbox = (row: VettingRow) => (
    <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={selected.has(row.id)} onChange={() => toggle(row.id)} aria-label={t("bulk.selectRow", { name: row.name })} />
  );
  const missing = (row: VettingRow) =>
    row.missingDocuments && row.missingDocuments.length > 0 ? (
      <Badge tone="warning">{t("stagePage.missing", { documents: row.missingDocuments.map((k) => tKind(k)).join(t("stagePage.kindJoiner")) })}</Badge>
    ) : null;

  const columns = [t("stagePage.columns.name"), t("stagePage.columns.employer"), t("stagePage.columns.unit"), t("stagePage.columns.verdict"), t("stagePage.columns.documents")];
  // The card layout's labels, once on the table (components/ui/table.tsx does the same for the server's tables).
  const cardLabels = Object.fromEntries(columns.slice(1).map((label, i) => [`--c${i + 2}`, JSON.stringify(label)])) as CSSProperties;

  // Rendered when nobody waits too, so that "已将3人标记为…" stays after the refresh empties the list.
  if (rows.length === 0) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessages success={message} />
        <p className="text-sm text-slate-500">{emptyText}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <FormMessages success={message} />
      {canDecide ? (
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2" role="toolbar" aria-label={t("decision.title")}>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={allChosen} onChange={toggleAll} ref={(el) => { if (el) el.indeterminate = chosen.length > 0 && !allChosen; }} />
            {t("bulk.selectAll")}
          </label>
          <span className="text-sm text-slate-600" aria-live="polite">
            {t("bulk.selected", { count: chosen.length })}
          </span>
          <span className="flex flex-wrap gap-2 sm:ml-auto">
            {OUTCOMES.map(({ outcome, key }) => (
              <DecisionDialog
                key={outcome}
                outcome={outcome}
                stage={stage}
                targets={targets}
                remaining={outcome === "PASS" ? remaining : null}
                onDone={done}
                trigger={
                  <Button
                    type="button"
                    variant={outcome === "PASS" ? "primary" : "secondary"}
                    disabled={chosen.length === 0 || (outcome === "PASS" && capFull)}
                    aria-describedby={outcome === "PASS" && capFull ? capFullId : undefined}
                    className="px-3 py-1.5"
                  >
                    {t(`bulk.${key}`)}
                  </Button>
                }
              />
            ))}
          </span>
          {capFull ? (
            <p id={capFullId} className="w-full text-sm text-amber-800">
              {t("bulk.capFull")}
            </p>
          ) : null}
        </div>
      ) : null}

      {/* One table; on a phone CSS lays its rows out as cards (.table-cards in app/globals.css), labelled from the head. */}
      <div className="relative overflow-x-auto">
        <table className="table-cards w-full text-left text-sm" style={cardLabels}>
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <tr>
              {columns.map((label) => (
                <th key={label} scope="col" className="px-3 py-2 font-medium">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 [&>tr>td]:px-3 [&>tr>td]:py-2.5 [&>tr>td]:align-top">
            {rows.map((row) => (
              <tr key={row.id} className={selected.has(row.id) ? "bg-brand-50" : undefined}>
                <td>
                  <span className="flex items-start gap-2">
                    {canDecide ? <span className="pt-0.5">{checkbox(row)}</span> : null}
                    <ApplicantName row={row} />
                  </span>
                </td>
                <td>{row.employerName}</td>
                <td>{row.unitName}</td>
                <td>
                  <VerdictBadge verdict={row.eligibilityVerdict} />
                </td>
                <td className="max-md:col-span-2">
                  <span className="flex flex-wrap items-center gap-1.5">
                    <span className="tabular-nums">{t("stagePage.documents", { count: row.documents })}</span>
                    {missing(row)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
