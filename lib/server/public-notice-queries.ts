import "server-only";
import { authorize, can, programWhere, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { maskIdNumber } from "../domain/id-number";
import { windowPhase, type ListContent, type ListEntry, type WindowPhase } from "../domain/public-notice";
import type { PrismaClient } from "../generated/prisma/client";
import { visibleOr } from "./kit";
import { currentBatchList, NOTICE_STATUSES } from "./public-notice";

// What the notice page and GET /api/v1/programs/{id}/notice show. Staff (notice.manage on the
// programme's bureau) see everything: the notice, every objection with its answer, the list as it
// stands now against the notice, and each frozen version with its hash. Anyone else who can see the
// programme sees the notice (ID numbers masked) and the objections they filed, with their answers.

export interface NoticeEntryView extends ListEntry {
  applicationId: string;
  /** The application's 报名编号 (shown beside the name; not part of the notice's hashed content). */
  registrationNo: string | null;
  /** Still approved now (false: withdrawn since the notice). */
  isApproved: boolean;
}

export interface ObjectionView {
  id: string;
  applicationId: string;
  doctor: string;
  post: string;
  reason: string;
  filedBy: string;
  filedAt: string;
  status: "OPEN" | "ANSWERED";
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface VersionView {
  id: string;
  version: number;
  contentHash: string;
  content: string;
  reason: string | null;
  confirmedBy: string;
  confirmedAt: string;
  isCurrent: boolean;
  entries: ListEntry[];
}

export interface NoticeView {
  program: { id: string; name: string; status: string; rotationBatches: number; noticeWorkingDays: number };
  rotationBatch: number;
  today: string;
  notice: {
    id: string;
    startDate: string;
    endDate: string;
    workingDays: number;
    note: string | null;
    contentHash: string;
    publishedAt: string;
    publishedBy: string;
    phase: WindowPhase;
    entries: NoticeEntryView[];
  } | null;
  objections: ObjectionView[];
  /** Staff only: the approved list now, whether it differs from the current version, and the versions (newest first). */
  current: { entries: (ListEntry & { applicationId: string; isDispatched: boolean })[]; contentHash: string; isChanged: boolean } | null;
  versions: VersionView[];
  can: { manage: boolean; publish: boolean; confirm: boolean; object: boolean };
}

const ENTRY = (e: ListEntry, mask: boolean): ListEntry => (mask ? { ...e, idNumber: maskIdNumber(e.idNumber) } : e);
const idsOf = (json: unknown): string[] => (Array.isArray(json) ? json.filter((v): v is string => typeof v === "string") : []);

/** The notice of the programme's batch as the caller may see it. */
export async function noticeView(db: PrismaClient, scope: Scope, programId: string, rotationBatch = 1, now = new Date()): Promise<NoticeView> {
  authorize(scope, "notice.object");
  const program = visibleOr(
    await db.program.findFirst({ where: { AND: [{ id: programId }, programWhere(scope)] }, select: { id: true, name: true, status: true, bureauId: true, rotationBatches: true, noticeWorkingDays: true } }),
  );
  const batch = Math.min(Math.max(1, Math.trunc(rotationBatch) || 1), program.rotationBatches);
  const manage = can(scope, "notice.manage", { organizationId: program.bureauId });
  const today = shanghaiDay(now);
  const latest = await db.publicNotice.findFirst({
    where: { programId, rotationBatch: batch },
    orderBy: { publishedAt: "desc" },
    select: { id: true, startDate: true, endDate: true, workingDays: true, note: true, content: true, contentHash: true, applicationIds: true, publishedAt: true, publishedBy: { select: { displayName: true } } },
  });
  const noticed = latest ? await db.application.findMany({ where: { id: { in: idsOf(latest.applicationIds) } }, select: { id: true, status: true, registrationNo: true } }) : [];
  const approvedNow = new Set(noticed.filter((a) => a.status === "APPROVED").map((a) => a.id));
  const numberOf = new Map(noticed.map((a) => [a.id, a.registrationNo]));
  const notice = latest
    ? (() => {
        const ids = idsOf(latest.applicationIds);
        const entries = (JSON.parse(latest.content) as ListContent).entries.map((e, i) => ({ ...ENTRY(e, !manage), applicationId: ids[i] ?? "", registrationNo: numberOf.get(ids[i] ?? "") ?? null, isApproved: approvedNow.has(ids[i] ?? "") }));
        const window = { startDate: isoDay(latest.startDate), endDate: isoDay(latest.endDate) };
        return { id: latest.id, ...window, workingDays: latest.workingDays, note: latest.note, contentHash: latest.contentHash, publishedAt: latest.publishedAt.toISOString(), publishedBy: latest.publishedBy.displayName, phase: windowPhase(window, today), entries };
      })()
    : null;

  const objectionRows = await db.noticeObjection.findMany({
    where: { notice: { programId, rotationBatch: batch }, ...(manage ? {} : { filedById: scope.user.id }) },
    orderBy: { filedAt: "asc" },
    select: {
      id: true,
      applicationId: true,
      reason: true,
      filedAt: true,
      filedBy: { select: { displayName: true } },
      application: { select: { doctor: { select: { name: true } }, post: { select: { title: true } } } },
      answer: { select: { answer: true, answeredAt: true, answeredBy: { select: { displayName: true } } } },
    },
  });
  const objections: ObjectionView[] = objectionRows.map((o) => ({
    id: o.id,
    applicationId: o.applicationId,
    doctor: o.application.doctor.name,
    post: o.application.post.title,
    reason: o.reason,
    filedBy: o.filedBy.displayName,
    filedAt: o.filedAt.toISOString(),
    status: o.answer ? "ANSWERED" : "OPEN",
    answer: o.answer?.answer ?? null,
    answeredBy: o.answer?.answeredBy.displayName ?? null,
    answeredAt: o.answer?.answeredAt.toISOString() ?? null,
  }));

  const versionRows = manage
    ? await db.frozenListVersion.findMany({
        where: { programId, rotationBatch: batch },
        orderBy: { version: "desc" },
        select: { id: true, version: true, content: true, contentHash: true, reason: true, confirmedAt: true, confirmedBy: { select: { displayName: true } } },
      })
    : [];
  const versions: VersionView[] = versionRows.map((v, i) => ({
    id: v.id,
    version: v.version,
    contentHash: v.contentHash,
    content: v.content,
    reason: v.reason,
    confirmedBy: v.confirmedBy.displayName,
    confirmedAt: v.confirmedAt.toISOString(),
    isCurrent: i === 0,
    entries: (JSON.parse(v.content) as ListContent).entries,
  }));

  let current: NoticeView["current"] = null;
  if (manage) {
    const list = await currentBatchList(db, program, batch);
    const dispatched = new Set((await db.dispatch.findMany({ where: { applicationId: { in: list.rows.map((r) => r.applicationId) } }, select: { applicationId: true } })).map((d) => d.applicationId));
    current = { entries: list.rows.map((r) => ({ ...r, isDispatched: dispatched.has(r.applicationId) })), contentHash: list.hash, isChanged: versions[0] ? versions[0].contentHash !== list.hash : false };
  }

  const noticing = NOTICE_STATUSES.has(program.status);
  return {
    program: { id: program.id, name: program.name, status: program.status, rotationBatches: program.rotationBatches, noticeWorkingDays: program.noticeWorkingDays },
    rotationBatch: batch,
    today,
    notice,
    objections,
    current,
    versions,
    can: {
      manage,
      publish: manage && noticing && versions.length === 0 && (!notice || notice.phase === "closed"),
      confirm: manage && noticing && notice?.phase === "closed" && (versions.length === 0 || Boolean(current?.isChanged)),
      object: can(scope, "notice.object") && notice?.phase === "open",
    },
  };
}

/** The notice as plain text, to print or to post: the programme, the window, the names, and the current frozen version's hash. */
export async function noticeText(db: PrismaClient, scope: Scope, programId: string, rotationBatch: number, t: (key: string, values?: Record<string, string | number>) => string): Promise<{ filename: string; text: string }> {
  const view = await noticeView(db, scope, programId, rotationBatch);
  const lines: string[] = [t("exportTitle", { program: view.program.name, batch: view.rotationBatch })];
  if (!view.notice) lines.push(t("exportNoNotice"));
  else {
    lines.push(t("exportWindow", { start: view.notice.startDate, end: view.notice.endDate, days: view.notice.workingDays }));
    if (view.notice.note) lines.push(view.notice.note);
    lines.push("");
    view.notice.entries.forEach((e, i) => lines.push(`${i + 1}. ${e.registrationNo ?? "—"}\t${e.doctor}\t${e.idNumber}\t${e.post}\t${e.receivingUnit}${e.approvedOn ? `\t${e.approvedOn}` : ""}`));
    lines.push("", t("exportNoticeHash", { hash: view.notice.contentHash }));
  }
  const current = view.versions[0];
  if (current) lines.push(t("exportVersionHash", { version: current.version, hash: current.contentHash, at: current.confirmedAt.slice(0, 10) }));
  return { filename: `notice-${view.program.id}-${view.rotationBatch}.txt`, text: lines.join("\n") + "\n" };
}
