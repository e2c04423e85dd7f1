// The annual assessment on real PostgreSQL with the demo seed: who opens it and who is assessed (半年以上
// in the year), each party scoring its own doctors (drafts, one submission, bounds and precision, the
// append-only table), grading by the bureau with the 15 % quota named and ranked, the quota under two
// gradings at the same moment through separate connections, and the results going back to the units.
import { beforeAll, describe, expect, it } from "vitest";
import type { EvaluationParty } from "@/lib/generated/prisma/enums";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { createScheme, getAssessment, gradeSubjects, listAssessments, listSchemes, openAssessment, saveScore } from "@/lib/server/evaluations";
import { createRaterLink, hashToken, listRaterLinks, raterLinkForm, revokeRaterLink, scoreByLink } from "@/lib/server/rater-links";
import { demoWorld, makeDoctor, makePost, placeApplication, refusal, refusedLeaving, SXRM, ZJRM, type Username } from "./setup/vetting-fixtures";

const w = demoWorld();
const YEAR = 2026;

async function footprint(prisma: PrismaClient) {
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "Assessment") AS assessments, (SELECT count(*) FROM "AssessmentSubject") AS subjects,
           (SELECT count(*) FROM "AssessmentScore") AS scores, (SELECT count(*) FROM "AuditLog") AS audits,
           (SELECT count(*) FROM "Notification") AS notifications, (SELECT count(*) FROM "EvaluationScheme") AS schemes,
           (SELECT coalesce(string_agg(coalesce(grade::text, '-'), ',' ORDER BY id), '') FROM "AssessmentSubject") AS grades`;
  return row;
}

const refused = refusedLeaving(() => footprint(w.db.prisma));

/** A doctor of `unit` dispatched to the demo's 阿瓦提 post from `first` to `last` (the scene; dispatching is not under test). */
async function dispatchDoctor(programId: string, postId: string, unit: string, name: string, first: string, last: string): Promise<string> {
  const unitId = w.demo.org(unit);
  const doctorId = await makeDoctor(w.db.prisma, unitId, name);
  const applicationId = await placeApplication(w.db.prisma, { postId, doctorId, nominatingOrgId: unitId, createdById: w.demo.userId("nominator"), status: "APPROVED", currentStage: "APPROVAL" });
  await w.db.prisma.dispatch.create({
    data: {
      programId,
      postId,
      applicationId,
      doctorId,
      receivingOrgId: w.demo.org("阿瓦提县人民医院"),
      rotationBatch: 1,
      startDate: new Date(`${first}T00:00:00Z`),
      serviceMonths: 12,
      plannedLastDay: new Date(`${last}T00:00:00Z`),
      lastDay: new Date(`${last}T00:00:00Z`),
      status: "ACTIVE",
      createdById: w.demo.userId("staff"),
    },
  });
  return doctorId;
}

// Seven doctors served the whole year (the cohort of seed 001's example), one arrived on 3 July
// (182 days: not assessed), one on 2 July (183 days: the half included, assessed) — eight assessed.
const COHORT: [string, string, string, string][] = [
  ["甲医生", SXRM, "2026-01-01", "2026-12-31"],
  ["乙医生", SXRM, "2026-01-01", "2026-12-31"],
  ["丙医生", SXRM, "2025-07-01", "2026-12-31"],
  ["丁医生", ZJRM, "2026-01-01", "2026-12-31"],
  ["戊医生", ZJRM, "2026-01-01", "2026-12-31"],
  ["己医生", ZJRM, "2026-01-01", "2027-06-30"],
  ["庚医生", SXRM, "2026-01-01", "2026-12-31"],
  ["辛医生", SXRM, "2026-07-02", "2027-07-01"],
  ["壬医生", ZJRM, "2026-07-03", "2027-07-02"],
];

let assessmentId = "";
const subjectOf = new Map<string, string>();

beforeAll(async () => {
  const postId = await makePost(w.db.prisma, w.demo, 9, "考核测试岗位");
  for (const [name, unit, first, last] of COHORT) await dispatchDoctor(w.demo.programId, postId, unit, name, first, last);
});

describe("schemes", () => {
  it("seed 001's annual assessment is the built-in default; seed 003's six parties a template", async () => {
    const schemes = await listSchemes(w.db.prisma, w.s.nominator);
    const def = schemes.find((s) => s.isDefault)!;
    expect(def.parties).toEqual([
      { party: "RECEIVING_UNIT", weight: 60 },
      { party: "BUREAU", weight: 30 },
      { party: "DISPATCHING_UNIT", weight: 10 },
    ]);
    expect(def.aspects.map((a) => [a.name, a.maxPoints])).toEqual([["履职情况", 20], ["工作作风", 20], ["出勤情况", 20], ["工作量", 20], ["工作业绩", 20]]);
    expect(def.quotaPercent).toBe(15);
    expect(def.bands).toEqual([
      { grade: "EXCELLENT", minTotal: 9000 },
      { grade: "COMPETENT", minTotal: 7000 },
      { grade: "BASICALLY_COMPETENT", minTotal: 6000 },
      { grade: "INCOMPETENT", minTotal: 0 },
    ]);
    expect(schemes.find((s) => !s.isDefault && s.bureauId === null)!.parties).toHaveLength(6);
  });

  it("staff make their own from one; sums not reaching 100 are refused naming the rule; others may not", async () => {
    const [def] = await listSchemes(w.db.prisma, w.s.staff);
    const input = {
      basedOnId: def!.id,
      name: "本局年度考核（70:20:10）",
      quotaPercent: 15,
      minServedPercent: 50,
      parties: [{ party: "RECEIVING_UNIT", weight: 70 }, { party: "BUREAU", weight: 20 }, { party: "DISPATCHING_UNIT", weight: 10 }],
      aspects: def!.aspects.map((a) => ({ name: a.name, maxPoints: a.maxPoints })),
      bands: [{ grade: "EXCELLENT", minTotal: 85.5 }, { grade: "COMPETENT", minTotal: 70 }, { grade: "BASICALLY_COMPETENT", minTotal: 60 }, { grade: "INCOMPETENT", minTotal: 0 }],
    };
    const weights = await refused(() => createScheme(w.db.prisma, w.s.staff, { ...input, parties: [{ party: "RECEIVING_UNIT", weight: 70 }, { party: "BUREAU", weight: 20 }] }), "validation", "weightsNot100");
    expect(weights.fieldErrors).toEqual({ parties: ["weightsNot100"] });
    await refused(() => createScheme(w.db.prisma, w.s.staff, { ...input, aspects: [{ name: "履职情况", maxPoints: 50 }] }), "validation", "aspectsNot100");
    await refused(() => createScheme(w.db.prisma, w.s.staff, { ...input, name: "x\u0000y" }), "validation");
    for (const who of ["nominator", "receiver", "doctor", "auditor"] as Username[]) await refused(() => createScheme(w.db.prisma, w.s[who], input), "forbidden");
    const made = await createScheme(w.db.prisma, w.s.staff, input);
    expect(made.bands[0]).toEqual({ grade: "EXCELLENT", minTotal: 8550 });
    expect((await listSchemes(w.db.prisma, w.s.admin)).map((s) => s.id)).toContain(made.id);
    // Another bureau does not see it.
    expect((await listSchemes(w.db.prisma, w.s["wz-admin"])).map((s) => s.id)).not.toContain(made.id);
  });
});

describe("opening the annual assessment", () => {
  it("only the programme's bureau opens it; another bureau is told it does not exist", async () => {
    for (const who of ["nominator", "receiver", "doctor", "auditor"] as Username[]) await refused(() => openAssessment(w.db.prisma, w.s[who], { programId: w.demo.programId, year: YEAR }), "forbidden");
    await refused(() => openAssessment(w.db.prisma, w.s["wz-admin"], { programId: w.demo.programId, year: YEAR }), "notFound");
    await refused(() => openAssessment(w.db.prisma, w.s.staff, { programId: w.demo.programId, year: 1999 }), "validation");
    await refused(() => openAssessment(w.db.prisma, w.s.staff, { programId: w.demo.programId, year: 2030 }), "validation", "noCohort");
  });

  it("lists the cohort with the days served; 183 days of 365 is assessed, 182 is not", async () => {
    const opened = await openAssessment(w.db.prisma, w.s.staff, { programId: w.demo.programId, year: YEAR });
    expect(opened).toMatchObject({ cohort: 9, assessed: 8 });
    assessmentId = opened.id;
    const view = await getAssessment(w.db.prisma, w.s.staff, assessmentId);
    for (const s of view.subjects) subjectOf.set(s.doctorName, s.id);
    const notAssessed = view.subjects.filter((s) => !s.assessed);
    expect(notAssessed.map((s) => [s.doctorName, s.servedDays, s.monthsServed])).toEqual([["壬医生", 182, "6.0"]]);
    expect(view.subjects.find((s) => s.doctorName === "辛医生")).toMatchObject({ assessed: true, servedDays: 183 });
    expect(view.subjects.find((s) => s.doctorName === "丙医生")).toMatchObject({ servedDays: 365 });
    expect(view.cohortSize).toBe(8);
    expect(view.quota).toBe(1);
    await refused(() => openAssessment(w.db.prisma, w.s.admin, { programId: w.demo.programId, year: YEAR }), "validation", "assessmentExists");
    const audit = await w.db.prisma.auditLog.findFirst({ where: { action: "evaluation.assessment_opened" } });
    expect(audit?.entityId).toBe(assessmentId);
  });

  it("each unit sees the assessment with its own doctors only; a doctor sees themself", async () => {
    const asNominator = await getAssessment(w.db.prisma, w.s.nominator, assessmentId);
    expect(asNominator.subjects.every((s) => s.dispatchingOrg === SXRM)).toBe(true);
    expect(asNominator.ranking).toEqual([]);
    const asOther = await getAssessment(w.db.prisma, w.s.nominator2, assessmentId);
    expect(asOther.subjects.every((s) => s.dispatchingOrg === ZJRM)).toBe(true);
    expect((await getAssessment(w.db.prisma, w.s.receiver, assessmentId)).subjects).toHaveLength(9);
    await expect(getAssessment(w.db.prisma, w.s["wz-admin"], assessmentId)).rejects.toMatchObject({ code: "notFound" });
    expect((await listAssessments(w.db.prisma, w.s["wz-admin"])).rows).toEqual([]);
    expect((await listAssessments(w.db.prisma, w.s.nominator)).rows.map((a) => a.id)).toEqual([assessmentId]);
  });
});

const score = (who: Username, doctor: string, party: EvaluationParty, points: (number | string)[], submit = true, client: PrismaClient = w.db.prisma) =>
  saveScore(client, w.s[who], { subjectId: subjectOf.get(doctor)!, party, points, submit });

describe("scoring by each party", () => {
  it("refuses points out of range, with the wrong precision or count, naming the aspect; nothing written", async () => {
    const over = await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", [20.5, 18, 18, 18, 18]), "validation", "pointsOutOfRange");
    expect(over.fieldErrors).toEqual({ "points.0": ["pointsOutOfRange"] });
    const precise = await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", [18.55, 18, 18, 18, 18]), "validation");
    expect(precise.fieldErrors).toEqual({ "points.0": ["pointsPrecision"] });
    const negative = await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", [18, -1, 18, 18, 18]), "validation");
    expect(negative.fieldErrors).toEqual({ "points.1": ["pointsOutOfRange"] });
    await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", [18, 18, 18, 18]), "validation", "pointsOutOfRange");
    await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", ["abc", 18, 18, 18, 18]), "validation");
    await refused(() => saveScore(w.db.prisma, w.s.receiver, { subjectId: subjectOf.get("甲医生"), party: "RECEIVING_UNIT", points: [18, 18, 18, 18, 18], submit: "yes" }), "validation");
  });

  it("each party scores only as itself and only its own doctors", async () => {
    await refused(() => score("receiver", "甲医生", "BUREAU", [18, 18, 18, 18, 18]), "forbidden");
    await refused(() => score("nominator", "甲医生", "RECEIVING_UNIT", [18, 18, 18, 18, 18]), "forbidden");
    // 丁医生 is 诸暨's: 绍兴's nominator is told there is no such doctor.
    await refused(() => score("nominator", "丁医生", "DISPATCHING_UNIT", [18, 18, 18, 18, 18]), "notFound");
    await refused(() => score("doctor", "甲医生", "DISPATCHING_UNIT", [18, 18, 18, 18, 18]), "forbidden");
    await refused(() => score("auditor", "甲医生", "BUREAU", [18, 18, 18, 18, 18]), "forbidden");
    await refused(() => score("staff", "甲医生", "SECONDED_STAFF", [18, 18, 18, 18, 18]), "validation", "partyNotInScheme");
    await refused(() => score("staff", "壬医生", "BUREAU", [18, 18, 18, 18, 18]), "conflict", "notAssessed");
  });

  it("a draft is saved again as a new row, then submitted once; a second submission is refused", async () => {
    expect(await score("receiver", "甲医生", "RECEIVING_UNIT", [17, 17, 17, 17, 17], false)).toMatchObject({ submitted: false, sum: 850 });
    expect(await score("receiver", "甲医生", "RECEIVING_UNIT", ["19.5", 19, 19, 19, 19], false)).toMatchObject({ submitted: false, sum: 955 });
    let view = await getAssessment(w.db.prisma, w.s.receiver, assessmentId);
    expect(view.subjects.find((s) => s.doctorName === "甲医生")!.sheets.find((s) => s.party === "RECEIVING_UNIT")).toMatchObject({ points: [195, 190, 190, 190, 190], submitted: false, mine: true });
    await score("receiver", "甲医生", "RECEIVING_UNIT", [19.5, 19, 19, 19, 19.5]);
    const twice = await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", [20, 20, 20, 20, 20]), "conflict", "alreadySubmitted");
    expect(twice.details).toEqual({ doctor: "甲医生" });
    await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", [20, 20, 20, 20, 20], false), "conflict", "alreadySubmitted");
    view = await getAssessment(w.db.prisma, w.s.receiver, assessmentId);
    expect(view.subjects.find((s) => s.doctorName === "甲医生")!.sheets.find((s) => s.party === "RECEIVING_UNIT")).toMatchObject({ sum: 960, submitted: true });
    // A unit does not see another party's points.
    expect(view.subjects.find((s) => s.doctorName === "甲医生")!.sheets.find((s) => s.party === "BUREAU")).toMatchObject({ points: null, mine: false });
  });

  it("two submissions of one party at the same moment: one row", async (ctx) => {
    if (w.db.isEmbedded) return ctx.skip(); // the embedded database serves one connection at a time
    const other = createPrismaClient(w.db.url, { maxConnections: 2 });
    try {
      const results = await Promise.allSettled([
        score("staff", "乙医生", "BUREAU", [18, 18, 18, 18, 18]),
        score("admin", "乙医生", "BUREAU", [18, 18, 18, 18, 18], true, other),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect(await w.db.prisma.assessmentScore.count({ where: { subjectId: subjectOf.get("乙医生"), party: "BUREAU" } })).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("a correction after the submission is a new submitted row with its reason, audited with before and after", async () => {
    const subjectId = subjectOf.get("甲医生")!;
    // Without a reason it is a second submission; as a draft it is refused naming the rule.
    await refused(() => score("receiver", "甲医生", "RECEIVING_UNIT", [19, 19.5, 19, 19.5, 19]), "conflict", "alreadySubmitted");
    const draft = await refused(
      () => saveScore(w.db.prisma, w.s.receiver, { subjectId, party: "RECEIVING_UNIT", points: [19, 19.5, 19, 19.5, 19], submit: false, correctionReason: "录入顺序有误" }),
      "validation",
    );
    expect(draft.fieldErrors).toEqual({ correctionReason: ["correctionIsSubmission"] });
    // Another party's sheet is still not the receiver's to correct.
    await refused(() => saveScore(w.db.prisma, w.s.receiver, { subjectId, party: "BUREAU", points: [19, 19, 19, 19, 19], submit: true, correctionReason: "x" }), "forbidden");
    const corrected = await saveScore(w.db.prisma, w.s.receiver, { subjectId, party: "RECEIVING_UNIT", points: [19, 19.5, 19, 19.5, 19], submit: true, correctionReason: "录入顺序有误" });
    expect(corrected).toMatchObject({ submitted: true, sum: 960 });
    const rows = await w.db.prisma.assessmentScore.findMany({ where: { subjectId, party: "RECEIVING_UNIT", submitted: true }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.points, r.correctionReason])).toEqual([
      [[195, 190, 190, 190, 195], null],
      [[190, 195, 190, 195, 190], "录入顺序有误"],
    ]);
    const view = await getAssessment(w.db.prisma, w.s.receiver, assessmentId);
    expect(view.subjects.find((s) => s.id === subjectId)!.sheets.find((s) => s.party === "RECEIVING_UNIT")).toMatchObject({ points: [190, 195, 190, 195, 190], submitted: true });
    const log = await w.db.prisma.auditLog.findFirstOrThrow({ where: { action: "evaluation.score_corrected", entityId: subjectId } });
    expect(log.before).toMatchObject({ doctor: "甲医生", points: [195, 190, 190, 190, 195] });
    expect(log.after).toMatchObject({ doctor: "甲医生", points: [190, 195, 190, 195, 190], reason: "录入顺序有误" });
  });

  it("the table keeps history: an update or a delete of a score is refused by the database", async () => {
    await expect(w.db.prisma.assessmentScore.updateMany({ data: { sum: 0 } })).rejects.toThrow();
    await expect(w.db.prisma.assessmentScore.deleteMany({})).rejects.toThrow();
    await expect(w.db.prisma.$executeRawUnsafe(`TRUNCATE "AssessmentScore" CASCADE`)).rejects.toThrow();
  });
});

describe("grading by the bureau", () => {
  it("refuses grading before every party has submitted, naming the doctor and the missing parties", async () => {
    const early = await refused(() => gradeSubjects(w.db.prisma, w.s.staff, { assessmentId, grades: [{ subjectId: subjectOf.get("甲医生")!, grade: "EXCELLENT" }] }), "conflict", "partiesNotSubmitted");
    expect(early.details).toEqual({ doctor: "甲医生", parties: "BUREAU,DISPATCHING_UNIT" });
  });

  it("with every sheet in, the proposed grade and the ranking follow the totals", async () => {
    // Totals: 甲 95.90 (60% × 96 + 30% × 96 + 10% × 95), 乙 91.40 (60% × 92 + 30% × 90 + 10% × 92), the others below 90.
    const points: Record<string, [number, number, number]> = {
      甲医生: [0, 19.2, 19], // receiving submitted above: 96.0
      乙医生: [18.4, 0, 18.4], // bureau submitted above: 90
      丙医生: [17, 17, 17],
      丁医生: [16, 16, 16],
      戊医生: [15, 15, 15],
      己医生: [14, 14, 14],
      庚医生: [13, 13, 13],
      辛医生: [12, 12, 12],
    };
    const dispatching = (doctor: string) => (["丁医生", "戊医生", "己医生"].includes(doctor) ? "nominator2" : "nominator") as Username;
    for (const [doctor, [r, b, d]] of Object.entries(points)) {
      if (doctor !== "甲医生") await score("receiver", doctor, "RECEIVING_UNIT", [r, r, r, r, r]);
      if (doctor !== "乙医生") await score("staff", doctor, "BUREAU", [b, b, b, b, b]);
      await score(dispatching(doctor), doctor, "DISPATCHING_UNIT", [d, d, d, d, d]);
    }
    const view = await getAssessment(w.db.prisma, w.s.staff, assessmentId);
    const jia = view.subjects.find((s) => s.doctorName === "甲医生")!;
    expect(jia.total).toBe(9590); // 0.6 × 96 + 0.3 × 96 + 0.1 × 95 = 57.6 + 28.8 + 9.5 = 95.90
    expect(jia.proposedGrade).toBe("EXCELLENT");
    expect(view.subjects.find((s) => s.doctorName === "乙医生")).toMatchObject({ total: 9140, proposedGrade: "EXCELLENT" });
    expect(view.subjects.find((s) => s.doctorName === "丙医生")).toMatchObject({ total: 8500, proposedGrade: "COMPETENT" });
    expect(view.ranking.map((r) => r.name)).toEqual(["甲医生", "乙医生", "丙医生", "丁医生", "戊医生", "己医生", "庚医生", "辛医生"]);
    expect(view.ranking).toHaveLength(8);
    expect(view.can.grade).toBe(true);
    expect((await getAssessment(w.db.prisma, w.s.auditor, assessmentId)).can.grade).toBe(false);
  });

  it("refuses a grade above the total's band, and a second 优秀 over the quota naming who is over with the ranking", async () => {
    await refused(() => gradeSubjects(w.db.prisma, w.s.staff, { assessmentId, grades: [{ subjectId: subjectOf.get("丙医生")!, grade: "EXCELLENT" }] }), "conflict", "gradeAboveBand");
    const over = await refused(
      () =>
        gradeSubjects(w.db.prisma, w.s.staff, {
          assessmentId,
          grades: [
            { subjectId: subjectOf.get("甲医生")!, grade: "EXCELLENT" },
            { subjectId: subjectOf.get("乙医生")!, grade: "EXCELLENT" },
          ],
        }),
      "conflict",
      "quotaExceeded",
    );
    expect(over.details).toMatchObject({ quota: "1", cohort: "8", over: "乙医生" });
    expect(over.details!.ranking).toMatch(/^1\. 甲医生 95\.90；2\. 乙医生 91\.40；3\. 丙医生 85\.00；/);
    for (const who of ["nominator", "receiver", "doctor", "auditor"] as Username[]) {
      await refused(() => gradeSubjects(w.db.prisma, w.s[who], { assessmentId, grades: [{ subjectId: subjectOf.get("丙医生")!, grade: "COMPETENT" }] }), "forbidden");
    }
    await refused(() => gradeSubjects(w.db.prisma, w.s["wz-admin"], { assessmentId, grades: [{ subjectId: subjectOf.get("丙医生")!, grade: "COMPETENT" }] }), "notFound");
    await refused(() => gradeSubjects(w.db.prisma, w.s.staff, { assessmentId, version: 99, grades: [{ subjectId: subjectOf.get("丙医生")!, grade: "COMPETENT" }] }), "conflict", "staleVersion");
  });

  it("two gradings at the same moment, each giving one 优秀: exactly one is given", async (ctx) => {
    if (w.db.isEmbedded) return ctx.skip(); // the embedded database serves one connection at a time
    const clients = [createPrismaClient(w.db.url, { maxConnections: 2 }), createPrismaClient(w.db.url, { maxConnections: 2 })];
    try {
      const results = await Promise.allSettled([
        gradeSubjects(clients[0]!, w.s.staff, { assessmentId, grades: [{ subjectId: subjectOf.get("甲医生")!, grade: "EXCELLENT" }] }),
        gradeSubjects(clients[1]!, w.s.admin, { assessmentId, grades: [{ subjectId: subjectOf.get("乙医生")!, grade: "EXCELLENT" }] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: "quotaExceeded" });
      expect(await w.db.prisma.assessmentSubject.count({ where: { assessmentId, grade: "EXCELLENT" } })).toBe(1);
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("grading the rest finalises the assessment and tells each dispatching unit; nothing more is scored or graded", async () => {
    // The programme's allowance policy has seed 001's award for an excellent grade (1 500 yuan).
    const award = await w.db.prisma.allowanceItem.create({
      data: { programId: w.demo.programId, name: "年度考核优秀奖", kind: "PER_EVENT", amountFen: 150_000, payer: "FUND_POOL", payee: "DOCTOR", startsAt: "ARRIVAL" },
    });
    const view = await getAssessment(w.db.prisma, w.s.staff, assessmentId);
    // One 优秀: whoever won the two gradings at once, else 甲医生 now.
    const excellentGiven = view.subjects.some((s) => s.grade === "EXCELLENT");
    const rest = view.subjects
      .filter((s) => s.assessed && s.grade === null)
      .map((s) => ({ subjectId: s.id, grade: !excellentGiven && s.doctorName === "甲医生" ? "EXCELLENT" : s.proposedGrade === "EXCELLENT" ? "COMPETENT" : s.proposedGrade! }));
    const result = await gradeSubjects(w.db.prisma, w.s.staff, { assessmentId, version: view.version, grades: rest });
    expect(result.finalised).toBe(true);
    const final = await getAssessment(w.db.prisma, w.s.nominator, assessmentId);
    expect(final.status).toBe("FINALISED");
    expect(final.subjects.every((s) => !s.assessed || s.grade !== null)).toBe(true);
    const notices = await w.db.prisma.notification.findMany({ where: { kind: "assessmentResults" }, select: { userId: true, body: true } });
    expect(new Set(notices.map((n) => n.userId))).toEqual(new Set([w.demo.userId("nominator"), w.demo.userId("nominator2")]));
    expect(notices[0]!.body).toContain("不占本单位优秀指标");
    // The 优秀 got the award line in its dispatch's schedule, in the same transaction; nobody else did.
    const lines = await w.db.prisma.allowanceLine.findMany({ where: { itemId: award.id }, select: { kind: true, amountFen: true, reason: true, dispatch: { select: { doctor: { select: { name: true } } } } } });
    const excellent = final.subjects.find((s) => s.grade === "EXCELLENT")!.doctorName;
    expect(lines).toEqual([{ kind: "EVENT", amountFen: 150_000, reason: `${YEAR}年度考核优秀`, dispatch: { doctor: { name: excellent } } }]);
    expect(await w.db.prisma.auditLog.count({ where: { action: "allowance.add_event" } })).toBe(1);
    await refused(() => score("staff", "丙医生", "BUREAU", [10, 10, 10, 10, 10]), "conflict", "assessmentFinal");
    await refused(() => gradeSubjects(w.db.prisma, w.s.staff, { assessmentId, grades: [{ subjectId: subjectOf.get("丙医生")!, grade: "INCOMPETENT" }] }), "conflict", "assessmentFinal");
  });
});

// Raters without an account (seed 003's six parties): 丙医生 served 2025 from 1 July (184 days of 365:
// assessed), scored in 2025 by the six-party scheme; a mentee scores through a link.
describe("raters by link (the six-party scheme)", () => {
  let sixId = "";
  let subjectId = "";
  const NOW = new Date("2025-12-20T02:00:00Z");
  const address = "203.0.113.7";

  beforeAll(async () => {
    sixId = (await openAssessment(w.db.prisma, w.s.staff, { programId: w.demo.programId, year: 2025, schemeId: "scheme_six_party" })).id;
    subjectId = (await w.db.prisma.assessmentSubject.findFirstOrThrow({ where: { assessmentId: sixId, assessed: true } })).id;
  });

  const make = (who: Username, body: Record<string, unknown>) => createRaterLink(w.db.prisma, w.s[who], { subjectId, ...body }, { now: NOW, config: null });
  const five = [25, 20, 12.5, 13, 14];

  it("only the programme's bureau makes links, only for the parties no account scores as; the token is stored only as its SHA-256", async () => {
    for (const who of ["receiver", "nominator", "doctor", "auditor"] as Username[]) await refused(() => make(who, { party: "MENTORED_STAFF", raterName: "张三" }), "forbidden");
    await refused(() => make("wz-admin", { party: "MENTORED_STAFF", raterName: "张三" }), "notFound");
    const notForLinks = await refused(() => make("staff", { party: "SUPPORT_INSTITUTION", raterName: "张三" }), "validation");
    expect(notForLinks.fieldErrors).toEqual({ party: ["partyNotForLinks"] });
    const days = await refused(() => make("staff", { party: "MENTORED_STAFF", raterName: "张三", validDays: 31 }), "validation");
    expect(days.fieldErrors).toEqual({ validDays: ["validDaysOutOfRange"] });
    await refused(() => make("staff", { party: "MENTORED_STAFF", raterName: "张三", email: "not-an-address" }), "validation");
    // The annual default has no such party.
    const annualSubject = subjectOf.get("乙医生")!;
    await refused(() => createRaterLink(w.db.prisma, w.s.staff, { subjectId: annualSubject, party: "MENTORED_STAFF", raterName: "张三" }, { now: NOW, config: null }), "validation", "partyNotInScheme");

    const link = await make("staff", { party: "MENTORED_STAFF", raterName: "张三（受援医生）" });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/rate/${link.token}`);
    expect(link.expiresAt.toISOString()).toBe("2026-01-03T02:00:00.000Z");
    expect(link.emailed).toBe(false);
    const row = await w.db.prisma.raterLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(await w.db.prisma.auditLog.count({ where: { action: "evaluation.rater_link_created", entityId: link.id } })).toBe(1);
  });

  it("the rater sees only that sheet and submits once; a second use, a revoked and an expired link are refused in words, nothing written", async () => {
    const link = await make("staff", { party: "MENTORED_STAFF", raterName: "李四（受援医生）" });
    const form = await raterLinkForm(w.db.prisma, link.token, address, NOW);
    expect(form).toMatchObject({ raterName: "李四（受援医生）", party: "MENTORED_STAFF", doctorName: "丙医生", year: 2025 });
    expect(form.aspects.map((a) => a.maxPoints)).toEqual([30, 25, 15, 15, 15]);
    // Out of range and wrong precision: refused, the link still open.
    const over = await refused(() => scoreByLink(w.db.prisma, link.token, { points: [31, 20, 12, 13, 14] }, address, NOW), "validation", "pointsOutOfRange");
    expect(over.fieldErrors).toEqual({ "points.0": ["pointsOutOfRange"] });
    await refused(() => scoreByLink(w.db.prisma, link.token, { points: [25.25, 20, 12, 13, 14] }, address, NOW), "validation");
    const saved = await scoreByLink(w.db.prisma, link.token, { points: five }, address, NOW);
    expect(saved).toMatchObject({ party: "MENTORED_STAFF", submitted: true, sum: 845 });
    const row = await w.db.prisma.assessmentScore.findFirstOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ byUserId: null, raterLinkId: link.id });
    const log = await w.db.prisma.auditLog.findFirstOrThrow({ where: { action: "evaluation.score_submitted", entityId: subjectId } });
    expect(log.actorId).toBeNull();
    expect(log.after).toMatchObject({ party: "MENTORED_STAFF", rater: "李四（受援医生）" });
    // Used: refused, on the form and on a second submission.
    await refused(() => raterLinkForm(w.db.prisma, link.token, address, NOW), "conflict", "link_used");
    await refused(() => scoreByLink(w.db.prisma, link.token, { points: five }, address, NOW), "conflict", "link_used");
    // The party has submitted: the first link made for 张三 cannot score it again, and no new link is made.
    await refused(() => make("staff", { party: "MENTORED_STAFF", raterName: "王五" }), "conflict", "alreadySubmitted");

    const revocable = await make("staff", { party: "SECONDED_STAFF", raterName: "赵六（支援人员）" });
    await revokeRaterLink(w.db.prisma, w.s.staff, { linkId: revocable.id }, NOW);
    await refused(() => raterLinkForm(w.db.prisma, revocable.token, address, NOW), "conflict", "link_revoked");
    await refused(() => scoreByLink(w.db.prisma, revocable.token, { points: five }, address, NOW), "conflict", "link_revoked");
    await refused(() => revokeRaterLink(w.db.prisma, w.s.staff, { linkId: revocable.id }, NOW), "conflict", "link_revoked");
    await refused(() => revokeRaterLink(w.db.prisma, w.s.receiver, { linkId: revocable.id }, NOW), "forbidden");

    const lapsing = await make("staff", { party: "SECONDED_STAFF", raterName: "钱七（支援人员）", validDays: 1 });
    const later = new Date(NOW.getTime() + 24 * 3600 * 1000);
    await refused(() => raterLinkForm(w.db.prisma, lapsing.token, address, later), "conflict", "link_expired");
    await refused(() => scoreByLink(w.db.prisma, lapsing.token, { points: five }, address, later), "conflict", "link_expired");
    expect((await listRaterLinks(w.db.prisma, w.s.staff, subjectId, later)).map((l) => [l.raterName, l.state])).toEqual([
      ["钱七（支援人员）", "expired"],
      ["赵六（支援人员）", "revoked"],
      ["李四（受援医生）", "used"],
      ["张三（受援医生）", "open"],
    ]);
  });

  it("unknown tokens are counted per address: past 20 guesses in 15 minutes even a real link is refused from there", async () => {
    const link = await make("staff", { party: "SECONDED_STAFF", raterName: "孙八（支援人员）" });
    const guesser = "198.51.100.9";
    for (let i = 0; i < 21; i++) await refused(() => raterLinkForm(w.db.prisma, `${"A".repeat(42)}${i % 10}`, guesser, NOW), "notFound", "link_unknown");
    const throttled = await refusal(raterLinkForm(w.db.prisma, link.token, guesser, NOW));
    expect(throttled).toMatchObject({ code: "conflict", message: "link_tooManyGuesses" });
    // Another address is not affected.
    expect((await raterLinkForm(w.db.prisma, link.token, address, NOW)).raterName).toBe("孙八（支援人员）");
  });

  it("e-mails the link when SMTP is configured, with the absolute address in the body", async () => {
    const sent: { to: string; subject: string; text: string }[] = [];
    const transport = { sendMail: async (m: { to: string; subject: string; text: string }) => void sent.push(m) } as never;
    const link = await createRaterLink(
      w.db.prisma,
      w.s.staff,
      { subjectId, party: "RECEIVING_INSTITUTION", raterName: "周九（受援机构）", email: "zhoujiu@example.org" },
      { now: NOW, config: { url: "smtp://localhost:2525", from: "平台 <noreply@example.org>" }, transport, appUrl: "https://pingtai.example.org" },
    );
    expect(link.emailed).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe("zhoujiu@example.org");
    expect(sent[0]!.subject).toContain("丙医生");
    expect(sent[0]!.text).toContain(`https://pingtai.example.org/rate/${link.token}`);
    expect((await w.db.prisma.raterLink.findUniqueOrThrow({ where: { id: link.id } })).emailedAt).not.toBeNull();
  });
});
