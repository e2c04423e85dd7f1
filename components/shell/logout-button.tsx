"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";

export function LogoutButton() {
  const t = useTranslations("auth");
  return (
    <button
      type="button"
      // next-auth's client is loaded on the press, not with every page (issue 17: first-load JavaScript).
      onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }))}
      aria-label={t("logout")}
      className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
    >
      <LogOut aria-hidden className="h-4 w-4" />
      <span className="hidden whitespace-nowrap sm:inline">{t("logout")}</span>
    </button>
  );
}
