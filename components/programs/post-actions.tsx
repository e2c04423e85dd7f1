"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePostAction, setQuotasAction } from "@/lib/actions/programs";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorText, fieldErrorsOf, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";

/** Deletes a post after a confirmation; the server refuses outside a draft or once it has applications, in words. */
export function DeletePostButton({ postId, title }: { postId: string; title: string }) {
  const t = useTranslations("programsAdmin");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function onConfirm() {
    setError(null);
    const result = await deletePostAction({ id: postId });
    if (result?.data) router.refresh();
    else setError(serverErrorText(t as unknown as ErrorTranslator, result?.serverError));
  }
  return (
    <span className="inline-flex flex-col gap-1">
      <ConfirmDialog
        trigger={
          <button type="button" className="text-sm text-red-700 hover:underline">
            {t("posts.delete")}
          </button>
        }
        title={t("posts.deleteTitle", { title })}
        description={t("posts.deleteDescription")}
        confirmLabel={t("posts.deleteConfirm")}
        onConfirm={onConfirm}
      />
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** Minimum nominees per nominating unit for one post; an empty box or 0 means no minimum for that unit. */
export function QuotaEditor({ postId, units, quotas }: { postId: string; units: { id: string; name: string }[]; quotas: Record<string, number> }) {
  const t = useTranslations("programsAdmin");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(units.map((u) => [u.id, quotas[u.id] !== undefined ? String(quotas[u.id]) : ""])));
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setMessage(null);
    const entries = Object.entries(values).filter(([, v]) => v.trim() !== "");
    if (entries.some(([, v]) => !/^\d{1,2}$/.test(v.trim()))) {
      setMessage({ tone: "error", text: errorText(te, "minimumRange") });
      return;
    }
    setBusy(true);
    try {
      const result = await setQuotasAction({ postId, quotas: entries.map(([nominatingOrgId, v]) => ({ nominatingOrgId, minimum: Number(v) })) });
      if (result?.data) {
        setMessage({ tone: "ok", text: t("quotas.saved") });
        router.refresh();
      } else {
        const fields = fieldErrorsOf(result);
        setMessage({ tone: "error", text: fields.quotas ? errorText(te, fields.quotas) : serverErrorText(te, result?.serverError) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("quotas.hint")}</p>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {units.map((u) => (
          <label key={u.id} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm">
            <span className="text-slate-800">{u.name}</span>
            <input
              type="number"
              min={0}
              max={99}
              inputMode="numeric"
              value={values[u.id] ?? ""}
              onChange={(e) => setValues((prev) => ({ ...prev, [u.id]: e.target.value }))}
              className="w-16 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums"
              aria-label={t("quotas.minimumFor", { unit: u.name })}
            />
          </label>
        ))}
      </div>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {message.text}
        </p>
      ) : null}
      <Button type="button" className="self-start" disabled={busy} aria-busy={busy} onClick={save}>
        {t("quotas.save")}
      </Button>
    </div>
  );
}
