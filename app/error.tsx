"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

// The last resort for an unexpected failure while rendering: words, not a stack trace. Its words are a
// namespace of their own (errorPage), so every page's client catalogue holds three sentences, not all of `errors`.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <div className="mt-2 flex gap-3">
        <button type="button" onClick={reset} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">
          {t("retry")}
        </button>
        <Link href="/" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
