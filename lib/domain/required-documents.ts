// The documents each stage of a programme requires (issue 15; seed 000: 申请书 and 家属意见 with the
// registration, the 报名表 reported by the units, then the physical exam's and the inspection's
// materials). Pure: the use cases load the programme's checklist and the application's attachments.
//
// A stage's documents must be on file to PASS that stage and every later one: submitting is the
// registration stage's pass and happens before anything can be uploaded, so the registration
// documents are first enforced when the preliminary review passes the application — and a document
// that went missing later is still noticed.
import type { AttachmentKind, StageKind } from "../generated/prisma/enums";
import { ATTACHMENT_KINDS } from "./attachments";

/** The kinds a stage may require, in the order they are shown (a leave certificate belongs to leave). */
export const REQUIRABLE_KINDS = ATTACHMENT_KINDS;
export type RequirableKind = (typeof REQUIRABLE_KINDS)[number];

export interface StageRequirement {
  stage: StageKind;
  kind: AttachmentKind;
}

function inShownOrder(kinds: Iterable<AttachmentKind>): RequirableKind[] {
  const set = new Set<AttachmentKind>(kinds);
  return REQUIRABLE_KINDS.filter((k) => set.has(k));
}

/** The kinds required to pass `stage`: its own and those of every stage before it in `order`. */
export function requiredToPass(order: readonly StageKind[], requirements: readonly StageRequirement[], stage: StageKind): RequirableKind[] {
  const upTo = order.indexOf(stage);
  if (upTo < 0) return [];
  const stages = new Set(order.slice(0, upTo + 1));
  return inShownOrder(requirements.filter((r) => stages.has(r.stage)).map((r) => r.kind));
}

/** The required kinds with no attachment of that kind, in the order they are shown. */
export function missingDocuments(required: readonly AttachmentKind[], attached: readonly AttachmentKind[]): RequirableKind[] {
  const have = new Set(attached);
  return inShownOrder(required.filter((k) => !have.has(k)));
}

/** The checklist grouped by stage, in the programme's stage order (stages without requirements give []). */
export function checklistByStage(order: readonly StageKind[], requirements: readonly StageRequirement[]): { stage: StageKind; kinds: RequirableKind[] }[] {
  return order.map((stage) => ({ stage, kinds: inShownOrder(requirements.filter((r) => r.stage === stage).map((r) => r.kind)) }));
}

/** Detail value naming what is missing per application: one line per doctor, "name<TAB>KIND,KIND". */
export function encodeMissing(entries: readonly { doctor: string; missing: readonly AttachmentKind[] }[]): string {
  return entries.map((e) => `${e.doctor.replace(/[\t\n]/g, " ")}\t${e.missing.join(",")}`).join("\n");
}

/** The reverse of encodeMissing; unknown kinds are dropped. */
export function decodeMissing(value: string): { doctor: string; missing: RequirableKind[] }[] {
  return value
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [doctor = "", kinds = ""] = line.split("\t");
      return { doctor, missing: inShownOrder(kinds.split(",").filter((k): k is AttachmentKind => (REQUIRABLE_KINDS as readonly string[]).includes(k))) };
    });
}

/** The encoded detail in words: 张三（申请书、家属意见）；李四（体检结果） — or in English, "Zhang San (…, …); Li Si (…)". */
export function missingInWords(value: string, kindLabel: (kind: AttachmentKind) => string, locale: string): string {
  const isChinese = locale.startsWith("zh");
  return decodeMissing(value)
    .map((e) => {
      const kinds = e.missing.map(kindLabel).join(isChinese ? "、" : ", ");
      return isChinese ? `${e.doctor}（${kinds}）` : `${e.doctor} (${kinds})`;
    })
    .join(isChinese ? "；" : "; ");
}
