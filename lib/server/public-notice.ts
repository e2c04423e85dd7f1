import "server-only";
import { createHash } from "node:crypto";
import { audit } from "../audit";
import { authorize, programWhere, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { canonicalListJson, confirmRefusal, listChanges, noticeWindow, objectionRefusal, type ListContent, type ListEntry } from "../domain/public-notice";
import { dayDate } from "../domain/service-period";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { answerObjectionSchema, confirmListSchema, fileObjectionSchema, publishNoticeSchema, withdrawAppointeeSchema } from "../schemas/public-notice";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";
import { notify } from "./notifications";
import { decideInTx } from "./vetting";

// Closing the round (issue 11): staff publish a batch's approved list as a public notice (公示) for a
// window of working days; anyone signed in who can see the programme objects (异议) to a name with a
// reason; staff answer each objection and may withdraw an appointee (a withdrawal decision through
// the vetting decision path); once the window has closed with no objection open, staff confirm the
// list, frozen as version 1 with the SHA-256 of its canonical text. Any later change is a new
// version with its own hash and reason. Dispatches are created only for those on the current version
// (assertOnConfirmedList, called by createDispatch). Every table written here is append-only.

/** Programme statuses in which the list is noticed and confirmed (those in which dispatches are created). */
export const NOTICE_STATUSES: ReadonlySet<string> = new Set(["OPEN", "VETTING", "DISPATCHING", "IN_SERVICE"]);

/** SHA-256 of the canonical text, lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface BatchList {
  content: ListContent;
  text: string;
  hash: string;
  /** The entries with their application ids, in canonical order. */
  rows: (ListEntry & { applicationId: string })[];
}

/** The batch's approved list now: every approved application of its posts, in canonical order, with its text and hash. */
export async function currentBatchList(tx: Pick<Tx, "application">, program: { id: string; name: string }, rotationBatch: number): Promise<BatchList> {
  const apps = await tx.application.findMany({
    where: { status: "APPROVED", post: { programId: program.id, rotationBatch } },
    select: {
      id: true,
      doctor: { select: { name: true, idNumber: true } },
      post: { select: { title: true, receivingOrg: { select: { name: true } } } },
      decisions: { where: { stage: "APPROVAL", outcome: "PASS" }, orderBy: { decidedAt: "desc" }, take: 1, select: { decidedAt: true } },
    },
  });
  const rows = apps.map((a) => ({
    applicationId: a.id,
    post: a.post.title,
    receivingUnit: a.post.receivingOrg.name,
    doctor: a.doctor.name,
    idNumber: a.doctor.idNumber,
    approvedOn: a.decisions[0] ? shanghaiDay(a.decisions[0].decidedAt) : null,
  }));
  const content: ListContent = { program: program.name, rotationBatch, entries: rows.map(({ applicationId: _, ...e }) => e) };
  const text = canonicalListJson(content);
  // The rows in the canonical text's order (it sorts by post, unit, ID number).
  const order = (JSON.parse(text) as ListContent).entries.map((e) => `${e.post}|${e.receivingUnit}|${e.idNumber}`);
  rows.sort((a, b) => order.indexOf(`${a.post}|${a.receivingUnit}|${a.idNumber.toUpperCase()}`) - order.indexOf(`${b.post}|${b.receivingUnit}|${b.idNumber.toUpperCase()}`));
  return { content, text, hash: sha256Hex(text), rows };
}

/** The programme, locked for the rest of the transaction, if the caller may manage its notice; and its batch checked. */
async function programForNotice(tx: Tx, scope: Scope, programId: string, rotationBatch: number) {
  authorize(scope, "notice.manage");
  visibleOr(await tx.program.findFirst({ where: { AND: [{ id: programId }, programWhere(scope)] }, select: { id: true } }));
  await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${programId} FOR UPDATE`;
  const program = await tx.program.findUniqueOrThrow({ where: { id: programId }, select: { id: true, name: true, bureauId: true, status: true, rotationBatches: true, noticeWorkingDays: true } });
  authorize(scope, "notice.manage", { organizationId: program.bureauId });
  if (rotationBatch > program.rotationBatches) throw fieldError("rotationBatch", "batchOutOfRange");
  if (!NOTICE_STATUSES.has(program.status)) throw new AppError("conflict", "programNotNoticing");
  return program;
}

const latestNotice = (tx: Tx, programId: string, rotationBatch: number) =>
  tx.publicNotice.findFirst({ where: { programId, rotationBatch }, orderBy: { publishedAt: "desc" }, select: { id: true, startDate: true, endDate: true, applicationIds: true, publishedAt: true } });

const currentVersion = (tx: Tx, programId: string, rotationBatch: number) =>
  tx.frozenListVersion.findFirst({ where: { programId, rotationBatch }, orderBy: { version: "desc" }, select: { id: true, version: true, content: true, contentHash: true, applicationIds: true } });

const idsOf = (json: unknown): string[] => (Array.isArray(json) ? json.filter((v): v is string => typeof v === "string") : []);

async function openObjectionCount(tx: Tx, programId: string, rotationBatch: number): Promise<number> {
  return tx.noticeObjection.count({ where: { notice: { programId, rotationBatch }, answer: null } });
}

export interface NoticeSummary {
  id: string;
  programId: string;
  rotationBatch: number;
  startDate: string;
  endDate: string;
  workingDays: number;
  contentHash: string;
  names: number;
}

/** Staff publish the batch's approved list for a window of working days (the programme's number unless given). */
export async function publishNotice(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<NoticeSummary> {
  const input = parse(publishNoticeSchema, raw);
  authorize(scope, "notice.manage");
  return runTx(db, async (tx) => {
    const program = await programForNotice(tx, scope, input.programId, input.rotationBatch);
    const today = shanghaiDay(now);
    if (input.startDate && input.startDate < today) throw fieldError("startDate", "startInPast");
    if (await currentVersion(tx, program.id, input.rotationBatch)) throw new AppError("conflict", "alreadyConfirmed");
    const previous = await latestNotice(tx, program.id, input.rotationBatch);
    if (previous && isoDay(previous.endDate) >= today) throw new AppError("conflict", "noticeRunning", undefined, { end: isoDay(previous.endDate) });
    const list = await currentBatchList(tx, program, input.rotationBatch);
    if (list.rows.length === 0) throw new AppError("conflict", "nothingApproved");
    const window = noticeWindow(input.startDate ?? today, input.workingDays ?? program.noticeWorkingDays);
    const created = await tx.publicNotice.create({
      data: {
        programId: program.id,
        rotationBatch: input.rotationBatch,
        startDate: dayDate(window.startDate),
        endDate: dayDate(window.endDate),
        workingDays: window.workingDays,
        note: input.note,
        content: list.text,
        contentHash: list.hash,
        applicationIds: list.rows.map((r) => r.applicationId),
        publishedById: scope.user.id,
        publishedAt: now,
      },
      select: { id: true },
    });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "notice.publish",
      entity: "PublicNotice",
      entityId: created.id,
      after: { program: program.name, rotationBatch: input.rotationBatch, window: `${window.startDate} – ${window.endDate}`, workingDays: window.workingDays, names: list.rows.map((r) => `${r.doctor}（${r.post}）`), contentHash: list.hash, replaces: previous?.id ?? null },
    });
    return { id: created.id, programId: program.id, rotationBatch: input.rotationBatch, startDate: window.startDate, endDate: window.endDate, workingDays: window.workingDays, contentHash: list.hash, names: list.rows.length };
  });
}

export interface ObjectionSummary {
  id: string;
  noticeId: string;
  applicationId: string;
  reason: string;
  filedAt: string;
  status: "OPEN" | "ANSWERED";
}

/** Anyone signed in who can see the programme objects to a name of the notice, on a day of its window. */
export async function fileObjection(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ObjectionSummary> {
  const input = parse(fileObjectionSchema, raw);
  authorize(scope, "notice.object");
  return runTx(db, async (tx) => {
    const notice = visibleOr(
      await tx.publicNotice.findFirst({
        where: { id: input.noticeId, program: programWhere(scope), ...(input.programId ? { programId: input.programId } : {}) },
        select: { id: true, programId: true, rotationBatch: true, startDate: true, endDate: true, applicationIds: true, publishedById: true, program: { select: { name: true } } },
      }),
    );
    // Shares the programme's row with other objectors; a confirmation (FOR UPDATE) waits for them, and they for it.
    await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${notice.programId} FOR SHARE`;
    const latest = await latestNotice(tx, notice.programId, notice.rotationBatch);
    if (latest?.id !== notice.id) throw new AppError("conflict", "noticeSuperseded");
    const refusal = objectionRefusal({ startDate: isoDay(notice.startDate), endDate: isoDay(notice.endDate) }, shanghaiDay(now), idsOf(notice.applicationIds).includes(input.applicationId));
    if (refusal === "notOnNotice") throw fieldError("applicationId", refusal);
    if (refusal) throw new AppError("conflict", refusal, undefined, { start: isoDay(notice.startDate), end: isoDay(notice.endDate) });
    const app = await tx.application.findUniqueOrThrow({ where: { id: input.applicationId }, select: { doctor: { select: { name: true } }, post: { select: { title: true } } } });
    const created = await tx.noticeObjection.create({
      data: { noticeId: notice.id, applicationId: input.applicationId, reason: input.reason, filedById: scope.user.id, filedAt: now },
      select: { id: true, noticeId: true, applicationId: true, reason: true, filedAt: true },
    });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "notice.object",
      entity: "NoticeObjection",
      entityId: created.id,
      after: { program: notice.program.name, rotationBatch: notice.rotationBatch, doctor: app.doctor.name, post: app.post.title, reason: input.reason },
    });
    await notify(tx, await noticeStaffIds(tx, notice.programId), {
      key: "objectionFiled",
      values: { doctor: app.doctor.name, post: app.post.title, program: notice.program.name },
      link: `/programs/${notice.programId}/notice?batch=${notice.rotationBatch}`,
    });
    return { ...created, filedAt: created.filedAt.toISOString(), status: "OPEN" };
  });
}

/** The bureau's staff of the programme: who answers objections. */
async function noticeStaffIds(tx: Tx, programId: string): Promise<string[]> {
  const program = await tx.program.findUniqueOrThrow({ where: { id: programId }, select: { bureauId: true } });
  const rows = await tx.user.findMany({ where: { organizationId: program.bureauId, role: { in: ["BUREAU_ADMIN", "BUREAU_STAFF"] }, isActive: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Staff answer an objection, once; the objector is told. */
export async function answerObjection(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ObjectionSummary & { answer: string; answeredAt: string }> {
  const input = parse(answerObjectionSchema, raw);
  authorize(scope, "notice.manage");
  return runTx(
    db,
    async (tx) => {
      const objection = visibleOr(
        await tx.noticeObjection.findFirst({
          where: { id: input.objectionId, notice: { program: programWhere(scope), ...(input.programId ? { programId: input.programId } : {}) } },
          select: { id: true, noticeId: true, applicationId: true, reason: true, filedAt: true, filedById: true, answer: { select: { id: true } }, notice: { select: { programId: true, rotationBatch: true } }, application: { select: { doctor: { select: { name: true } }, post: { select: { title: true } } } } },
        }),
      );
      const program = await programForNotice(tx, scope, objection.notice.programId, objection.notice.rotationBatch);
      if (objection.answer) throw new AppError("conflict", "alreadyAnswered");
      const answer = await tx.noticeObjectionAnswer.create({ data: { objectionId: objection.id, answer: input.answer, answeredById: scope.user.id, answeredAt: now }, select: { answer: true, answeredAt: true } });
      await audit(tx, {
        actor: await actorOf(tx, scope),
        action: "notice.answer",
        entity: "NoticeObjection",
        entityId: objection.id,
        before: { status: "OPEN", reason: objection.reason },
        after: { status: "ANSWERED", program: program.name, doctor: objection.application.doctor.name, post: objection.application.post.title, answer: input.answer },
      });
      await notify(tx, [objection.filedById], {
        key: "objectionAnswered",
        values: { doctor: objection.application.doctor.name, post: objection.application.post.title, program: program.name, answer: input.answer },
        link: `/programs/${program.id}/notice/public?batch=${objection.notice.rotationBatch}`,
      });
      return { id: objection.id, noticeId: objection.noticeId, applicationId: objection.applicationId, reason: objection.reason, filedAt: objection.filedAt.toISOString(), status: "ANSWERED" as const, answer: answer.answer, answeredAt: answer.answeredAt.toISOString() };
    },
    { uniqueFields: { NoticeObjectionAnswer_objectionId_key: ["objectionId", "alreadyAnswered"] } },
  );
}

export interface VersionSummary {
  id: string;
  version: number;
  contentHash: string;
  names: number;
  reason: string | null;
  confirmedAt: string;
}

/** Appends the next version of the batch's list (the current approved list), with its hash and the audit row in words. */
async function appendVersion(tx: Tx, scope: Scope, program: { id: string; name: string }, rotationBatch: number, noticeId: string, list: BatchList, reason: string | null, now: Date): Promise<VersionSummary> {
  const previous = await currentVersion(tx, program.id, rotationBatch);
  const version = (previous?.version ?? 0) + 1;
  const created = await tx.frozenListVersion.create({
    data: {
      programId: program.id,
      rotationBatch,
      version,
      noticeId,
      content: list.text,
      contentHash: list.hash,
      applicationIds: list.rows.map((r) => r.applicationId),
      reason,
      confirmedById: scope.user.id,
      confirmedAt: now,
    },
    select: { id: true, version: true, contentHash: true, reason: true, confirmedAt: true },
  });
  const changes = previous ? listChanges((JSON.parse(previous.content) as ListContent).entries, list.content.entries) : null;
  await audit(tx, {
    actor: await actorOf(tx, scope),
    action: previous ? "notice.list_changed" : "notice.confirm",
    entity: "FrozenListVersion",
    entityId: created.id,
    before: previous ? { version: previous.version, contentHash: previous.contentHash } : undefined,
    after: { program: program.name, rotationBatch, version, contentHash: list.hash, names: list.rows.map((r) => `${r.doctor}（${r.post}）`), ...(changes ? { added: changes.added, removed: changes.removed } : {}), reason },
  });
  return { ...created, names: list.rows.length, confirmedAt: created.confirmedAt.toISOString() };
}

/**
 * Staff confirm the batch's list. The first time: after the window has closed, with every objection
 * answered and no one on it who was not noticed — version 1. After that: a changed list, with the
 * reason — the next version. Either way the canonical text and its SHA-256 are frozen.
 */
export async function confirmList(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<VersionSummary> {
  const input = parse(confirmListSchema, raw);
  authorize(scope, "notice.manage");
  return runTx(
    db,
    async (tx) => {
      const program = await programForNotice(tx, scope, input.programId, input.rotationBatch);
      const notice = await latestNotice(tx, program.id, input.rotationBatch);
      const current = await currentVersion(tx, program.id, input.rotationBatch);
      const list = await currentBatchList(tx, program, input.rotationBatch);
      const refusal = confirmRefusal({
        window: notice ? { startDate: isoDay(notice.startDate), endDate: isoDay(notice.endDate) } : null,
        today: shanghaiDay(now),
        openObjections: await openObjectionCount(tx, program.id, input.rotationBatch),
        currentVersion: current?.version ?? 0,
        noticed: idsOf(notice?.applicationIds),
        approved: list.rows.map((r) => r.applicationId),
        isChanged: current?.contentHash !== list.hash,
        reason: input.reason,
      });
      if (refusal?.refusal === "reasonRequired") throw fieldError("reason", "reasonRequired");
      if (refusal) {
        const names = list.rows.filter((r) => refusal.names?.includes(r.applicationId)).map((r) => r.doctor).join("、");
        throw new AppError("conflict", refusal.refusal, undefined, { names, end: notice ? isoDay(notice.endDate) : "" });
      }
      if (!current && list.rows.length === 0) throw new AppError("conflict", "nothingApproved");
      return appendVersion(tx, scope, program, input.rotationBatch, notice!.id, list, current ? input.reason : null, now);
    },
    { uniqueFields: { FrozenListVersion_programId_rotationBatch_version_key: ["_form", "staleVersion"] } },
  );
}

/**
 * Staff withdraw an appointee with a reason: a withdrawal decision at the approval stage through the
 * vetting decision path (its StageDecision, audit row and notices), allowed while the programme is
 * dispatching; once the list is confirmed, the change is its next version with the same reason.
 */
export async function withdrawAppointee(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<{ applicationId: string; version: VersionSummary | null }> {
  const input = parse(withdrawAppointeeSchema, raw);
  authorize(scope, "notice.manage");
  return runTx(db, async (tx) => {
    const app = visibleOr(
      await tx.application.findFirst({
        where: { id: input.applicationId, post: { program: programWhere(scope), ...(input.programId ? { programId: input.programId } : {}) } },
        select: { id: true, status: true, currentStage: true, dispatch: { select: { id: true } }, doctor: { select: { name: true } }, post: { select: { rotationBatch: true, programId: true } } },
      }),
    );
    const program = await programForNotice(tx, scope, app.post.programId, app.post.rotationBatch);
    if (app.status !== "APPROVED") throw new AppError("conflict", "notAnAppointee", undefined, { doctor: app.doctor.name });
    if (app.dispatch) throw new AppError("conflict", "appointeeDispatched", undefined, { doctor: app.doctor.name });
    const notice = await latestNotice(tx, program.id, app.post.rotationBatch);
    if (!notice) throw new AppError("conflict", "noNotice");
    await decideInTx(tx, scope, { applicationIds: [app.id], stage: app.currentStage, outcome: "WITHDRAW", reason: input.reason, documentException: null }, now, NOTICE_STATUSES);
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "notice.withdraw",
      entity: "Application",
      entityId: app.id,
      before: { status: "APPROVED" },
      after: { status: "WITHDRAWN", program: program.name, rotationBatch: app.post.rotationBatch, doctor: app.doctor.name, reason: input.reason },
    });
    const current = await currentVersion(tx, program.id, app.post.rotationBatch);
    if (!current) return { applicationId: app.id, version: null };
    const list = await currentBatchList(tx, program, app.post.rotationBatch);
    return { applicationId: app.id, version: await appendVersion(tx, scope, program, app.post.rotationBatch, notice.id, list, input.reason, now) };
  });
}

/**
 * Dispatches come from the confirmed list: the application must be on the current version of its
 * batch's list. Called by createDispatch inside its transaction.
 */
export async function assertOnConfirmedList(tx: Tx, target: { programId: string; rotationBatch: number; applicationId: string; doctor: string }): Promise<void> {
  const current = await currentVersion(tx, target.programId, target.rotationBatch);
  if (!current) throw new AppError("conflict", "listNotConfirmed", undefined, { doctor: target.doctor, batch: String(target.rotationBatch) });
  if (!idsOf(current.applicationIds).includes(target.applicationId)) throw new AppError("conflict", "notOnConfirmedList", undefined, { doctor: target.doctor, version: String(current.version) });
}

/** The application ids on the current version of each batch of the programme's list. */
export async function confirmedApplicationIds(db: PrismaClient | Tx, programId: string): Promise<Set<string>> {
  const versions = await db.frozenListVersion.findMany({ where: { programId }, orderBy: [{ rotationBatch: "asc" }, { version: "desc" }], select: { rotationBatch: true, applicationIds: true } });
  const ids = new Set<string>();
  const seen = new Set<number>();
  for (const v of versions) {
    if (seen.has(v.rotationBatch)) continue;
    seen.add(v.rotationBatch);
    for (const id of idsOf(v.applicationIds)) ids.add(id);
  }
  return ids;
}
