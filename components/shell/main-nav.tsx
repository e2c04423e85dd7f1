"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { lazy, Suspense, useRef, useState } from "react";
import { Icon } from "@/components/ui/icon";
import type { IconName } from "@/lib/icons/sprite-icons";
import type { NavItem } from "@/lib/navigation";

const icons: Record<NavItem["icon"], IconName> = {
  dashboard: "layout-dashboard",
  organizations: "building",
  users: "users",
  audit: "file-search",
  programs: "folder-kanban",
  doctors: "stethoscope",
  applications: "clipboard-list",
  leave: "calendar-clock",
  service: "briefcase-medical",
  receiving: "user-check",
  workload: "bar-chart",
  dispatches: "calendar-range",
  evaluations: "clipboard-check",
  allowances: "wallet",
  timeline: "history",
  workforce: "trending-up",
};

const loadDrawer = () => import("./mobile-nav-drawer");
const MobileNavDrawer = lazy(() => loadDrawer().then((m) => ({ default: m.MobileNavDrawer })));
/** Fetch the drawer's code as the pointer comes near the button (or it gets focus), before the press. */
function preloadDrawer() {
  void loadDrawer();
}

/** A menu entry as the header passes it: where, its words for the role, its icon. */
export type NavEntry = { href: string; label: string; icon: NavItem["icon"] };

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ items, pathname, vertical, onNavigate }: { items: NavEntry[]; pathname: string; vertical?: boolean; onNavigate?: () => void }) {
  return items.map((item) => {
    const active = isActive(pathname, item.href);
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
        <Icon name={icons[item.icon]} className="h-4 w-4 shrink-0" />
        {item.label}
      </Link>
    );
  });
}

/** The main menu: a wrapping row on wide screens (every item visible); a drawer behind a button on a phone or tablet. */
export function MainNav({ items, label }: { items: NavEntry[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="hidden flex-wrap items-center gap-1 lg:flex">
      <NavLinks items={items} pathname={pathname} />
    </nav>
  );
}

/**
 * The phone's menu button; its drawer (Radix Dialog: focus stays inside while open, Escape and the
 * backdrop close it) is ./mobile-nav-drawer, loaded on the first press: Radix's dialog with its focus
 * trap and scroll lock is 13 KB gzip that no page needs before then (issue 17, first-load JavaScript).
 */
export function MobileNav({ items, label, openLabel, closeLabel, menuLabel, footer }: { items: NavEntry[]; label: string; openLabel: string; closeLabel: string; menuLabel: string; footer?: React.ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // The drawer is mounted from the first press on and kept: reopening loads nothing.
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label={openLabel}
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preloadDrawer}
        onFocus={preloadDrawer}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
        className="inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 lg:hidden"
      >
        <Icon name="menu" className="h-4 w-4" />
        <span>{menuLabel}</span>
      </button>
      {wanted ? (
        <Suspense fallback={null}>
          <MobileNavDrawer open={open} onOpenChange={setOpen} returnFocusTo={button} label={label} closeLabel={closeLabel} footer={footer}>
            <NavLinks items={items} pathname={pathname} vertical onNavigate={() => setOpen(false)} />
          </MobileNavDrawer>
        </Suspense>
      ) : null}
    </>
  );
}
