import "server-only";
import { audit } from "../audit";
import { applicationWhere, authorize, programWhere, type Scope } from "../auth/policy";
import { checklistByStage, missingDocuments, requiredToPass, type RequirableKind, type StageRequirement } from "../domain/required-documents";
import { stageOrder } from "../domain/vetting";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import type { AttachmentKind, StageKind } from "../generated/prisma/enums";
import { requiredDocumentsSchema } from "../schemas/required-documents";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";
import { loadProgramForChange } from "./program-support";

// The documents each stage of a programme requires (issue 15): read by everyone who sees the
// programme, replaced by its bureau's staff. The rule itself (what passing a stage needs, what is
// missing) is lib/domain/required-documents.ts; lib/server/vetting.ts enforces it on each pass.

export interface StageChecklist {
  stage: StageKind;
  kinds: RequirableKind[];
}

async function checklistOf(tx: Tx | PrismaClient, programId: string): Promise<StageChecklist[]> {
  const [stages, requirements] = await Promise.all([
    tx.programStage.findMany({ where: { programId }, select: { kind: true, sequence: true } }),
    tx.programStageDocument.findMany({ where: { programId }, select: { stage: true, kind: true } }),
  ]);
  return checklistByStage(stageOrder(stages), requirements);
}

/** Every stage of the programme in order, with the documents it requires ([] for none). */
export async function requiredDocuments(db: PrismaClient, scope: Scope, programId: string): Promise<{ stages: StageChecklist[] }> {
  authorize(scope, "program.read");
  visibleOr(await db.program.findFirst({ where: { AND: [{ id: programId }, programWhere(scope)] }, select: { id: true } }));
  return { stages: await checklistOf(db, programId) };
}

/** Replaces the checklist: a stage left out requires nothing. Only the programme's own stages; not once closed. */
export async function setRequiredDocuments(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ stages: StageChecklist[] }> {
  const input = parse(requiredDocumentsSchema, raw);
  authorize(scope, "program.manage");
  return runTx(db, async (tx) => {
    const program = await loadProgramForChange(tx, scope, input.programId);
    if (program.status === "CLOSED") throw new AppError("conflict", "programClosed");
    const own = new Set((await tx.programStage.findMany({ where: { programId: program.id }, select: { kind: true } })).map((s) => s.kind));
    input.stages.forEach((s, index) => {
      if (!own.has(s.stage)) throw fieldError(`stages.${index}.stage`, "stageNotInProgram");
    });
    const before = await checklistOf(tx, program.id);
    const rows: StageRequirement[] = input.stages.flatMap((s) => [...new Set(s.kinds)].map((kind) => ({ stage: s.stage, kind })));
    await tx.programStageDocument.deleteMany({ where: { programId: program.id } });
    if (rows.length) await tx.programStageDocument.createMany({ data: rows.map((r) => ({ programId: program.id, ...r })) });
    const after = await checklistOf(tx, program.id);
    const inWords = (list: StageChecklist[]) => ({ stageDocuments: list.filter((s) => s.kinds.length).map((s) => ({ stage: s.stage, documents: s.kinds })) });
    await audit(tx, { actor: await actorOf(tx, scope), action: "program.required_documents", entity: "Program", entityId: program.id, before: inWords(before), after: inWords(after) });
    return { stages: after };
  });
}

/**
 * Per application passing `stage`, the required documents it has no attachment of (only those
 * missing any). `order` is the application's programme's stage order. The decision path's check
 * (lib/server/vetting.ts) and the lists' warnings ask the same question here.
 */
export async function missingToPass(tx: Tx | PrismaClient, stage: StageKind, apps: readonly { id: string; programId: string; order: readonly StageKind[] }[]): Promise<Map<string, AttachmentKind[]>> {
  const missing = new Map<string, AttachmentKind[]>();
  if (apps.length === 0) return missing;
  const [requirements, attachments] = await Promise.all([
    tx.programStageDocument.findMany({ where: { programId: { in: [...new Set(apps.map((a) => a.programId))] } }, select: { programId: true, stage: true, kind: true } }),
    tx.attachment.findMany({ where: { applicationId: { in: apps.map((a) => a.id) } }, select: { applicationId: true, kind: true }, distinct: ["applicationId", "kind"] }),
  ]);
  for (const app of apps) {
    const required = requiredToPass(app.order, requirements.filter((r) => r.programId === app.programId), stage);
    const lacking = missingDocuments(required, attachments.filter((a) => a.applicationId === app.id).map((a) => a.kind));
    if (lacking.length) missing.set(app.id, lacking);
  }
  return missing;
}

/** For the lists and the application page: what each visible application lacks to pass the stage it waits at. */
export async function missingAtCurrentStage(db: PrismaClient, scope: Scope, applicationIds: readonly string[]): Promise<Map<string, AttachmentKind[]>> {
  if (applicationIds.length === 0) return new Map();
  const apps = await db.application.findMany({
    where: { AND: [{ id: { in: [...applicationIds] } }, applicationWhere(scope)] },
    select: { id: true, currentStage: true, post: { select: { programId: true, program: { select: { stages: { select: { kind: true, sequence: true } } } } } } },
  });
  const byStage = new Map<StageKind, { id: string; programId: string; order: StageKind[] }[]>();
  for (const a of apps) {
    const list = byStage.get(a.currentStage) ?? [];
    list.push({ id: a.id, programId: a.post.programId, order: stageOrder(a.post.program.stages) });
    byStage.set(a.currentStage, list);
  }
  const result = new Map<string, AttachmentKind[]>();
  for (const [stage, list] of byStage) for (const [id, kinds] of await missingToPass(db, stage, list)) result.set(id, kinds);
  return result;
}

/** One application's page: what it needs to pass the stage it stands at, and which of those it lacks. */
export async function documentsToPassCurrentStage(db: PrismaClient, scope: Scope, applicationId: string): Promise<{ required: AttachmentKind[]; missing: AttachmentKind[] }> {
  const app = await db.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationWhere(scope)] },
    select: { currentStage: true, post: { select: { programId: true, program: { select: { stages: { select: { kind: true, sequence: true } } } } } }, attachments: { select: { kind: true } } },
  });
  if (!app) return { required: [], missing: [] };
  const requirements = await db.programStageDocument.findMany({ where: { programId: app.post.programId }, select: { stage: true, kind: true } });
  const required = requiredToPass(stageOrder(app.post.program.stages), requirements, app.currentStage);
  return { required, missing: missingDocuments(required, app.attachments.map((a) => a.kind)) };
}
