import "server-only";
import { audit } from "../audit";
import { authorize, doctorWhere, programWhere, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { ProgramStatus } from "../generated/prisma/enums";
import { evaluateRule, type Evaluation } from "../domain/eligibility";
import { ruleTreeSchema, type RuleNode } from "../schemas/eligibility";
import { doctorSearchSchema, issueKey, previewRuleSchema, ruleIdSchema, saveRuleSchema } from "../schemas/eligibility-rules";
import { loadDoctorFacts } from "./eligibility";
import { actorOf, parse, runTx, visibleOr, type Tx } from "./kit";
import { enqueueProgramScreening, enqueueScreening, kickScreeningJobs } from "./screening-store";

// Use cases of the rule builder (issue 4): the rules of a programme, programme-wide and per post;
// saving (create or new version) and deleting them, audited; finding doctors to preview a rule on.
// Rules may change only while the programme is a draft or open for registration: later, verdicts
// already given rest on them.

const EDITABLE: readonly ProgramStatus[] = ["DRAFT", "OPEN"];

const ruleSelect = { id: true, programId: true, postId: true, name: true, tree: true, version: true, updatedAt: true } as const satisfies Prisma.EligibilityRuleSelect;

export interface RuleRow {
  id: string;
  programId: string;
  postId: string | null;
  name: string;
  tree: RuleNode;
  version: number;
  updatedAt: Date;
}

export interface ProgramRules {
  program: { id: string; name: string; status: ProgramStatus; bureauId: string; isEditable: boolean };
  cutoffs: { code: string; label: string; date: string }[];
  posts: { id: string; title: string; specialty: string; rotationBatch: number; receivingOrgName: string }[];
  rules: RuleRow[];
}

/** A stored tree as the shared schema reads it; a tree that no longer parses is shown as nothing rather than crash a page. */
function toRow(rule: Prisma.EligibilityRuleGetPayload<{ select: typeof ruleSelect }>): RuleRow {
  const tree = ruleTreeSchema.safeParse(rule.tree);
  return { ...rule, tree: tree.success ? tree.data : { op: "ALL", children: [] } };
}

/** The programme's rules (programme-wide first, then per post in post order), or null when out of scope. */
export async function listProgramRules(db: PrismaClient, scope: Scope, programId: string): Promise<ProgramRules | null> {
  authorize(scope, "program.read");
  const program = await db.program.findFirst({
    where: { AND: [programWhere(scope), { id: programId }] },
    select: {
      id: true,
      name: true,
      status: true,
      bureauId: true,
      cutoffDates: { select: { code: true, label: true, date: true }, orderBy: { date: "asc" } },
      posts: {
        select: { id: true, title: true, specialty: true, rotationBatch: true, receivingOrg: { select: { name: true } } },
        orderBy: [{ rotationBatch: "asc" }, { title: "asc" }, { id: "asc" }],
      },
      eligibilityRules: { select: ruleSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!program) return null;
  return {
    program: { id: program.id, name: program.name, status: program.status, bureauId: program.bureauId, isEditable: EDITABLE.includes(program.status) },
    cutoffs: program.cutoffDates.map((c) => ({ code: c.code, label: c.label, date: c.date.toISOString().slice(0, 10) })),
    posts: program.posts.map((p) => ({ id: p.id, title: p.title, specialty: p.specialty, rotationBatch: p.rotationBatch, receivingOrgName: p.receivingOrg.name })),
    rules: program.eligibilityRules.map(toRow),
  };
}

/** The programme, in the user's scope and theirs to manage, and still open to rule changes. */
async function editableProgram(tx: Tx, scope: Scope, programId: string) {
  const program = visibleOr(await tx.program.findFirst({ where: { AND: [programWhere(scope), { id: programId }] }, select: { id: true, bureauId: true, status: true } }));
  authorize(scope, "program.manage", { organizationId: program.bureauId });
  if (!EDITABLE.includes(program.status)) throw new AppError("conflict", "programLocked");
  // Serialises rule changes of one programme, so that two saves cannot both read version n.
  await tx.$executeRaw`SELECT id FROM "Program" WHERE id = ${program.id} FOR UPDATE`;
  return program;
}

/** Creates a rule, or saves a new version of one (version + 1). Audited with before and after. */
export async function saveRule(db: PrismaClient, scope: Scope, raw: unknown): Promise<RuleRow> {
  authorize(scope, "program.manage");
  const input = parse(saveRuleSchema, raw, issueKey);
  const postId = input.postId ? input.postId : null;
  const saved = await runTx(db, async (tx) => {
    const program = await editableProgram(tx, scope, input.programId);
    if (postId && !(await tx.post.findFirst({ where: { id: postId, programId: program.id }, select: { id: true } }))) {
      throw new AppError("validation", "unknownPost", { postId: ["unknownPost"] });
    }
    const actor = await actorOf(tx, scope);
    const data = { name: input.name, postId, tree: input.tree as Prisma.InputJsonValue };
    if (!input.id) {
      const created = await tx.eligibilityRule.create({ data: { ...data, programId: program.id }, select: ruleSelect });
      await audit(tx, { actor, action: "rule.create", entity: "EligibilityRule", entityId: created.id, after: created });
      await enqueueRuleScreening(tx, program.id, [postId]);
      return toRow(created);
    }
    const before = visibleOr(await tx.eligibilityRule.findFirst({ where: { id: input.id, programId: program.id }, select: ruleSelect }));
    if (input.version !== undefined && input.version !== before.version) throw new AppError("conflict", "staleRule");
    const after = await tx.eligibilityRule.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } }, select: ruleSelect });
    await audit(tx, { actor, action: "rule.update", entity: "EligibilityRule", entityId: after.id, before, after });
    await enqueueRuleScreening(tx, program.id, [before.postId, after.postId]);
    return toRow(after);
  });
  kickScreeningJobs();
  return saved;
}

/** A rule changed: its posts' stored verdicts are re-evaluated (every post of the programme for a programme-wide rule). */
async function enqueueRuleScreening(tx: Tx, programId: string, postIds: (string | null)[]): Promise<void> {
  if (postIds.includes(null)) await enqueueProgramScreening(tx, programId, "rule");
  else await enqueueScreening(tx, [...new Set(postIds as string[])], "rule");
}

/** Deletes a rule of a programme still open to rule changes. Audited with the rule as it was. */
export async function deleteRule(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ id: string; programId: string }> {
  authorize(scope, "program.manage");
  const { id, programId } = parse(ruleIdSchema, raw, issueKey);
  const deleted = await runTx(db, async (tx) => {
    const rule = visibleOr(await tx.eligibilityRule.findFirst({ where: { id, ...(programId ? { programId } : {}), program: programWhere(scope) }, select: ruleSelect }));
    await editableProgram(tx, scope, rule.programId);
    await tx.eligibilityRule.delete({ where: { id: rule.id } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "rule.delete", entity: "EligibilityRule", entityId: rule.id, before: rule });
    await enqueueRuleScreening(tx, rule.programId, [rule.postId]);
    return { id: rule.id, programId: rule.programId };
  });
  kickScreeningJobs();
  return deleted;
}

export interface DoctorMatch {
  id: string;
  name: string;
  specialty: string;
  employerName: string;
}

/** At most 20 doctors in the user's scope whose name contains the text, for the preview's doctor picker. */
export async function searchDoctors(db: PrismaClient, scope: Scope, raw: unknown): Promise<DoctorMatch[]> {
  authorize(scope, "eligibility.screen");
  const { q } = parse(doctorSearchSchema, raw, issueKey);
  const rows = await db.doctor.findMany({
    where: { AND: [doctorWhere(scope), { name: { contains: q, mode: "insensitive" } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true, name: true, specialty: true, employer: { select: { name: true } } },
  });
  return rows.map((d) => ({ id: d.id, name: d.name, specialty: d.specialty, employerName: d.employer.name }));
}

/**
 * The rule builder's preview: an unsaved tree (validated with the shared schema) evaluated by the
 * engine against one doctor's facts. The programme and the doctor must both be in the caller's scope.
 */
export async function previewRule(db: PrismaClient, scope: Scope, raw: unknown): Promise<Evaluation> {
  authorize(scope, "eligibility.screen");
  const input = parse(previewRuleSchema, raw, issueKey);
  visibleOr(await db.program.findFirst({ where: { AND: [programWhere(scope), { id: input.programId }] }, select: { id: true } }));
  for await (const chunk of loadDoctorFacts(db, { AND: [doctorWhere(scope), { id: input.doctorId }] }, 1)) {
    const doctor = chunk[0];
    if (doctor) return evaluateRule(input.tree, doctor.facts);
  }
  throw new AppError("notFound");
}
