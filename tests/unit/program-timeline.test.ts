import { describe, expect, it } from "vitest";
import { calendarDate, fromShanghaiWallClock, shiftDateOneYear, shiftInstantOneYear, timelineProblems, toShanghaiWallClock } from "@/lib/domain/program-timeline";
import { timelineSchema } from "@/lib/schemas/programs";

const at = (s: string) => fromShanghaiWallClock(s)!;

describe("Asia/Shanghai wall-clock times", () => {
  it("nominations close 2013-11-11 12:00 Beijing time = 04:00 UTC, whatever the server's zone", () => {
    expect(at("2013-11-11 12:00").toISOString()).toBe("2013-11-11T04:00:00.000Z");
    expect(at("2013-11-11T12:00").toISOString()).toBe("2013-11-11T04:00:00.000Z");
    expect(at("2013-11-11 00:00").toISOString()).toBe("2013-11-10T16:00:00.000Z");
    expect(toShanghaiWallClock(new Date("2013-11-11T04:00:00Z"))).toBe("2013-11-11T12:00");
    expect(toShanghaiWallClock(new Date("2013-12-31T16:00:00Z"))).toBe("2014-01-01T00:00");
  });
  it("refuses what is not a real date and time", () => {
    for (const bad of ["2013-02-29 10:00", "2013-11-31 10:00", "2013-11-11 24:00", "2013-11-11 12:60", "2013-11-11", "<script>", ""]) expect(fromShanghaiWallClock(bad)).toBeNull();
    expect(fromShanghaiWallClock("2024-02-29 10:00")).not.toBeNull();
    expect(calendarDate("2013-12-31")!.toISOString()).toBe("2013-12-31T00:00:00.000Z");
    expect(calendarDate("2013-02-29")).toBeNull();
  });
});

describe("timeline checks", () => {
  it("a stage closes after it opens (equal is refused)", () => {
    expect(timelineProblems([{ kind: "REGISTRATION", opensAt: at("2013-11-08 00:00"), closesAt: at("2013-11-08 00:00") }])).toEqual([{ index: 0, field: "closesAt", code: "closesBeforeOpens" }]);
    expect(timelineProblems([{ kind: "REGISTRATION", opensAt: at("2013-11-08 00:00"), closesAt: at("2013-11-08 00:01") }])).toEqual([]);
  });
  it("stages may overlap but not open before the previous one opens; no kind twice", () => {
    const base = { kind: "REGISTRATION" as const, opensAt: at("2013-11-08 00:00"), closesAt: at("2013-11-11 12:00") };
    expect(timelineProblems([base, { kind: "PRELIMINARY_REVIEW", opensAt: at("2013-11-08 00:00"), closesAt: at("2013-11-12 00:00") }])).toEqual([]);
    expect(timelineProblems([base, { kind: "PRELIMINARY_REVIEW", opensAt: at("2013-11-07 23:59"), closesAt: at("2013-11-12 00:00") }])).toEqual([{ index: 1, field: "opensAt", code: "opensBeforePrevious" }]);
    expect(timelineProblems([base, { ...base }])).toEqual([{ index: 1, field: "kind", code: "duplicateStage" }]);
  });
  it("the schema reports problems on the row and field, and converts wall-clock to UTC", () => {
    const bad = timelineSchema.safeParse({
      id: "p1",
      stages: [
        { kind: "REGISTRATION", opensAt: "2013-11-08T00:00", closesAt: "2013-11-11T12:00", ratio: "" },
        { kind: "PHYSICAL_EXAM", opensAt: "2013-11-12T00:00", closesAt: "2013-11-11T00:00", ratio: "" },
      ],
      cutoffs: [{ code: "AGE", label: "年龄", date: "2013-12-31" }, { code: "AGE", label: "again", date: "2013-12-31" }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["stages.1.closesAt", "closesBeforeOpens"], ["cutoffs.1.code", "duplicateCode"]]);
    const good = timelineSchema.parse({ id: "p1", stages: [{ kind: "REGISTRATION", opensAt: "2013-11-08T00:00", closesAt: "2013-11-11T12:00", ratio: 3 }], cutoffs: [] });
    expect(good.stages[0]!.closesAt.toISOString()).toBe("2013-11-11T04:00:00.000Z");
    expect(good.stages[0]!.ratio).toBe(3);
  });
});

describe("one year later", () => {
  it("keeps the wall-clock time and turns 29 February into 28 February", () => {
    expect(shiftInstantOneYear(at("2013-11-11 12:00")).toISOString()).toBe(at("2014-11-11 12:00").toISOString());
    expect(shiftInstantOneYear(at("2023-12-31 23:30")).toISOString()).toBe(at("2024-12-31 23:30").toISOString());
    expect(shiftDateOneYear(calendarDate("2024-02-29")!).toISOString().slice(0, 10)).toBe("2025-02-28");
    expect(shiftInstantOneYear(at("2024-02-29 08:00")).toISOString()).toBe(at("2025-02-28 08:00").toISOString());
  });
});
