import "server-only";
import { audit } from "../audit";
import { authorize, doctorWhere, type Scope } from "../auth/policy";
import { maskIdNumber } from "../domain/id-number";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { createDoctorSchema, updateDoctorSchema, type DoctorInput } from "../schemas/doctors";
import { doctorFieldsSelect } from "./doctors";
import { checkEditVersion } from "./edit-version";
import { actorOf, fieldError, parse, runTx, visibleOr, type RunTxOptions, type Tx } from "./kit";
import { recomputeDoctors } from "./screening-store";

// Creating and editing a doctor's record with its title and grassroots histories: parse → authorize
// (the employer before and after must lie in the user's subtree) → one transaction → one audit row
// with before and after, the ID number masked there.

/** "2013-10-31" → the UTC-midnight Date a @db.Date column holds. */
export function day(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

const snapshotSelect = {
  ...doctorFieldsSelect,
  titles: { orderBy: [{ obtainedOn: "asc" }, { level: "asc" }], select: { level: true, name: true, specialty: true, obtainedOn: true } },
  grassrootsServices: { orderBy: { startDate: "asc" }, select: { organizationName: true, startDate: true, endDate: true, isFullTime: true } },
} as const satisfies Prisma.DoctorSelect;

type Snapshot = Prisma.DoctorGetPayload<{ select: typeof snapshotSelect }>;

/** What the audit row keeps: everything, but the ID number masked. */
export function auditSnapshot(doctor: Snapshot) {
  return { ...doctor, idNumber: maskIdNumber(doctor.idNumber) };
}

/** The doctor's own columns from validated input, dates as Dates. */
export function doctorData(input: DoctorInput) {
  return {
    name: input.name,
    sex: input.sex,
    ethnicity: input.ethnicity,
    birthDate: day(input.birthDate),
    idType: input.idType,
    idNumber: input.idNumber,
    education: input.education,
    degree: input.degree,
    major: input.major,
    employerId: input.employerId,
    department: input.department,
    specialty: input.specialty,
    practisingCategory: input.practisingCategory,
    positionRank: input.positionRank,
    positionTitle: input.positionTitle,
    hireDate: input.hireDate ? day(input.hireDate) : null,
    phone: input.phone,
  };
}

function titleRows(input: DoctorInput) {
  return input.titles.map((t) => ({ level: t.level, name: t.name, specialty: t.specialty, obtainedOn: day(t.obtainedOn) }));
}

function grassrootsRows(input: DoctorInput) {
  return input.grassrootsServices.map((g) => ({
    organizationName: g.organizationName,
    startDate: day(g.startDate),
    endDate: g.endDate ? day(g.endDate) : null,
    isFullTime: g.isFullTime,
  }));
}

/** The employer must exist, be an organisation that employs doctors, and lie in the user's subtree. */
export async function checkEmployer(tx: Tx, scope: Scope, employerId: string): Promise<void> {
  const employer = await tx.organization.findUnique({ where: { id: employerId }, select: { id: true, kind: true } });
  if (!employer || employer.kind === "BUREAU") throw fieldError("employerId", "employerNotFound");
  authorize(scope, "doctor.manage", { organizationId: employer.id });
}

async function checkIdNumberFree(tx: Tx, idNumber: string, exceptId?: string): Promise<void> {
  const other = await tx.doctor.findFirst({ where: { idNumber, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw fieldError("idNumber", "idNumberTaken");
}

/** Two saves at once with the same ID number: the database refuses the second, with the same message. */
export const doctorUniqueViolations: RunTxOptions = { uniqueFields: { Doctor_idNumber_key: ["idNumber", "idNumberTaken"] }, conflictKey: "titleDuplicate" };

export async function createDoctor(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ id: string }> {
  const input = parse(createDoctorSchema, raw);
  authorize(scope, "doctor.manage");
  return runTx(db, async (tx) => {
    await checkEmployer(tx, scope, input.employerId);
    await checkIdNumberFree(tx, input.idNumber);
    const created = await tx.doctor.create({
      data: { ...doctorData(input), titles: { create: titleRows(input) }, grassrootsServices: { create: grassrootsRows(input) } },
      select: snapshotSelect,
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "doctor.create", entity: "Doctor", entityId: created.id, after: auditSnapshot(created) });
    await recomputeDoctors(tx, [created.id]);
    return { id: created.id };
  }, doctorUniqueViolations);
}

/**
 * Replaces the record and both histories with the form's, from the version the editor started from
 * (a stale one: 409 naming what changed; none: the API's If-Match is required by its route). The
 * doctor must be in the user's scope (else "notFound", as a missing one), and so must the new employer.
 */
export async function updateDoctor(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ id: string }> {
  const { id, version, ...input } = parse(updateDoctorSchema, raw);
  authorize(scope, "doctor.manage");
  return runTx(db, async (tx) => {
    // Lock the row: two editors at once apply one after the other, each audited against what it replaced.
    await tx.$executeRaw`SELECT 1 FROM "Doctor" WHERE "id" = ${id} FOR UPDATE`;
    const before = visibleOr(await tx.doctor.findFirst({ where: { AND: [{ id }, doctorWhere(scope)] }, select: snapshotSelect }));
    authorize(scope, "doctor.manage", { organizationId: before.employerId });
    await checkEditVersion(tx, "Doctor", id, before.version, version);
    if (input.employerId !== before.employerId) await checkEmployer(tx, scope, input.employerId);
    await checkIdNumberFree(tx, input.idNumber, id);
    await tx.titleRecord.deleteMany({ where: { doctorId: id } });
    await tx.grassrootsServiceRecord.deleteMany({ where: { doctorId: id } });
    const written = await tx.doctor.update({
      where: { id },
      data: { ...doctorData(input), titles: { create: titleRows(input) }, grassrootsServices: { create: grassrootsRows(input) } },
      select: snapshotSelect,
    });
    if (JSON.stringify(before) === JSON.stringify(written)) return { id };
    // A change raises the version (a save that changes nothing leaves other editors current).
    const after = await tx.doctor.update({ where: { id }, data: { version: { increment: 1 } }, select: snapshotSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "doctor.update", entity: "Doctor", entityId: id, before: auditSnapshot(before), after: auditSnapshot(after) });
    // His stored screening verdicts follow in the same transaction (issue 17).
    await recomputeDoctors(tx, [id]);
    return { id };
  }, doctorUniqueViolations);
}
