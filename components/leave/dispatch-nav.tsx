import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DispatchBreadcrumbs } from "@/components/dispatches/dispatch-breadcrumbs";
import type { Role } from "@/lib/generated/prisma/enums";

/** The breadcrumb back to the dispatch and the tabs between its leave and attendance pages. */
export async function DispatchServiceNav({ role, dispatchId, doctorName, current }: { role: Role; dispatchId: string; doctorName: string; current: "leave" | "attendance" }) {
  const t = await getTranslations("leave");
  const tabs = [
    { key: "leave", href: `/dispatches/${dispatchId}/leave`, label: t("tabs.leave") },
    { key: "attendance", href: `/dispatches/${dispatchId}/attendance`, label: t("tabs.attendance") },
  ] as const;
  return (
    <div className="flex flex-col gap-3">
      <DispatchBreadcrumbs role={role} dispatch={{ id: dispatchId, doctorName }} trail={[{ label: current === "leave" ? t("tabs.leave") : t("tabs.attendance") }]} />
      <div className="flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={tab.key === current ? "page" : undefined}
            className={clsx("-mb-px border-b-2 px-3 py-2 text-sm font-medium", tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
          >
            {tab.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
