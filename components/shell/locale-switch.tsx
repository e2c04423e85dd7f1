"use client";

import { Icon } from "@/components/ui/icon";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { switchLocale } from "@/lib/actions/preferences";
import { localeCookieName, type Locale } from "@/lib/i18n/config";

/** 中文 ⇄ English. Signed in, the choice is saved on the user; on the login page, in a cookie only. */
export function LocaleSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("locale");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const target: Locale = locale === "zh-CN" ? "en" : "zh-CN";

  function onClick() {
    startTransition(async () => {
      if (signedIn) {
        await switchLocale({ locale: target });
      } else {
        document.cookie = `${localeCookieName}=${target}; path=/; max-age=31536000; samesite=lax`;
      }
      router.refresh();
    });
  }

  return (
    <button
      type="button"
      onClick={onClick}
      disabled={pending}
      lang={target}
      aria-label={t("switchTo", { language: t(target) })}
      className="inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-60"
    >
      <Icon name="languages" className="h-4 w-4" />
      {t(target)}
    </button>
  );
}
