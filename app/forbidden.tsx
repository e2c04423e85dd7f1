"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

// A client component with its words in the root's client messages (errorPage): Next puts this page's
// tree into every page's payload (twice), where a client reference is a few bytes (issue 17).
export default function Forbidden() {
  const t = useTranslations("errorPage");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="text-sm text-slate-600">{t("forbiddenHint")}</p>
      <Link href="/" className="mt-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t("backHome")}
      </Link>
    </main>
  );
}
