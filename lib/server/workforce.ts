import "server-only";
import { audit } from "../audit";
import { authorize, targetedStudentWhere, workforceRegionWhere, type Scope } from "../auth/policy";
import { dayDate } from "../domain/service-period";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { createContractSchema, createFigureSchema, saveContractSchema, saveFigureSchema, updateContractSchema, updateFigureSchema } from "../schemas/workforce";
import { checkEditVersion } from "./edit-version";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";

// Entering the workforce figures and contracts (seed 002): bureau staff set a region's target and
// actual of an indicator for a year, correct them from the version read, and keep the targeted
// students' contracts. parse → authorize (the region or the place of service within the caller's
// scope, derived on the server) → one transaction → audit row → the row.

const figureSelect = { id: true, indicatorId: true, organizationId: true, year: true, target: true, numerator: true, denominator: true, version: true } as const satisfies Prisma.WorkforceFigureSelect;
type FigureRow = Prisma.WorkforceFigureGetPayload<{ select: typeof figureSelect }>;

export interface FigureView {
  id: string;
  indicatorId: string;
  regionId: string;
  year: number;
  target: number | null;
  numerator: number | null;
  denominator: number | null;
  version: number;
}

function figureView(row: FigureRow): FigureView {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    regionId: row.organizationId,
    year: row.year,
    target: row.target === null ? null : Number(row.target),
    numerator: row.numerator,
    denominator: row.denominator,
    version: row.version,
  };
}

/** The audit's words: the indicator and region by name beside the values. */
async function figureWords(tx: Tx, view: FigureView) {
  const [indicator, region] = await Promise.all([
    tx.workforceIndicator.findUniqueOrThrow({ where: { id: view.indicatorId }, select: { name: true } }),
    tx.organization.findUniqueOrThrow({ where: { id: view.regionId }, select: { name: true } }),
  ]);
  return { indicator: indicator.name, region: region.name, year: view.year, target: view.target, numerator: view.numerator, denominator: view.denominator, version: view.version };
}

/** Registry indicators are counted, never entered: an actual for one is refused. */
async function checkIndicator(tx: Tx, indicatorId: string, hasCounts: boolean) {
  const indicator = await tx.workforceIndicator.findUnique({ where: { id: indicatorId }, select: { source: true } });
  if (!indicator) throw fieldError("indicatorId", "indicatorUnknown");
  if (indicator.source === "REGISTRY" && hasCounts) throw fieldError("numerator", "countedFromRegistry");
}

export async function createFigure(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<FigureView> {
  const input = parse(createFigureSchema, raw);
  authorize(scope, "workforce.manage");
  return runTx(
    db,
    async (tx) => {
      const region = await tx.organization.findFirst({ where: { AND: [workforceRegionWhere(scope), { id: input.regionId }] }, select: { id: true } });
      if (!region) throw fieldError("regionId", "regionOutOfScope");
      authorize(scope, "workforce.manage", { organizationId: region.id });
      await checkIndicator(tx, input.indicatorId, input.numerator !== null);
      const row = await tx.workforceFigure.create({
        data: { indicatorId: input.indicatorId, organizationId: region.id, year: input.year, target: input.target, numerator: input.numerator, denominator: input.denominator, enteredById: scope.user.id, enteredAt: now },
        select: figureSelect,
      });
      const view = figureView(row);
      await audit(tx, { actor: await actorOf(tx, scope), action: "workforce.figure_create", entity: "WorkforceFigure", entityId: row.id, after: await figureWords(tx, view) });
      return view;
    },
    { uniqueFields: { WorkforceFigure_indicatorId_organizationId_year_key: ["year", "figureExists"] } },
  );
}

export async function updateFigure(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<FigureView> {
  const input = parse(updateFigureSchema, raw);
  authorize(scope, "workforce.manage");
  return runTx(db, async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "WorkforceFigure" WHERE id = ${input.figureId} FOR UPDATE`;
    const before = visibleOr(await tx.workforceFigure.findFirst({ where: { id: input.figureId, organization: workforceRegionWhere(scope) }, select: figureSelect }));
    authorize(scope, "workforce.manage", { organizationId: before.organizationId });
    await checkEditVersion(tx, "WorkforceFigure", before.id, before.version, input.version);
    await checkIndicator(tx, before.indicatorId, input.numerator !== null);
    const row = await tx.workforceFigure.update({
      where: { id: before.id },
      data: { target: input.target, numerator: input.numerator, denominator: input.denominator, enteredById: scope.user.id, enteredAt: now, version: { increment: 1 } },
      select: figureSelect,
    });
    const view = figureView(row);
    await audit(tx, { actor: await actorOf(tx, scope), action: "workforce.figure_update", entity: "WorkforceFigure", entityId: row.id, before: await figureWords(tx, figureView(before)), after: await figureWords(tx, view) });
    return view;
  });
}

/** The form's one action: a correction when it carries the row's id and version, else a new row. */
export async function saveFigure(db: PrismaClient, scope: Scope, raw: unknown): Promise<FigureView> {
  const input = parse(saveFigureSchema, raw);
  if (input.figureId && input.version) return updateFigure(db, scope, { ...input, figureId: input.figureId, version: input.version });
  return createFigure(db, scope, input);
}

// ─── Targeted students' contracts ───

const contractSelect = { id: true, name: true, school: true, graduationYear: true, serviceYears: true, serviceStartDate: true, serviceOrgId: true, doctorId: true, note: true, version: true } as const satisfies Prisma.TargetedStudentSelect;
type ContractRecord = Prisma.TargetedStudentGetPayload<{ select: typeof contractSelect }>;
export type ContractView = Omit<ContractRecord, "serviceStartDate"> & { serviceStartDate: string };

function contractView(row: ContractRecord): ContractView {
  return { ...row, serviceStartDate: row.serviceStartDate.toISOString().slice(0, 10) };
}

/** The place of service and the registry record, if given, must lie in the caller's scope. */
async function checkContractTargets(tx: Tx, scope: Scope, input: { serviceOrgId: string; doctorId: string | null }) {
  const org = await tx.organization.findFirst({ where: { id: input.serviceOrgId, AND: [{ id: { in: scope.subtreeIds } }] }, select: { id: true, name: true } });
  if (!org) throw fieldError("serviceOrgId", "serviceOrgOutOfScope");
  authorize(scope, "workforce.manage", { organizationId: org.id });
  if (input.doctorId) {
    const doctor = await tx.doctor.findFirst({ where: { id: input.doctorId, employerId: { in: scope.subtreeIds } }, select: { id: true } });
    if (!doctor) throw fieldError("doctorId", "doctorOutOfScope");
  }
  return org;
}

const contractUnique = { uniqueFields: { TargetedStudent_name_school_graduationYear_key: ["name", "contractExists"] } } as const;

export async function createContract(db: PrismaClient, scope: Scope, raw: unknown): Promise<ContractView> {
  const input = parse(createContractSchema, raw);
  authorize(scope, "workforce.manage");
  return runTx(
    db,
    async (tx) => {
      const org = await checkContractTargets(tx, scope, input);
      const row = await tx.targetedStudent.create({ data: { ...input, serviceStartDate: dayDate(input.serviceStartDate), createdById: scope.user.id }, select: contractSelect });
      const view = contractView(row);
      await audit(tx, { actor: await actorOf(tx, scope), action: "workforce.contract_create", entity: "TargetedStudent", entityId: row.id, after: { ...view, serviceOrg: org.name } });
      return view;
    },
    contractUnique,
  );
}

export async function updateContract(db: PrismaClient, scope: Scope, raw: unknown): Promise<ContractView> {
  const input = parse(updateContractSchema, raw);
  authorize(scope, "workforce.manage");
  return runTx(
    db,
    async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM "TargetedStudent" WHERE id = ${input.contractId} FOR UPDATE`;
      const before = visibleOr(await tx.targetedStudent.findFirst({ where: { AND: [{ id: input.contractId }, targetedStudentWhere(scope)] }, select: contractSelect }));
      authorize(scope, "workforce.manage", { organizationId: before.serviceOrgId });
      await checkEditVersion(tx, "TargetedStudent", before.id, before.version, input.version);
      const org = await checkContractTargets(tx, scope, input);
      const data = { name: input.name, school: input.school, graduationYear: input.graduationYear, serviceYears: input.serviceYears, serviceOrgId: input.serviceOrgId, doctorId: input.doctorId, note: input.note };
      const row = await tx.targetedStudent.update({ where: { id: before.id }, data: { ...data, serviceStartDate: dayDate(input.serviceStartDate), version: { increment: 1 } }, select: contractSelect });
      const view = contractView(row);
      await audit(tx, { actor: await actorOf(tx, scope), action: "workforce.contract_update", entity: "TargetedStudent", entityId: row.id, before: contractView(before), after: { ...view, serviceOrg: org.name } });
      return view;
    },
    contractUnique,
  );
}

/** The form's one action: a correction when it carries the contract's id and version, else a new one. */
export async function saveContract(db: PrismaClient, scope: Scope, raw: unknown): Promise<ContractView> {
  const input = parse(saveContractSchema, raw);
  if (input.contractId && input.version) return updateContract(db, scope, { ...input, contractId: input.contractId, version: input.version });
  return createContract(db, scope, input);
}
