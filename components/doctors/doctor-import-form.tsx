"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRef, useState } from "react";
import { commitDoctorImportAction, previewDoctorImportAction } from "@/lib/actions/doctors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";
import { IMPORT_COLUMNS, type ImportProblem, type ImportRow, type SheetProblem } from "@/lib/domain/doctor-import";
import { doctorImportSchema, MAX_IMPORT_BYTES } from "@/lib/schemas/doctors";
import { useActionForm } from "@/lib/forms/use-action-form";
import { FormMessages } from "@/components/ui/form-messages";

interface Preview {
  fileName: string;
  sheetProblems: SheetProblem[];
  rows: Omit<ImportRow, "record">[];
  counts: { rows: number; create: number; update: number; withProblems: number };
}

const HEADER_OF = new Map(IMPORT_COLUMNS.map((c) => [c.key, c.header]));

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Upload → preview (every row with its problems, nothing written) → import (the same file sent again;
 * the server checks it again and writes all rows in one transaction, or none).
 */
export function DoctorImportForm() {
  const t = useTranslations("doctors.import");
  const fileRef = useRef<HTMLInputElement>(null);
  // The checked file is the form's value: the preview sends it, the import sends the same again.
  const form = useActionForm({ namespace: "doctors.import", schema: doctorImportSchema, defaultValues: { fileName: "", contentBase64: "" }, fields: [], action: previewDoctorImportAction });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Preview["counts"] | null>(null);
  const [busy, setBusy] = useState<"check" | "commit" | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);

  async function check() {
    form.setMessage({});
    setPreview(null);
    setDone(null);
    const file = fileRef.current?.files?.[0];
    const problem = !file ? "fileRequired" : file.size > MAX_IMPORT_BYTES ? "fileTooLarge" : !/\.(xlsx|csv)$/i.test(file.name) ? "fileType" : null;
    if (problem || !file) return form.setMessage({ error: form.say(problem ?? "fileRequired") });
    setBusy("check");
    try {
      form.reset({ fileName: file.name, contentBase64: toBase64(await file.arrayBuffer()) });
      const data = await form.send();
      if (data) setPreview(data);
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    if (!form.getValues("contentBase64")) return;
    setBusy("commit");
    try {
      const data = await form.send({}, commitDoctorImportAction);
      if (data) {
        setDone(data.counts);
        setPreview(null);
        form.reset();
        if (fileRef.current) fileRef.current.value = "";
      }
    } finally {
      setBusy(null);
    }
  }

  const problemText = (p: ImportProblem) => {
    const text = form.t.has(`problems.${p.code}`) ? t(`problems.${p.code}` as never, p.params as never) : p.code;
    return p.column ? `${HEADER_OF.get(p.column)}：${text}` : text;
  };
  const actionBadge = (row: Preview["rows"][number]) => (row.action === "update" ? <Badge tone="info">{t("actionUpdate")}</Badge> : <Badge>{t("actionCreate")}</Badge>);
  const problemList = (row: Preview["rows"][number]) =>
    row.problems.length === 0 ? (
      <span className="text-emerald-700">{t("ok")}</span>
    ) : (
      <ul className="list-disc pl-4 text-red-700">
        {row.problems.map((p, i) => (
          <li key={i}>{problemText(p)}</li>
        ))}
      </ul>
    );
  const isClean = !!preview && preview.sheetProblems.length === 0 && preview.counts.withProblems === 0 && preview.counts.rows > 0;
  const shown = preview ? (onlyProblems ? preview.rows.filter((r) => r.problems.length > 0) : preview.rows) : [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1.5 text-sm">
          <span className="font-medium text-slate-700">{t("file")}</span>
          <input ref={fileRef} type="file" accept=".xlsx,.csv" className="text-sm" onChange={() => setPreview(null)} />
        </label>
        <Button type="button" onClick={check} disabled={busy !== null} aria-busy={busy === "check"}>
          {busy === "check" ? t("checking") : t("check")}
        </Button>
      </div>

      <FormMessages error={form.message.error} />
      {done ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("done", { create: done.create, update: done.update })}{" "}
          <Link href="/doctors" className="underline">
            {t("toList")}
          </Link>
        </p>
      ) : null}

      {preview ? (
        <section aria-live="polite" className="flex flex-col gap-3">
          {preview.sheetProblems.map((p) => (
            <p key={p.code} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {t(`sheetProblems.${p.code}`, p.params as never)}
            </p>
          ))}
          {preview.sheetProblems.length === 0 ? (
            <>
              <p className="text-sm text-slate-700">{t("summary", { rows: preview.counts.rows, create: preview.counts.create, update: preview.counts.update, problems: preview.counts.withProblems })}</p>
              {isClean ? (
                <div className="flex flex-wrap items-center gap-3 rounded-md bg-emerald-50 px-3 py-2">
                  <span className="text-sm text-emerald-800">{t("ready")}</span>
                  <Button type="button" onClick={commit} disabled={busy !== null} aria-busy={busy === "commit"}>
                    {busy === "commit" ? t("committing") : t("commit", { count: preview.counts.rows })}
                  </Button>
                </div>
              ) : (
                <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("hasProblems")}</p>
              )}
              {preview.counts.withProblems > 0 ? (
                <label className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} className="h-4 w-4" />
                  {t("showOnlyProblems")}
                </label>
              ) : null}
              <ul className="divide-y divide-slate-100 sm:hidden" aria-label={t("caption")}>
                {shown.map((row) => (
                  <li key={row.rowNumber} className="py-3 text-sm">
                    <div className="flex items-start justify-between gap-2">
                      <span className="font-medium text-slate-900">
                        {t("rowNumber")} {row.rowNumber} · {row.name}
                      </span>
                      {actionBadge(row)}
                    </div>
                    <p className="font-mono text-xs text-slate-500">{row.idNumber}</p>
                    <p className="text-slate-600">{row.employerName}</p>
                    {problemList(row)}
                  </li>
                ))}
              </ul>
              <div className="hidden sm:block">
              <Table caption={t("caption")} head={[t("rowNumber"), t("name"), t("idNumber"), t("employer"), t("action"), t("problemsColumn")]}>
                {shown.map((row) => (
                  <tr key={row.rowNumber} className={row.problems.length > 0 ? "bg-red-50/50" : undefined}>
                    <Td className="tabular-nums">{row.rowNumber}</Td>
                    <Td className="whitespace-nowrap">{row.name}</Td>
                    <Td className="whitespace-nowrap font-mono text-xs">{row.idNumber}</Td>
                    <Td>{row.employerName}</Td>
                    <Td>{actionBadge(row)}</Td>
                    <Td className="min-w-64">{problemList(row)}</Td>
                  </tr>
                ))}
              </Table>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
