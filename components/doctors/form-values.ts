// A stored doctor as the form's values (strings, "" for empty), and the blank form for a new doctor.
import { formatDateCell } from "@/lib/excel/sheet";
import type { DoctorFormValues } from "@/lib/schemas/doctors";
import type { DoctorDetail } from "@/lib/server/doctors";

const ymd = (d: Date | null) => (d ? formatDateCell(d, "date") : "");

export function formValuesOf(d: DoctorDetail): DoctorFormValues {
  return {
    name: d.name,
    sex: d.sex,
    ethnicity: d.ethnicity,
    birthDate: ymd(d.birthDate),
    idType: d.idType,
    idNumber: d.idNumber,
    education: d.education,
    degree: d.degree ?? "",
    major: d.major ?? "",
    employerId: d.employerId,
    department: d.department,
    specialty: d.specialty,
    practisingCategory: d.practisingCategory ?? "",
    positionRank: d.positionRank ?? "",
    positionTitle: d.positionTitle ?? "",
    hireDate: ymd(d.hireDate),
    phone: d.phone ?? "",
    titles: d.titles.map((x) => ({ level: x.level, name: x.name, specialty: x.specialty, obtainedOn: ymd(x.obtainedOn) })),
    grassrootsServices: d.grassrootsServices.map((g) => ({ organizationName: g.organizationName, startDate: ymd(g.startDate), endDate: ymd(g.endDate), isFullTime: g.isFullTime })),
  };
}

export function blankFormValues(employerId: string): DoctorFormValues {
  return {
    name: "", sex: "" as never, ethnicity: "汉族", birthDate: "", idType: "MAINLAND_ID", idNumber: "", education: "" as never, degree: "", major: "", employerId,
    department: "", specialty: "", practisingCategory: "", positionRank: "", positionTitle: "", hireDate: "", phone: "", titles: [], grassrootsServices: [],
  };
}
