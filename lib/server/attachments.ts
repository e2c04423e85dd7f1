import "server-only";
import { createHash } from "node:crypto";
import { audit } from "../audit";
import { applicationWhere, authorize, can, dispatchWhere, type Scope } from "../auth/policy";
import { checkFile, sanitizeFileName, sniffContentType, uploadableKinds, uploadRefusal, type AttachmentContentType, type Uploader } from "../domain/attachments";
import { AppError, isAppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { AttachmentKind } from "../generated/prisma/enums";
import { uploadInputSchema } from "../schemas/attachments";
import { discardBytes, readBytes, storeBytes, type StoredBytes } from "./attachment-storage";
import { assertRegistrationOpen, loadApplicationForChange } from "./applications";
import { actorOf, fieldError, parse, runTx, type Tx } from "./kit";

// Documents per application (issue 5): the application letter, family consent and registration
// form from the unit or the doctor while registration is open for the unit; the physical-exam
// result, inspection materials and anything else from the programme's bureau at any time. A file
// is accepted only as PDF, JPEG or PNG recognised by its bytes, at most 10 MB; its SHA-256 is kept
// and checked again on every read. Reading follows the application's visibility.

/** What is answered of a document: never its bytes or where they are kept. */
export const attachmentMetaSelect = {
  id: true,
  applicationId: true,
  kind: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  stageDecisionId: true,
  createdAt: true,
  uploadedBy: { select: { displayName: true } },
} as const satisfies Prisma.AttachmentSelect;

export type AttachmentMeta = Prisma.AttachmentGetPayload<{ select: typeof attachmentMetaSelect }>;

type ApplicationForUpload = Awaited<ReturnType<typeof loadApplicationForChange>>;

/** Who the caller is to this application, or forbidden. The record check (visibility, own doctor) is loadApplicationForChange's. */
function uploaderOf(scope: Scope, app: ApplicationForUpload): Uploader {
  const { role } = scope.user;
  if ((role === "BUREAU_ADMIN" || role === "BUREAU_STAFF") && can(scope, "attachment.upload", { organizationId: app.post.program.bureauId })) return "bureau";
  if (role === "HOSPITAL_NOMINATOR" && can(scope, "attachment.upload", { organizationId: app.nominatingOrgId })) return "unit";
  if (role === "DOCTOR" && app.doctorId === scope.user.doctorId) return "doctor";
  throw new AppError("forbidden");
}

/** Whether registration is still open for the application's unit (the unit's deadline, reopenings included). */
async function registrationOpen(tx: Tx, app: ApplicationForUpload, now: Date): Promise<boolean> {
  try {
    await assertRegistrationOpen(tx, app.post, app.nominatingOrgId, now);
    return true;
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}

/** The columns of an Attachment row for a checked and stored file (the caller adds what it belongs to). */
export interface StoredFileColumns {
  fileName: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
  sha256: string;
  content: StoredBytes["content"];
  storageKey: StoredBytes["storageKey"];
}

/**
 * Runs a transaction that stores a file: `fn` gets `store`, which checks the file (its type by its
 * bytes, its size: a field error on "file"), keeps its bytes and answers the row's columns. If the
 * transaction does not commit, the bytes written for it are discarded.
 */
export async function runWithStoredFile<T>(
  db: PrismaClient,
  now: Date,
  fn: (tx: Tx, store: (file: { fileName: string; declaredType: string; bytes: Uint8Array }) => Promise<StoredFileColumns>) => Promise<T>,
): Promise<T> {
  let stored: StoredBytes | null = null;
  try {
    return await runTx(db, (tx) =>
      fn(tx, async (input) => {
        const file = checkFile(input);
        if (!file.ok) throw fieldError("file", file.refusal);
        stored = await storeBytes(input.bytes, now);
        return { fileName: sanitizeFileName(input.fileName, file.contentType), contentType: file.contentType, sizeBytes: input.bytes.length, sha256: sha256Hex(input.bytes), content: stored.content, storageKey: stored.storageKey };
      }),
    );
  } catch (error) {
    // The transaction did not commit: a file written for it must not stay behind.
    if (stored) await discardBytes(stored);
    throw error;
  }
}

/** Adds a document to an application, after checking who adds which kind when, and what the file really is. */
export async function uploadAttachment(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<AttachmentMeta> {
  authorize(scope, "attachment.upload");
  const input = parse(uploadInputSchema, raw);
  return runWithStoredFile(db, now, async (tx, store) => {
    const app = await loadApplicationForChange(tx, scope, input.applicationId, "application.read");
    const uploader = uploaderOf(scope, app);
    const refusal = uploadRefusal(uploader, app.status, input.kind, input.stageDecisionId !== undefined);
    if (refusal === "applicationClosed") throw new AppError("conflict", refusal);
    if (refusal) throw fieldError(refusal === "kindNotAllowed" ? "kind" : "stageDecisionId", refusal);
    if (uploader !== "bureau") await assertRegistrationOpen(tx, app.post, app.nominatingOrgId, now);
    if (input.stageDecisionId) {
      const decision = await tx.stageDecision.findFirst({ where: { id: input.stageDecisionId, applicationId: app.id }, select: { id: true } });
      if (!decision) throw fieldError("stageDecisionId", "stageDecisionNotFound");
    }
    const file = await store(input);
    const created = await tx.attachment.create({
      data: { applicationId: app.id, stageDecisionId: input.stageDecisionId ?? null, kind: input.kind, ...file, uploadedById: scope.user.id, createdAt: now },
      select: attachmentMetaSelect,
    });
    const after = { ...created, doctorId: app.doctorId, storage: file.storageKey ? "disk" : "database" };
    await audit(tx, { actor: await actorOf(tx, scope), action: "attachment.upload", entity: "Attachment", entityId: created.id, after });
    return created;
  });
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The kinds the caller may add to the application now, for the upload form (empty: no form). */
export async function allowedUploadKinds(db: PrismaClient, scope: Scope, applicationId: string, now = new Date()): Promise<AttachmentKind[]> {
  if (!can(scope, "attachment.upload")) return [];
  return runTx(db, async (tx) => {
    const app = await loadApplicationForChange(tx, scope, applicationId, "application.read");
    let uploader: Uploader;
    try {
      uploader = uploaderOf(scope, app);
    } catch {
      return [];
    }
    const open = uploader === "bureau" || (await registrationOpen(tx, app, now));
    return uploadableKinds(uploader, app.status, open);
  });
}

async function visibleApplicationOr(db: PrismaClient, scope: Scope, applicationId: string): Promise<void> {
  const visible = await db.application.count({ where: { AND: [{ id: applicationId }, applicationWhere(scope)] } });
  if (visible) return;
  throw new AppError("notFound");
}

/** The application's documents (metadata), oldest first, if the caller may see the application. */
export async function listAttachments(db: PrismaClient, scope: Scope, applicationId: string): Promise<AttachmentMeta[]> {
  authorize(scope, "application.read");
  await visibleApplicationOr(db, scope, applicationId);
  return db.attachment.findMany({ where: { applicationId }, select: attachmentMetaSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export interface AttachmentFile extends AttachmentMeta {
  /** The type recognised from the bytes as they are read now (PDF, JPEG or PNG), or null if they are none of these. */
  safeContentType: AttachmentContentType | null;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A document with its bytes, if the caller may see its application. The bytes are checked against
 * the SHA-256 taken at upload: a changed file is an error, never served.
 */
export async function readAttachment(db: PrismaClient, scope: Scope, attachmentId: string): Promise<AttachmentFile> {
  authorize(scope, "application.read");
  const row = await db.attachment.findFirst({
    // An application's documents follow the application's visibility; a leave certificate its dispatch's.
    where: { id: attachmentId, OR: [{ application: applicationWhere(scope) }, { leaveRequest: { dispatch: dispatchWhere(scope) } }] },
    select: { ...attachmentMetaSelect, content: true, storageKey: true },
  });
  if (!row) throw new AppError("notFound");
  const { content, storageKey, ...meta } = row;
  const bytes = await readBytes({ content, storageKey } satisfies StoredBytes);
  if (sha256Hex(bytes) !== meta.sha256) throw new Error(`Attachment ${meta.id}: the stored bytes no longer match their SHA-256.`);
  return { ...meta, safeContentType: sniffContentType(bytes), bytes };
}
