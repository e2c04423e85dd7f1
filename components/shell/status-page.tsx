"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";

type Key = "notFoundTitle" | "notFoundHint" | "forbiddenTitle" | "forbiddenHint" | "unauthorizedTitle" | "unauthorizedHint" | "backHome" | "signIn";

/**
 * The not-found, forbidden and unauthorized pages: a title, a hint and a way on, in the root's client
 * messages (errorPage). Client components: Next puts these pages into every page's payload (twice each),
 * where a client reference is a few bytes and the words travel once (issue 17).
 */
export function StatusPage({ title, hint, href, link, fullScreen = false }: { title: Key; hint: Key; href: string; link: Key; fullScreen?: boolean }) {
  const t = useTranslations("errorPage");
  return (
    <main className={`flex ${fullScreen ? "min-h-screen" : "min-h-[60vh]"} flex-col items-center justify-center gap-3 px-4 text-center`}>
      <h1 className="text-xl font-semibold">{t(title)}</h1>
      <p className="text-sm text-slate-600">{t(hint)}</p>
      <Link href={href} className="mt-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t(link)}
      </Link>
    </main>
  );
}
