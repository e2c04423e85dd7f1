"use client";

import clsx from "clsx";
import { BarChart3, BriefcaseMedical, Building2, ClipboardCheck, ClipboardList, CalendarClock, CalendarRange, UserCheck, FileSearch, LayoutDashboard, Stethoscope, Users, FolderKanban, Wallet, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
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
};

export function MainNav({ items, label }: { items: { href: string; label: string; icon: NavItem["icon"] }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex items-center gap-1 whitespace-nowrap">
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
        const Icon = icons[item.icon];
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "inline-flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium",
              active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            <Icon aria-hidden className="h-4 w-4" />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
