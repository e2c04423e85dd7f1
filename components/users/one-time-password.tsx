"use client";

import { Check, Copy, KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

/**
 * A generated password, shown once: it lives only in this component's props (the action's result),
 * never in the URL, storage or the page's HTML on reload.
 */
export function OneTimePassword({
  title,
  password,
  children,
  text,
}: {
  title: string;
  password: string;
  children?: ReactNode;
  /** Wording for another one-time secret (an API token) instead of a password. */
  text?: { description: string; label: string; copyFailed: string };
}) {
  const t = useTranslations("users.oneTime");
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <section role="status" aria-labelledby="one-time-title" className="rounded-lg border border-emerald-200 bg-emerald-50 p-5">
      <h2 id="one-time-title" className="flex items-center gap-2 text-base font-semibold text-emerald-900">
        <KeyRound aria-hidden className="h-5 w-5" />
        {title}
      </h2>
      <p className="mt-2 text-sm text-emerald-900">{text?.description ?? t("description")}</p>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-slate-700">{text?.label ?? t("label")}</span>
        <code data-testid="one-time-password" className="select-all break-all rounded-md border border-emerald-300 bg-white px-3 py-2 font-mono text-lg tracking-wider text-slate-900">
          {password}
        </code>
        <button
          type="button"
          onClick={copy}
          className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          {copied === "yes" ? <Check aria-hidden className="h-4 w-4 text-emerald-600" /> : <Copy aria-hidden className="h-4 w-4" />}
          {copied === "yes" ? t("copied") : t("copy")}
        </button>
      </div>
      <p aria-live="polite" className="mt-2 text-sm text-red-700">
        {copied === "failed" ? (text?.copyFailed ?? t("copyFailed")) : null}
      </p>
      {children ? <div className="mt-3 flex flex-wrap gap-2">{children}</div> : null}
    </section>
  );
}
