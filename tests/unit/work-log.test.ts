import { describe, expect, it } from "vitest";
import { MAX_LOG_DAYS, WORK_LOG_BOUNDS, mondayOf, periodProblem, suggestedPeriod } from "@/lib/domain/work-log";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { confirmWorkLogsSchema, createMentoringPairSchema, fileWorkLogSchema, returnWorkLogSchema } from "@/lib/schemas/work-logs";

// Work logs: the period rules (a day or a week, inside the dispatch, not after today, no overlap)
// at their boundaries, and the plausibility bounds of the counts as the form and the API see them.

const dispatch = { first: "2026-02-15", last: "2027-08-14" };
const today = "2026-12-03";

describe("periodProblem", () => {
  it.each([
    ["a single day", "2026-12-01", "2026-12-01", null],
    ["seven days (a week, both ends included)", "2026-11-23", "2026-11-29", null],
    ["eight days", "2026-11-23", "2026-11-30", "tooLong"],
    ["an end before the start", "2026-12-02", "2026-12-01", "endBeforeStart"],
    ["the dispatch's first day", "2026-02-15", "2026-02-15", null],
    ["the day before the dispatch", "2026-02-14", "2026-02-15", "beforeDispatch"],
    ["today", "2026-12-03", "2026-12-03", null],
    ["tomorrow", "2026-12-03", "2026-12-04", "inFuture"],
  ] as const)("%s", (_label, first, last, expected) => {
    expect(periodProblem({ first, last }, dispatch, today)).toBe(expected);
  });

  it("refuses days after the dispatch's (current) last day, accepts the last day itself", () => {
    const ended = { first: "2025-02-15", last: "2026-08-14" };
    expect(periodProblem({ first: "2026-08-14", last: "2026-08-14" }, ended, today)).toBeNull();
    expect(periodProblem({ first: "2026-08-14", last: "2026-08-15" }, ended, today)).toBe("afterDispatch");
  });

  it("refuses an overlap with another log by a single day, accepts the day after", () => {
    const others = [{ first: "2026-11-23", last: "2026-11-29" }];
    expect(periodProblem({ first: "2026-11-29", last: "2026-12-01" }, dispatch, today, others)).toBe("overlaps");
    expect(periodProblem({ first: "2026-11-20", last: "2026-11-23" }, dispatch, today, others)).toBe("overlaps");
    expect(periodProblem({ first: "2026-11-30", last: "2026-12-01" }, dispatch, today, others)).toBeNull();
  });

  it("a week across a month end and across 29 February", () => {
    const leap = { first: "2028-01-01", last: "2028-12-31" };
    expect(periodProblem({ first: "2028-02-26", last: "2028-03-03" }, leap, "2028-06-01")).toBeNull();
    expect(periodProblem({ first: "2028-02-26", last: "2028-03-04" }, leap, "2028-06-01")).toBe("tooLong");
    expect(MAX_LOG_DAYS).toBe(7);
  });
});

describe("the week of a day and the suggested period", () => {
  it("weeks run Monday to Sunday", () => {
    expect(mondayOf("2026-12-03")).toBe("2026-11-30"); // Thursday
    expect(mondayOf("2026-11-30")).toBe("2026-11-30"); // Monday
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // Sunday
    expect(mondayOf("2027-01-01")).toBe("2026-12-28"); // across the year
  });
  it("Monday to today, after the days already logged, inside the dispatch", () => {
    expect(suggestedPeriod(today, dispatch)).toEqual({ first: "2026-11-30", last: "2026-12-03" });
    expect(suggestedPeriod(today, dispatch, [{ first: "2026-11-30", last: "2026-12-01" }])).toEqual({ first: "2026-12-02", last: "2026-12-03" });
    expect(suggestedPeriod(today, dispatch, [{ first: "2026-11-30", last: "2026-12-03" }])).toBeNull();
    expect(suggestedPeriod(today, { first: "2026-12-02", last: "2027-12-01" })).toEqual({ first: "2026-12-02", last: "2026-12-03" });
    expect(suggestedPeriod(today, { first: "2026-12-10", last: "2027-12-09" })).toBeNull();
  });
  it("the Shanghai day turns at 16:00 UTC", () => {
    expect(shanghaiDay(new Date("2026-12-02T15:59:59Z"))).toBe("2026-12-02");
    expect(shanghaiDay(new Date("2026-12-02T16:00:00Z"))).toBe("2026-12-03");
  });
});

const log = (over: Record<string, unknown> = {}) => ({ dispatchId: "d1", periodStart: "2026-11-30", periodEnd: "2026-12-03", ...over });
const issuesOf = (over: Record<string, unknown>) => {
  const result = fileWorkLogSchema.safeParse(log(over));
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("the counts' bounds", () => {
  it("empty counts are 0; counts are numbers, not text or booleans (the form converts what is typed)", () => {
    const parsed = fileWorkLogSchema.parse(log({ outpatients: "", operations: 12 }));
    expect(parsed).toMatchObject({ outpatients: 0, operations: 12, caseDiscussions: 0, donatedMedicineYuan: 0, teaching: {}, newTechniques: [] });
    expect(issuesOf({ operations: "12" })).toEqual(["operations:countInvalid"]);
    expect(issuesOf({ operations: true })).toEqual(["operations:countInvalid"]);
  });
  it.each(Object.entries(WORK_LOG_BOUNDS).filter(([k]) => k !== "donatedMedicineFen"))("%s: the bound itself passes, one more is refused", (field, max) => {
    expect(issuesOf({ [field]: max })).toEqual([]);
    expect(issuesOf({ [field]: max + 1 })).toEqual([`${field}:countTooHigh`]);
  });
  it("10 000 operations in a day, negative and fractional counts are refused in words", () => {
    expect(issuesOf({ operations: 10_000 })).toEqual(["operations:countTooHigh"]);
    expect(issuesOf({ outpatients: -1 })).toEqual(["outpatients:countNegative"]);
    expect(issuesOf({ lectures: 1.5 })).toEqual(["lectures:countInvalid"]);
    expect(issuesOf({ lectures: "many" })).toEqual(["lectures:countInvalid"]);
  });
  it("teaching actions by type: seed 003's types only, whole counts, zero dropped", () => {
    expect(fileWorkLogSchema.parse(log({ teaching: { MENTORING: 2, REMOTE_TEACHING: 0, TEAM_SUPPORT: 1 } })).teaching).toEqual({ MENTORING: 2, TEAM_SUPPORT: 1 });
    expect(issuesOf({ teaching: { HYPNOSIS: 1 } })).not.toEqual([]);
    expect(issuesOf({ teaching: { MENTORING: "2" } })).toEqual(["teaching.MENTORING:countInvalid"]);
    expect(issuesOf({ teaching: { MENTORING: 101 } })).toEqual(["teaching.MENTORING:countTooHigh"]);
  });
  it("new techniques: named, blanks and repeats dropped, at most 20", () => {
    expect(fileWorkLogSchema.parse(log({ newTechniques: [" 腹腔镜胆囊切除术 ", "", "腹腔镜胆囊切除术"] })).newTechniques).toEqual(["腹腔镜胆囊切除术"]);
    expect(issuesOf({ newTechniques: Array.from({ length: 21 }, (_, i) => `技术${i}`) })).toEqual(["newTechniques:tooManyTechniques"]);
  });
  it("NUL bytes and huge text are refused", () => {
    expect(issuesOf({ otherWork: "a\u0000b" })).toEqual(["otherWork:invalid"]);
    expect(issuesOf({ otherWork: "字".repeat(2001) })).toEqual(["otherWork:tooLong"]);
  });
});

describe("donated medicine: yuan at the edge, integer fen stored", () => {
  it.each([
    ["6000", 600_000],
    ["6000.5", 600_050],
    ["6000.05", 600_005],
    ["0.01", 1],
    [" 12 ", 1200],
  ])("%s yuan → %i fen", (yuan, fen) => {
    expect(fileWorkLogSchema.parse(log({ donatedMedicineYuan: yuan })).donatedMedicineYuan).toBe(fen);
  });
  it("refuses three decimals, negatives, words and more than 10 million yuan", () => {
    for (const bad of ["1.234", "-5", "六千", "1e5"]) expect(issuesOf({ donatedMedicineYuan: bad })).toEqual(["donatedMedicineYuan:yuanInvalid"]);
    expect(issuesOf({ donatedMedicineYuan: "10000000" })).toEqual([]);
    expect(issuesOf({ donatedMedicineYuan: "10000000.01" })).toEqual(["donatedMedicineYuan:yuanTooHigh"]);
  });
  it("reads what money.ts reads: separators and the yuan sign, never a negative", () => {
    expect(fileWorkLogSchema.parse(log({ donatedMedicineYuan: "¥6,000.50" })).donatedMedicineYuan).toBe(600_050);
    expect(issuesOf({ donatedMedicineYuan: "-0.01" })).toEqual(["donatedMedicineYuan:yuanInvalid"]);
  });
});

describe("review and mentoring inputs", () => {
  it("a return needs a comment; a confirmation a selection of at most 200", () => {
    expect(returnWorkLogSchema.safeParse({ workLogId: "w", version: 1, comment: " " }).success).toBe(false);
    expect(confirmWorkLogsSchema.safeParse({ logs: [] }).success).toBe(false);
    expect(confirmWorkLogsSchema.safeParse({ logs: Array.from({ length: 201 }, (_, i) => ({ workLogId: `w${i}`, version: 1 })) }).success).toBe(false);
    expect(confirmWorkLogsSchema.safeParse({ logs: [{ workLogId: "w", version: 0 }] }).success).toBe(false);
  });
  it("a pair's end may not come before its start", () => {
    const pair = { dispatchId: "d", menteeName: "李青", goals: "通过执业医师考试", startDate: "2026-03-01" };
    expect(createMentoringPairSchema.safeParse({ ...pair, endDate: "2026-02-28" }).error?.issues[0]).toMatchObject({ path: ["endDate"], message: "endBeforeStart" });
    expect(createMentoringPairSchema.parse({ ...pair, endDate: "" })).toMatchObject({ endDate: null, outcome: "IN_PROGRESS", menteeTitle: null });
  });
});
