import "server-only";
import { applicationWhere, authorize, can, isBureauRole, programWhere, type Scope } from "../auth/policy";
import { countsTowardsQuota, effectiveClosesAt, hasPassed, quotaState, stageOrder, type QuotaState } from "../domain/vetting";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { ApplicationSource, ApplicationStatus, AttachmentKind, DecisionOutcome, EligibilityVerdict, Role, StageKind } from "../generated/prisma/enums";
import { applicationListQuerySchema, type ApplicationListQuery } from "../schemas/applications";
import { pageArgs, toPage, type Page } from "../schemas/list-query";

// The read side of nominations and vetting: the application list (every role, scoped by the
// policy's where-fragment), one application with its whole history, a post's applications at a
// stage (the board's drill-down), and the units' progress against their nomination quotas.

/** The application's own fields every view shows. */
const applicationFields = {
  id: true,
  status: true,
  currentStage: true,
  source: true,
  eligibilityVerdict: true,
  exceptionReason: true,
  rank: true,
  submittedAt: true,
  registrationNo: true,
} as const satisfies Prisma.ApplicationSelect;

const listSelect = {
  ...applicationFields,
  doctor: { select: { id: true, name: true, sex: true, birthDate: true, specialty: true, employer: { select: { name: true } } } },
  post: { select: { id: true, title: true, rotationBatch: true, program: { select: { id: true, name: true } } } },
  nominatingOrg: { select: { id: true, name: true } },
  _count: { select: { attachments: true } },
} as const satisfies Prisma.ApplicationSelect;

export type ApplicationListRow = Prisma.ApplicationGetPayload<{ select: typeof listSelect }>;

function listFilters(scope: Scope, query: ApplicationListQuery): Prisma.ApplicationWhereInput {
  const filters: Prisma.ApplicationWhereInput[] = [applicationWhere(scope)];
  if (query.programId) filters.push({ post: { programId: query.programId } });
  if (query.postId) filters.push({ postId: query.postId });
  if (query.stage) filters.push({ currentStage: query.stage });
  if (query.status) filters.push({ status: query.status });
  if (query.unitId) filters.push({ nominatingOrgId: query.unitId });
  if (query.q) filters.push({ OR: [{ doctor: { name: { contains: query.q, mode: "insensitive" } } }, { registrationNo: { contains: query.q, mode: "insensitive" } }] });
  return { AND: filters };
}

/** The SQL order of each sortable column of the list; ties broken by submission, then id, so pages never overlap. */
function listOrder(query: ApplicationListQuery): Prisma.ApplicationOrderByWithRelationInput[] {
  const dir = query.dir ?? (query.sort ? "asc" : "desc");
  const tail: Prisma.ApplicationOrderByWithRelationInput[] = [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }];
  switch (query.sort) {
    case "doctor":
      return [{ doctor: { name: dir } }, ...tail];
    case "post":
      return [{ post: { title: dir } }, { post: { rotationBatch: dir } }, ...tail];
    case "stage":
      return [{ currentStage: dir }, ...tail];
    case "status":
      return [{ status: dir }, ...tail];
    default:
      return [{ submittedAt: { sort: dir, nulls: "last" } }, { id: "asc" }];
  }
}

/** The applications the caller may see, filtered, sorted and paged in SQL (newest first unless sorted otherwise). */
export async function listApplications(db: PrismaClient, scope: Scope, raw: unknown): Promise<Page<ApplicationListRow>> {
  authorize(scope, "application.read");
  const query = applicationListQuerySchema.parse(raw ?? {});
  const where = listFilters(scope, query);
  const [rows, total] = await Promise.all([
    db.application.findMany({ where, select: listSelect, orderBy: listOrder(query), ...pageArgs(query) }),
    db.application.count({ where }),
  ]);
  return toPage(rows, total, query);
}

/** A doctor's applications, every programme, newest first: the history on the doctor's page (only those the caller may see). */
export async function doctorApplications(db: PrismaClient, scope: Scope, doctorId: string): Promise<ApplicationListRow[]> {
  authorize(scope, "application.read");
  return db.application.findMany({ where: { AND: [applicationWhere(scope), { doctorId }] }, select: listSelect, orderBy: [{ submittedAt: { sort: "desc", nulls: "first" } }, { id: "asc" }], take: 200 });
}

/** The list's rows for the export: same scope, filters and order, up to APPLICATION_EXPORT_LIMIT rows. */
export const APPLICATION_EXPORT_LIMIT = 5000;
export async function listApplicationsForExport(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ rows: ApplicationListRow[]; total: number }> {
  authorize(scope, "application.read");
  const query = applicationListQuerySchema.parse(raw ?? {});
  const where = listFilters(scope, query);
  const [rows, total] = await Promise.all([db.application.findMany({ where, select: listSelect, orderBy: listOrder(query), take: APPLICATION_EXPORT_LIMIT }), db.application.count({ where })]);
  return { rows, total };
}

export interface StageApplications {
  /** Waiting for a decision at the stage. */
  waiting: ApplicationListRow[];
  /** Passed the stage and still in the running, in rank order (then by submission). */
  passed: ApplicationListRow[];
  /** Rejected or withdrawn at the stage. */
  ended: ApplicationListRow[];
}

/** A post's applications as the board's drill-down shows them for one stage. */
export async function stageApplications(db: PrismaClient, scope: Scope, postId: string, stage: StageKind): Promise<StageApplications> {
  authorize(scope, "vetting.read");
  const post = await db.post.findFirst({
    where: { AND: [{ id: postId }, { program: programWhere(scope) }] },
    select: { program: { select: { stages: { select: { kind: true, sequence: true } } } } },
  });
  if (!post) throw new AppError("notFound");
  const order = stageOrder(post.program.stages);
  if (!order.includes(stage)) throw new AppError("notFound");
  const rows = await db.application.findMany({
    where: { AND: [applicationWhere(scope), { postId }] },
    select: listSelect,
    orderBy: [{ rank: { sort: "asc", nulls: "last" } }, { submittedAt: "asc" }, { id: "asc" }],
  });
  return {
    waiting: rows.filter((r) => r.status === "IN_PROGRESS" && r.currentStage === stage),
    passed: rows.filter((r) => hasPassed(order, r, stage)),
    ended: rows.filter((r) => (r.status === "REJECTED" || r.status === "WITHDRAWN") && r.currentStage === stage),
  };
}

export interface ApplicationDetail {
  id: string;
  status: ApplicationStatus;
  currentStage: StageKind;
  source: ApplicationSource;
  eligibilityVerdict: EligibilityVerdict | null;
  exceptionReason: string | null;
  rank: number | null;
  submittedAt: Date | null;
  /** 报名编号 (2013-援疆-001); null only for a row created outside the use cases. */
  registrationNo: string | null;
  createdAt: Date;
  doctor: Prisma.DoctorGetPayload<{ select: typeof detailDoctorSelect }>;
  post: { id: string; title: string; specialty: string; headcount: number; rotationBatch: number; receivingOrgName: string };
  program: { id: string; name: string; year: number; batchNumber: number | null; bureauId: string; status: string; stages: { kind: StageKind; sequence: number; ratio: number | null; opensAt: Date; closesAt: Date }[] };
  nominatingOrg: { id: string; name: string };
  decisions: {
    id: string;
    stage: StageKind;
    outcome: DecisionOutcome;
    reason: string | null;
    /** The reason was the bureau's note on a batch (hidden from others: reason null for them). */
    reasonStaffOnly: boolean;
    decidedAt: Date;
    decidedBy: { id: string; displayName: string; role: Role };
    attachments: { id: string; kind: AttachmentKind; fileName: string; sizeBytes: number }[];
  }[];
  attachments: { id: string; kind: AttachmentKind; fileName: string; contentType: string; sizeBytes: number; sha256: string; createdAt: Date; uploadedBy: { displayName: string }; stageDecisionId: string | null }[];
  /** What the caller may do with it now (the use cases check again). */
  can: { decide: boolean; withdraw: boolean; endorse: boolean; upload: boolean };
}

const detailDoctorSelect = {
  id: true,
  name: true,
  sex: true,
  ethnicity: true,
  birthDate: true,
  education: true,
  degree: true,
  major: true,
  department: true,
  specialty: true,
  positionRank: true,
  positionTitle: true,
  phone: true,
  employer: { select: { id: true, name: true } },
  titles: { select: { level: true, name: true, specialty: true, obtainedOn: true }, orderBy: { obtainedOn: "desc" } },
} as const satisfies Prisma.DoctorSelect;

/** One application with its doctor, post, every decision (oldest first) and every document. */
export async function getApplication(db: PrismaClient, scope: Scope, applicationId: string): Promise<ApplicationDetail> {
  authorize(scope, "application.read");
  const app = await db.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationWhere(scope)] },
    select: {
      ...applicationFields,
      createdAt: true,
      doctor: { select: detailDoctorSelect },
      post: {
        select: {
          id: true,
          title: true,
          specialty: true,
          headcount: true,
          rotationBatch: true,
          receivingOrg: { select: { name: true } },
          program: {
            select: {
              id: true,
              name: true,
              year: true,
              batchNumber: true,
              bureauId: true,
              status: true,
              stages: { select: { kind: true, sequence: true, ratio: true, opensAt: true, closesAt: true }, orderBy: { sequence: "asc" } },
            },
          },
        },
      },
      nominatingOrg: { select: { id: true, name: true } },
      decisions: {
        orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          stage: true,
          outcome: true,
          reason: true,
          reasonStaffOnly: true,
          decidedAt: true,
          decidedBy: { select: { id: true, displayName: true, role: true } },
          attachments: { select: { id: true, kind: true, fileName: true, sizeBytes: true }, orderBy: { createdAt: "asc" } },
        },
      },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true, stageDecisionId: true, uploadedBy: { select: { displayName: true } } },
      },
    },
  });
  if (!app) throw new AppError("notFound");
  const { post, decisions, ...rest } = app;
  const { program, receivingOrg, ...postFields } = post;
  // A reason given for several applications at once is the bureau's own note (lib/server/vetting.ts).
  const staff = isBureauRole(scope.user.role);
  const open = app.status === "IN_PROGRESS" || app.status === "PENDING_ENDORSEMENT";
  const ownsAsUnit = can(scope, "application.withdraw", { organizationId: app.nominatingOrg.id }) && scope.user.role === "HOSPITAL_NOMINATOR";
  const ownsAsDoctor = scope.user.role === "DOCTOR" && scope.user.doctorId === app.doctor.id;
  return {
    ...rest,
    decisions: decisions.map(({ reasonStaffOnly, reason, ...d }) => ({ ...d, reason: reasonStaffOnly && !staff ? null : reason, reasonStaffOnly })),
    post: { ...postFields, receivingOrgName: receivingOrg.name },
    program,
    can: {
      decide: can(scope, "application.decide", { organizationId: program.bureauId }) && app.status !== "PENDING_ENDORSEMENT",
      withdraw: open && (ownsAsUnit || ownsAsDoctor),
      endorse: app.status === "PENDING_ENDORSEMENT" && can(scope, "application.endorse", { organizationId: app.nominatingOrg.id }),
      upload: can(scope, "attachment.upload", scope.user.role === "DOCTOR" ? undefined : { organizationId: scope.user.role === "HOSPITAL_NOMINATOR" ? app.nominatingOrg.id : program.bureauId }) && (scope.user.role !== "DOCTOR" || ownsAsDoctor),
    },
  };
}

// ───────────── Nomination quotas ─────────────

export interface QuotaProgressRow {
  postId: string;
  postTitle: string;
  rotationBatch: number;
  unitId: string;
  unitName: string;
  minimum: number;
  nominated: number;
  state: QuotaState;
  /** The unit's registration deadline: a reopening for it or a unit below it (whose nominations count) moves it. */
  closesAt: Date | null;
}

/**
 * Each unit's nominations against its minimum per post. A unit's count includes nominations by the
 * units below it (a county bureau's quota is met by its hospitals). Bureaus see every unit's rows;
 * a nominating unit sees the quotas of its own organisation and those above it.
 */
export async function quotaProgress(db: PrismaClient, scope: Scope, programId: string, now = new Date()): Promise<QuotaProgressRow[]> {
  return (await quotaProgressPage(db, scope, programId, now, null)).rows;
}

/** quotaProgress a page at a time (`window`: LIMIT/OFFSET over the quotas in their order; null, all), with how many quotas there are in all. */
export async function quotaProgressPage(db: PrismaClient, scope: Scope, programId: string, now: Date, window: { take: number; skip: number } | null): Promise<{ rows: QuotaProgressRow[]; total: number }> {
  authorize(scope, "program.read");
  const program = await db.program.findFirst({
    where: { AND: [{ id: programId }, programWhere(scope)] },
    select: { id: true, bureauId: true, stages: { where: { kind: "REGISTRATION" }, select: { opensAt: true, closesAt: true } } },
  });
  if (!program) throw new AppError("notFound");
  const bureauView = can(scope, "vetting.read", { organizationId: program.bureauId });
  if (!bureauView && scope.user.role !== "HOSPITAL_NOMINATOR") return { rows: [], total: 0 };
  const where = { programId, ...(bureauView ? {} : { nominatingOrgId: { in: scope.ancestorIds } }) };
  const [quotas, counted] = await Promise.all([
    db.nominationQuota.findMany({
      where,
      select: { minimum: true, post: { select: { id: true, title: true, rotationBatch: true } }, nominatingOrg: { select: { id: true, name: true } } },
      orderBy: [{ post: { rotationBatch: "asc" } }, { post: { title: "asc" } }, { nominatingOrg: { name: "asc" } }, { id: "asc" }],
      ...(window ?? {}),
    }),
    window ? db.nominationQuota.count({ where }) : null,
  ]);
  const total = counted ?? quotas.length;
  if (quotas.length === 0) return { rows: [], total };
  // The organisation tree under the programme's bureau, to count a unit's nominations with its subunits'.
  const orgs = await db.$queryRaw<{ id: string; parentId: string | null }[]>`
    WITH RECURSIVE tree AS (
      SELECT id, "parentId" FROM "Organization" WHERE id = ${program.bureauId}
      UNION ALL
      SELECT o.id, o."parentId" FROM "Organization" o JOIN tree t ON o."parentId" = t.id
    )
    SELECT id, "parentId" FROM tree`;
  const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
  const counts = await db.application.groupBy({ by: ["postId", "nominatingOrgId", "status", "currentStage"], where: { post: { programId }, ...(window ? { postId: { in: [...new Set(quotas.map((q) => q.post.id))] } } : {}) }, _count: { _all: true } });
  const reopenings = await db.stageReopening.findMany({ where: { programId, stage: "REGISTRATION" }, select: { organizationId: true, closesAt: true } });
  const registration = program.stages[0] ?? null;

  const isUnder = (orgId: string, ancestorId: string) => {
    for (let at: string | null | undefined = orgId; at; at = parentOf.get(at)) if (at === ancestorId) return true;
    return false;
  };
  const rows = quotas.map((q) => {
    const nominated = counts
      .filter((c) => c.postId === q.post.id && countsTowardsQuota(c.status, c.currentStage) && isUnder(c.nominatingOrgId, q.nominatingOrg.id))
      .reduce((n, c) => n + c._count._all, 0);
    const closesAt = registration
      ? effectiveClosesAt(registration, reopenings.filter((r) => isUnder(r.organizationId, q.nominatingOrg.id)).map((r) => r.closesAt))
      : null;
    const closed = closesAt ? now.getTime() >= closesAt.getTime() : true;
    return {
      postId: q.post.id,
      postTitle: q.post.title,
      rotationBatch: q.post.rotationBatch,
      unitId: q.nominatingOrg.id,
      unitName: q.nominatingOrg.name,
      minimum: q.minimum,
      nominated,
      state: quotaState(q.minimum, nominated, closed),
      closesAt,
    };
  });
  return { rows, total };
}
