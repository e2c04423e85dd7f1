import "server-only";
import { maskIdNumber } from "../domain/id-number";
import type { PrismaClient } from "../generated/prisma/client";
import type { Scope } from "../auth/policy";
import { getApplication, type ApplicationDetail } from "./application-queries";
import { mayViewIdNumber } from "./doctors";

// The registration form (报名表) of an application: the application as its reader may see it, with
// what the printed form needs beyond the detail page — the ID number (full only for those who may see
// it for this doctor, masked otherwise) and the grassroots service record.

export interface RegistrationFormData {
  application: ApplicationDetail;
  idNumber: string;
  isIdNumberMasked: boolean;
  hireDate: Date | null;
  grassrootsServices: { organizationName: string; startDate: Date; endDate: Date | null; isFullTime: boolean }[];
}

export async function registrationFormData(db: PrismaClient, scope: Scope, applicationId: string): Promise<RegistrationFormData> {
  // getApplication authorises the reader for the application (and so for its doctor's form).
  const application = await getApplication(db, scope, applicationId);
  const doctor = await db.doctor.findUniqueOrThrow({
    where: { id: application.doctor.id },
    select: {
      id: true,
      employerId: true,
      idNumber: true,
      hireDate: true,
      grassrootsServices: { orderBy: { startDate: "asc" }, select: { organizationName: true, startDate: true, endDate: true, isFullTime: true } },
    },
  });
  const full = mayViewIdNumber(scope, doctor);
  return {
    application,
    idNumber: full ? doctor.idNumber : maskIdNumber(doctor.idNumber),
    isIdNumberMasked: !full,
    hireDate: doctor.hireDate,
    grassrootsServices: doctor.grassrootsServices,
  };
}
