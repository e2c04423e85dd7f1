"use client";

import Link from "next/link";
import { Icon } from "@/components/ui/icon";
import { LocaleSwitch } from "./locale-switch";
import { LogoutButton } from "./logout-button";
import { MainNav, MobileNav, type NavEntry } from "./main-nav";
import { NotificationBell } from "./notification-bell";

/** The header's words, worded by the server (./app-header.tsx) for the user's role and locale. */
export interface HeaderWords {
  skipToContent: string;
  appName: string;
  mainNav: string;
  openMenu: string;
  closeMenu: string;
  menu: string;
  userMenu: string;
  changePassword: string;
  logout: string;
  /** The bell's label: how many unread notifications, or none. */
  bell: string;
}

/**
 * The signed-in header, drawn from data: the page's RSC payload carries the menu, the user's name,
 * unit and role and the words once (~1.5 KB) instead of the header's element tree, and the menu once
 * for the row and the phone's drawer (issue 17).
 */
export function HeaderBar({ words, items, user, unread }: { words: HeaderWords; items: NavEntry[]; user: { name: string; organization: string; role: string }; unread: number }) {
  const who = `${user.name} · ${user.organization} · ${user.role}`;
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
        {words.skipToContent}
      </a>
      {/* Below 1024 px: the menu button, brand and account actions on one row; the menu is a drawer.
          Up to 1536 px: the navigation wraps on its own row below. Wider screens: one row. */}
      <div className="mx-auto grid max-w-7xl grid-cols-[1fr_auto] items-center gap-x-3 gap-y-2 sm:gap-x-6 px-4 py-3 sm:px-6 2xl:flex">
        <div className="flex min-w-0 items-center gap-2">
          <MobileNav items={items} label={words.mainNav} openLabel={words.openMenu} closeLabel={words.closeMenu} menuLabel={words.menu} footer={who} />
          <Link href="/" className="truncate text-base font-bold tracking-wide text-brand-800 sm:text-lg">
            {words.appName}
          </Link>
        </div>
        <div className="col-start-2 row-start-1 flex items-center gap-1 2xl:order-last 2xl:ml-auto 2xl:gap-2">
          <div className="hidden text-right text-sm leading-tight md:block" aria-label={words.userMenu}>
            <div className="font-medium text-slate-800">{user.name}</div>
            <div className="flex items-center justify-end gap-1 text-xs text-slate-500">
              <Icon name="building" className="h-3 w-3" />
              <span>
                {user.organization} · {user.role}
              </span>
            </div>
          </div>
          <NotificationBell count={unread} label={words.bell} />
          <LocaleSwitch signedIn />
          <Link href="/account/password" aria-label={words.changePassword} className="inline-flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
            <Icon name="key-round" className="h-4 w-4" />
            <span className="hidden whitespace-nowrap lg:inline">{words.changePassword}</span>
          </Link>
          <LogoutButton label={words.logout} />
        </div>
        <div className="col-span-2 hidden lg:block 2xl:col-span-1">
          <MainNav label={words.mainNav} items={items} />
        </div>
        <p className="col-span-2 text-xs text-slate-500 md:hidden">{who}</p>
      </div>
    </header>
  );
}
