import { Building2, KeyRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { navFor } from "@/lib/navigation";
import { LocaleSwitch } from "./locale-switch";
import { LogoutButton } from "./logout-button";
import { MainNav, MobileNav } from "./main-nav";
import { NotificationBell } from "./notification-bell";

export async function AppHeader({ user, unread }: { user: SessionUser; unread: number }) {
  const [t, tApp, tNav, tRoles, tAccount] = await Promise.all([
    getTranslations("shell"),
    getTranslations("app"),
    getTranslations("nav"),
    getTranslations("roles"),
    getTranslations("account"),
  ]);
  const items = navFor(user.role).map((item) => ({ href: item.href, icon: item.icon, label: tNav(item.labelKey as "dashboard") }));
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {tApp("skipToContent")}
      </a>
      {/* Below 1024 px: the menu button, brand and account actions on one row; the menu is a drawer.
          Up to 1536 px: the navigation wraps on its own row below. Wider screens: one row. */}
      <div className="mx-auto grid max-w-7xl grid-cols-[1fr_auto] items-center gap-x-3 gap-y-2 sm:gap-x-6 px-4 py-3 sm:px-6 2xl:flex">
        <div className="flex min-w-0 items-center gap-2">
          <MobileNav
            items={items}
            label={t("mainNav")}
            openLabel={t("openMenu")}
            closeLabel={t("closeMenu")}
            menuLabel={t("menu")}
            footer={
              <>
                {user.displayName} · {user.organizationName} · {tRoles(user.role)}
              </>
            }
          />
          <Link href="/" className="truncate text-base font-bold tracking-wide text-brand-800 sm:text-lg">
            {tApp("name")}
          </Link>
        </div>
        <div className="col-start-2 row-start-1 flex items-center gap-1 2xl:order-last 2xl:ml-auto 2xl:gap-2">
          <div className="hidden text-right text-sm leading-tight md:block" aria-label={t("userMenu")}>
            <div className="font-medium text-slate-800">{user.displayName}</div>
            <div className="flex items-center justify-end gap-1 text-xs text-slate-500">
              <Building2 aria-hidden className="h-3 w-3" />
              <span>
                {user.organizationName} · {tRoles(user.role)}
              </span>
            </div>
          </div>
          <NotificationBell count={unread} />
          <LocaleSwitch signedIn />
          <Link
            href="/account/password"
            aria-label={tAccount("changeLink")}
            className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
          >
            <KeyRound aria-hidden className="h-4 w-4" />
            <span className="hidden whitespace-nowrap lg:inline">{tAccount("changeLink")}</span>
          </Link>
          <LogoutButton />
        </div>
        <div className="col-span-2 hidden lg:block 2xl:col-span-1">
          <MainNav label={t("mainNav")} items={items} />
        </div>
        <p className="col-span-2 text-xs text-slate-500 md:hidden">
          {user.displayName} · {user.organizationName} · {tRoles(user.role)}
        </p>
      </div>
    </header>
  );
}
