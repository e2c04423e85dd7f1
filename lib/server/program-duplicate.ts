import "server-only";
import { audit } from "../audit";
import { authorize, programWhere, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import { shiftDateOneYear, shiftInstantOneYear } from "../domain/program-timeline";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { programIdSchema } from "../schemas/programs";
import { actorOf, parse, runTx } from "./kit";
import { programSnapshotSelect, type ProgramSnapshot } from "./program-support";
import { enqueueScreening, kickScreeningJobs } from "./screening-store";

/** The name of next year's round: the year in the name replaced, or the new year added. */
export function nextRoundName(name: string, year: number): string {
  const next = String(year + 1);
  return name.includes(String(year)) ? name.replaceAll(String(year), next) : `${name}（${next}）`;
}

/**
 * Starts next year's round from a programme: the same posts with their quotas and rules, the
 * programme-wide rules, the cut-off dates and the stages a calendar year later, status DRAFT. The
 * copy belongs to the source's bureau; applications and decisions are not copied.
 */
export async function duplicateProgram(db: PrismaClient, scope: Scope, raw: unknown): Promise<ProgramSnapshot> {
  const { id } = parse(programIdSchema, raw);
  authorize(scope, "program.manage");
  const copied = await runTx(db, async (tx) => {
    const source = await tx.program.findFirst({
      where: { AND: [{ id }, programWhere(scope)] }, // another bureau's: as missing (issue 12)
      select: {
        ...programSnapshotSelect,
        stages: { orderBy: { sequence: "asc" } },
        cutoffDates: true,
        stageDocuments: true,
        eligibilityRules: { orderBy: { createdAt: "asc" } },
        posts: { orderBy: { id: "asc" }, include: { nominationQuotas: true } },
      },
    });
    if (!source) throw new AppError("notFound");
    authorize(scope, "program.manage", { organizationId: source.bureauId });

    const copy = await tx.program.create({
      data: {
        bureauId: source.bureauId,
        kind: source.kind,
        name: nextRoundName(source.name, source.year),
        year: source.year + 1,
        batchNumber: source.batchNumber,
        status: "DRAFT",
        serviceMonths: source.serviceMonths,
        rotationBatches: source.rotationBatches,
        description: source.description,
        stages: {
          create: source.stages.map((s) => ({ kind: s.kind, sequence: s.sequence, opensAt: shiftInstantOneYear(s.opensAt), closesAt: shiftInstantOneYear(s.closesAt), ratio: s.ratio })),
        },
        cutoffDates: { create: source.cutoffDates.map((c) => ({ code: c.code, label: c.label, date: shiftDateOneYear(c.date) })) },
        stageDocuments: { create: source.stageDocuments.map((d) => ({ stage: d.stage, kind: d.kind })) },
      },
      select: programSnapshotSelect,
    });

    const postIds = new Map<string, string>();
    for (const post of source.posts) {
      const created = await tx.post.create({
        data: {
          programId: copy.id,
          receivingOrgId: post.receivingOrgId,
          title: post.title,
          specialty: post.specialty,
          headcount: post.headcount,
          rotationBatch: post.rotationBatch,
          description: post.description,
        },
        select: { id: true },
      });
      postIds.set(post.id, created.id);
    }
    const quotas = source.posts.flatMap((post) =>
      post.nominationQuotas.map((q) => ({ programId: copy.id, postId: postIds.get(post.id)!, nominatingOrgId: q.nominatingOrgId, minimum: q.minimum })),
    );
    if (quotas.length) await tx.nominationQuota.createMany({ data: quotas });
    const rules = source.eligibilityRules.map((r) => ({
      programId: copy.id,
      postId: r.postId ? (postIds.get(r.postId) ?? null) : null,
      name: r.name,
      tree: r.tree as Prisma.InputJsonValue,
    }));
    if (rules.length) await tx.eligibilityRule.createMany({ data: rules });
    await enqueueScreening(tx, [...postIds.values()], "post");

    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "program.duplicate",
      entity: "Program",
      entityId: copy.id,
      before: { sourceId: source.id, name: source.name, year: source.year },
      after: { ...copy, stages: source.stages.length, cutoffDates: source.cutoffDates.length, stageDocuments: source.stageDocuments.length, posts: postIds.size, quotas: quotas.length, rules: rules.length },
    });
    return copy;
  });
  kickScreeningJobs();
  return copied;
}
