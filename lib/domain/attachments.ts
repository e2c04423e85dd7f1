// Documents attached to an application (DOMAIN.md "Nominations and the vetting pipeline"): what a
// file may be, what its name may show, and who may add which kind when. Pure: the use cases in
// lib/server/attachments.ts load the records and ask these rules.
import type { ApplicationStatus, AttachmentKind } from "../generated/prisma/enums";

/** The largest document accepted: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The types accepted, each recognised by its first bytes (never by the name or the browser's claim alone). */
export const ATTACHMENT_TYPES = {
  "application/pdf": { extensions: [".pdf"], magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  "image/jpeg": { extensions: [".jpg", ".jpeg"], magic: [0xff, 0xd8, 0xff] },
  "image/png": { extensions: [".png"], magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;

export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;

/** For the file input's accept attribute. */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_TYPES).flatMap((t) => t.extensions).join(",");

/** Names browsers and tools give the same types; an empty or generic declaration defers to the extension. */
const DECLARED_ALIASES: Record<string, AttachmentContentType | "generic"> = {
  "": "generic",
  "application/octet-stream": "generic",
  "binary/octet-stream": "generic",
  "application/pdf": "application/pdf",
  "application/x-pdf": "application/pdf",
  "image/jpeg": "image/jpeg",
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/png": "image/png",
  "image/x-png": "image/png",
};

export const ATTACHMENT_KINDS = ["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM", "PHYSICAL_EXAM", "INSPECTION_MATERIAL", "OTHER"] as const satisfies readonly AttachmentKind[];

/** The documents a registration is expected to carry (援疆工作申请书, 家属意见, 报名表): shown as missing when absent. */
export const REGISTRATION_KINDS = ["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"] as const satisfies readonly AttachmentKind[];

/** What the nominating unit and the doctor may add while registration runs. */
export const UNIT_KINDS: readonly AttachmentKind[] = [...REGISTRATION_KINDS, "OTHER"];

/** The type the bytes are, by their signature; null for anything else. */
export function sniffContentType(bytes: Uint8Array): AttachmentContentType | null {
  for (const [type, { magic }] of Object.entries(ATTACHMENT_TYPES) as [AttachmentContentType, (typeof ATTACHMENT_TYPES)[AttachmentContentType]][]) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

export type FileRefusal = "fileRequired" | "fileTooLarge" | "fileTypeNotAllowed" | "fileTypeMismatch";

export type FileCheck = { ok: true; contentType: AttachmentContentType } | { ok: false; refusal: FileRefusal };

/**
 * Accepts a PDF, JPEG or PNG of at most 10 MB whose bytes, extension and declared type agree: a
 * ".pdf" that is really a PNG, or an image declared as text, is refused.
 */
export function checkFile(file: { fileName: string; declaredType: string; bytes: Uint8Array }): FileCheck {
  if (file.bytes.length === 0) return { ok: false, refusal: "fileRequired" };
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, refusal: "fileTooLarge" };
  const byExtension = extensionType(file.fileName);
  const sniffed = sniffContentType(file.bytes);
  if (!byExtension || !sniffed) return { ok: false, refusal: "fileTypeNotAllowed" };
  const declared = DECLARED_ALIASES[file.declaredType.split(";")[0]!.trim().toLowerCase()];
  if (!declared) return { ok: false, refusal: "fileTypeNotAllowed" };
  if (byExtension !== sniffed || (declared !== "generic" && declared !== sniffed)) return { ok: false, refusal: "fileTypeMismatch" };
  return { ok: true, contentType: sniffed };
}

/** The accepted type a file name's extension stands for, or null. */
export function extensionType(fileName: string): AttachmentContentType | null {
  const ext = extensionOf(fileName);
  for (const [type, { extensions }] of Object.entries(ATTACHMENT_TYPES) as [AttachmentContentType, { extensions: readonly string[] }][]) {
    if (extensions.includes(ext)) return type;
  }
  return null;
}

function baseName(fileName: string): string {
  return fileName.split(/[/\\]/).pop() ?? "";
}

export const MAX_FILE_NAME_LENGTH = 120;

/**
 * The name shown and offered for download: the last path part only, without control or format
 * characters (a right-to-left override could disguise "gpj.exe" as "exe.jpg"), without characters
 * that are not allowed in file names on Windows, and at most 120 characters, the extension kept.
 * Chinese and other letters stay. Never used to build a path on disk.
 */
export function sanitizeFileName(fileName: string, contentType: AttachmentContentType): string {
  const cleaned = baseName(fileName)
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  const ext = extensionOf(cleaned);
  const fallbackExt = ATTACHMENT_TYPES[contentType].extensions[0];
  const suffix = ext && extensionType(cleaned) === contentType ? cleaned.slice(cleaned.length - ext.length) : fallbackExt;
  let stem = ext ? cleaned.slice(0, cleaned.length - ext.length) : cleaned;
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  const chars = [...stem];
  if (chars.length > room) stem = chars.slice(0, room).join("").trimEnd();
  return `${stem || "document"}${suffix}`;
}

/** The name in printable ASCII for old clients' `filename=` (the UTF-8 name goes in `filename*`). */
export function asciiFileName(fileName: string): string {
  return fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
}

// ───────────── Who may add which kind, when ─────────────

/** Who is adding a document to an application: the programme's bureau, the nominating unit, or the doctor themself. */
export type Uploader = "bureau" | "unit" | "doctor";

export type UploadRefusal = "applicationClosed" | "kindNotAllowed" | "stageDecisionNotAllowed";

/** Whether the application still takes documents from its unit and doctor (registration must still be open too). */
export function takesUnitDocuments(status: ApplicationStatus): boolean {
  return status === "PENDING_ENDORSEMENT" || status === "IN_PROGRESS";
}

/**
 * The kinds the uploader may add now. Units and doctors: the registration documents and "other",
 * while the application is under way and registration is open for the unit. The bureau: any kind,
 * at any time while the application exists.
 */
export function uploadableKinds(uploader: Uploader, status: ApplicationStatus, registrationOpen: boolean): AttachmentKind[] {
  if (uploader === "bureau") return [...ATTACHMENT_KINDS];
  return takesUnitDocuments(status) && registrationOpen ? [...UNIT_KINDS] : [];
}

/**
 * Why this upload is refused before the registration deadline is looked at (that check is the
 * server's, with the unit's own deadline), or null. Only the bureau links a document to a decision.
 */
export function uploadRefusal(uploader: Uploader, status: ApplicationStatus, kind: AttachmentKind, linksDecision: boolean): UploadRefusal | null {
  if (uploader === "bureau") return null;
  if (linksDecision) return "stageDecisionNotAllowed";
  if (!UNIT_KINDS.includes(kind)) return "kindNotAllowed";
  if (!takesUnitDocuments(status)) return "applicationClosed";
  return null;
}

/** A size for people: the catalogue key (attachments.bytes/kilobytes/megabytes) and the number to show with it. */
export function sizeParts(bytes: number): { unit: "bytes" | "kilobytes" | "megabytes"; value: number } {
  if (bytes < 1024) return { unit: "bytes", value: bytes };
  if (bytes < 1024 * 1024) return { unit: "kilobytes", value: Math.round((bytes / 1024) * 10) / 10 };
  return { unit: "megabytes", value: Math.round((bytes / (1024 * 1024)) * 10) / 10 };
}
