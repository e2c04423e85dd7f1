import { ClipboardCheck, LayoutGrid, ListChecks, UserPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { can, isBureauRole, type Scope } from "@/lib/auth/policy";
import type { RegistrationWindow } from "@/lib/server/nomination-queries";
import { DeadlineNotice } from "./deadline-notice";

const primary = "inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700";
const secondary = "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

/**
 * The programme page's applications panel, per role: a unit nominates (推荐报名) and sees how many it
 * has; a doctor registers (我要报名); the bureau opens the vetting board and the programme's list.
 * The page loads what it shows: `total` (the applications the user sees), `window` (the registration
 * window, for those who submit while the programme is open) and `quotas` (the unit's quota progress).
 */
export async function ProgramApplicationsCard({
  scope,
  programId,
  programStatus,
  total,
  window,
  quotas,
}: {
  scope: Scope;
  programId: string;
  programStatus: string;
  total: number;
  window: RegistrationWindow | null;
  quotas?: ReactNode;
}) {
  const t = await getTranslations("applications.program");
  const listHref = `/applications?programId=${programId}`;
  const role = scope.user.role;
  const isOpen = programStatus === "OPEN";
  const nominator = can(scope, "application.nominate");
  const doctor = can(scope, "application.register");

  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-4">
        {window ? <DeadlineNotice window={window} /> : null}
        <div className="flex flex-wrap items-center gap-2">
          {nominator && isOpen ? (
            <Link href={`/programs/${programId}/nominate`} className={primary}>
              <UserPlus aria-hidden className="h-4 w-4" />
              {t("nominate")}
            </Link>
          ) : null}
          {doctor && isOpen ? (
            <Link href={`/programs/${programId}/register`} className={primary}>
              <ClipboardCheck aria-hidden className="h-4 w-4" />
              {t("register")}
            </Link>
          ) : null}
          {isBureauRole(role) ? (
            <Link href={`/programs/${programId}/vetting`} className={primary}>
              <LayoutGrid aria-hidden className="h-4 w-4" />
              {t("board")}
            </Link>
          ) : null}
          <Link href={listHref} className={secondary}>
            <ListChecks aria-hidden className="h-4 w-4" />
            {t(`list.${nominator ? "unit" : doctor ? "doctor" : "all"}`, { count: total })}
          </Link>
        </div>
        {quotas}
      </div>
    </Card>
  );
}
