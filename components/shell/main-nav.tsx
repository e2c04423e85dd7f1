"use client";

import * as Dialog from "@radix-ui/react-dialog";
import clsx from "clsx";
import { BarChart3, BriefcaseMedical, TrendingUp, Building2, ClipboardCheck, ClipboardList, CalendarClock, CalendarRange, UserCheck, FileSearch, LayoutDashboard, Menu, Stethoscope, Users, FolderKanban, History, Wallet, X, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import type { NavItem } from "@/lib/navigation";

const icons: Record<NavItem["icon"], LucideIcon> = {
  dashboard: LayoutDashboard,
  organizations: Building2,
  users: Users,
  audit: FileSearch,
  programs: FolderKanban,
  doctors: Stethoscope,
  applications: ClipboardList,
  leave: CalendarClock,
  service: BriefcaseMedical,
  receiving: UserCheck,
  workload: BarChart3,
  dispatches: CalendarRange,
  evaluations: ClipboardCheck,
  allowances: Wallet,
  timeline: History,
  workforce: TrendingUp,
};

type Item = { href: string; label: string; icon: NavItem["icon"] };

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ items, pathname, vertical, onNavigate }: { items: Item[]; pathname: string; vertical?: boolean; onNavigate?: () => void }) {
  return items.map((item) => {
    const active = isActive(pathname, item.href);
    const Icon = icons[item.icon];
    return (
      <Link
        key={`${item.href}-${item.label}`}
        href={item.href}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className={clsx(
          "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md text-sm font-medium",
          vertical ? "px-3 py-2.5" : "px-3 py-1.5",
          active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100",
        )}
      >
        <Icon aria-hidden className="h-4 w-4 shrink-0" />
        {item.label}
      </Link>
    );
  });
}

/** The main menu: a wrapping row on wide screens (every item visible); a drawer behind a button on a phone or tablet. */
export function MainNav({ items, label }: { items: Item[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="hidden flex-wrap items-center gap-1 lg:flex">
      <NavLinks items={items} pathname={pathname} />
    </nav>
  );
}

/**
 * The phone's menu button and drawer (Radix Dialog: focus stays inside while open, Escape and the
 * backdrop close it, the button says whether it is open).
 */
export function MobileNav({ items, label, openLabel, closeLabel, menuLabel, footer }: { items: Item[]; label: string; openLabel: string; closeLabel: string; menuLabel: string; footer?: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        aria-label={openLabel}
        aria-expanded={open}
        className="inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 lg:hidden"
      >
        <Menu aria-hidden className="h-4 w-4" />
        <span>{menuLabel}</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content aria-describedby={undefined} className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-2 overflow-y-auto bg-white p-4 shadow-xl focus:outline-none">
          <div className="flex items-center justify-between">
            <Dialog.Title className="text-base font-semibold text-slate-900">{label}</Dialog.Title>
            <Dialog.Close aria-label={closeLabel} className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100">
              <X aria-hidden className="h-5 w-5" />
            </Dialog.Close>
          </div>
          <nav aria-label={label} className="flex flex-col gap-0.5">
            <NavLinks items={items} pathname={pathname} vertical onNavigate={() => setOpen(false)} />
          </nav>
          {footer ? <div className="mt-auto border-t border-slate-200 pt-3 text-xs text-slate-500">{footer}</div> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
