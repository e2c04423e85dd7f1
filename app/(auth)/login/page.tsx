import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getSessionUser } from "@/lib/auth/session";
import { signInErrorCode } from "@/lib/auth/sign-in-errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[]; error?: string | string[] }> }) {
  if (await getSessionUser()) redirect("/");
  const [t, tApp, { reason, error }] = await Promise.all([getTranslations("auth"), getTranslations("app"), searchParams]);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
      <div className="absolute right-4 top-4">
        <LocaleSwitch signedIn={false} />
      </div>
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold tracking-wide text-brand-800">{tApp("name")}</p>
          <p className="mt-2 text-sm text-slate-600">{tApp("tagline")}</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-md">
          <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-500">{t("subtitle")}</p>
          <LoginForm notice={reason === "idle" || reason === "expired" ? t("sessionEnded") : undefined} initialError={signInErrorCode(typeof error === "string" ? error : undefined)} />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">{t("securityNote")}</p>
      </div>
    </main>
  );
}
