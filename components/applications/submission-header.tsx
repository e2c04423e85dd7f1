import { getTranslations } from "next-intl/server";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import type { Role } from "@/lib/generated/prisma/enums";
import type { RegistrationWindow } from "@/lib/server/nomination-queries";
import { DeadlineNotice } from "./deadline-notice";

/** The top of the nomination and self-registration pages: back to the programme, what to do, the unit's deadline. */
export async function SubmissionHeader({ role, mode, programId, programName, window }: { role: Role; mode: "nominate" | "register"; programId: string; programName: string; window: RegistrationWindow | null }) {
  const t = await getTranslations("applications");
  return (
    <>
      <div>
        <ProgramBreadcrumbs role={role} program={{ id: programId, name: programName }} trail={[{ label: t(`${mode}.title`) }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t(`${mode}.title`)}</h1>
        <p className="mt-1 text-sm text-slate-600">{t(`${mode}.subtitle`)}</p>
      </div>
      <DeadlineNotice window={window} />
    </>
  );
}
