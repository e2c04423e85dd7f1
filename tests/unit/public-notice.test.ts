import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  canonicalListJson,
  confirmRefusal,
  firstWorkingDayFrom,
  isWorkingDay,
  listChanges,
  noticeWindow,
  objectionRefusal,
  windowPhase,
  workingDaysBetween,
  type ConfirmFacts,
  type ListContent,
} from "@/lib/domain/public-notice";

// 2026-12-07 is a Monday; 2026-12-31 a Thursday; 2028-02-29 a Tuesday.
describe("working days (Monday to Friday, Beijing calendar)", () => {
  it.each([
    ["2026-12-05", false], // Saturday
    ["2026-12-06", false], // Sunday
    ["2026-12-07", true],
    ["2026-12-11", true], // Friday
  ])("%s is a working day: %s", (day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  it("a weekend start moves to Monday", () => {
    expect(firstWorkingDayFrom("2026-12-05")).toBe("2026-12-07");
    expect(firstWorkingDayFrom("2026-12-07")).toBe("2026-12-07");
  });

  it.each([
    ["2026-12-07", 5, "2026-12-07", "2026-12-11"], // Monday → Friday
    ["2026-12-10", 5, "2026-12-10", "2026-12-16"], // Thursday → next Wednesday
    ["2026-12-12", 5, "2026-12-14", "2026-12-18"], // Saturday: starts Monday
    ["2026-12-31", 5, "2026-12-31", "2027-01-06"], // over the new year
    ["2028-02-28", 3, "2028-02-28", "2028-03-01"], // over 29 February
    ["2026-12-11", 1, "2026-12-11", "2026-12-11"], // one day: the day itself
    ["2026-12-07", 10, "2026-12-07", "2026-12-18"],
  ])("from %s, %i working days: %s – %s", (start, n, from, to) => {
    const w = noticeWindow(start, n);
    expect(w).toEqual({ startDate: from, endDate: to, workingDays: n });
    expect(workingDaysBetween(w.startDate, w.endDate)).toBe(n);
  });

  it("refuses a window of no days", () => {
    expect(() => noticeWindow("2026-12-07", 0)).toThrow(RangeError);
    expect(() => noticeWindow("2026-12-07", 2.5)).toThrow(RangeError);
  });

  it("the phase: the day before, the first, the last, the day after", () => {
    const w = noticeWindow("2026-12-07", 5);
    expect(windowPhase(w, "2026-12-06")).toBe("notStarted");
    expect(windowPhase(w, "2026-12-07")).toBe("open");
    expect(windowPhase(w, "2026-12-11")).toBe("open");
    expect(windowPhase(w, "2026-12-12")).toBe("closed");
  });
});

describe("objections", () => {
  const w = noticeWindow("2026-12-07", 5);
  it("only on the days of the window, on a name of the notice", () => {
    expect(objectionRefusal(w, "2026-12-06", true)).toBe("noticeNotStarted");
    expect(objectionRefusal(w, "2026-12-07", true)).toBeNull();
    expect(objectionRefusal(w, "2026-12-11", true)).toBeNull();
    expect(objectionRefusal(w, "2026-12-12", true)).toBe("noticeWindowClosed");
    expect(objectionRefusal(w, "2026-12-08", false)).toBe("notOnNotice");
  });
});

describe("confirming the list", () => {
  const base: ConfirmFacts = { window: noticeWindow("2026-12-07", 5), today: "2026-12-14", openObjections: 0, currentVersion: 0, noticed: ["a", "b"], approved: ["a"], isChanged: true, reason: null };
  it("after the window closes, with every objection answered", () => {
    expect(confirmRefusal(base)).toBeNull();
    expect(confirmRefusal({ ...base, today: "2026-12-11" })).toEqual({ refusal: "noticeWindowOpen" });
    expect(confirmRefusal({ ...base, today: "2026-12-12" })).toBeNull();
    expect(confirmRefusal({ ...base, openObjections: 1 })).toEqual({ refusal: "openObjections" });
    expect(confirmRefusal({ ...base, window: null })).toEqual({ refusal: "noNotice" });
  });
  it("the first version holds only names the notice listed (withdrawn ones may drop out)", () => {
    expect(confirmRefusal({ ...base, approved: ["a", "c"] })).toEqual({ refusal: "approvedAfterNotice", names: ["c"] });
  });
  it("a later version only for a changed list, with its reason", () => {
    const later = { ...base, currentVersion: 1, approved: ["a", "c"] };
    expect(confirmRefusal({ ...later, isChanged: false, reason: "递补" })).toEqual({ refusal: "listUnchanged" });
    expect(confirmRefusal({ ...later, reason: "  " })).toEqual({ refusal: "reasonRequired" });
    expect(confirmRefusal({ ...later, reason: "递补" })).toBeNull();
  });
});

describe("the canonical content and its hash", () => {
  const list: ListContent = {
    program: "绍兴市第八批援疆医生选派",
    rotationBatch: 1,
    entries: [
      { post: "眼科医生", receivingUnit: "阿瓦提县人民医院", doctor: "王芳", idNumber: "33060219800505123x", approvedOn: "2013-12-20" },
      { post: "副院长", receivingUnit: "阿瓦提县人民医院", doctor: "李强", idNumber: "330602197501011234", approvedOn: "2013-12-20" },
    ],
  };
  const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

  it("is the same bytes whatever the order of entries or keys, spaces or case of the X", () => {
    const shuffled: ListContent = {
      rotationBatch: 1,
      entries: [{ approvedOn: "2013-12-20", idNumber: "330602197501011234", doctor: "李强 ", receivingUnit: "阿瓦提县人民医院", post: "副院长" }, { ...list.entries[0]!, idNumber: "33060219800505123X" }],
      program: " 绍兴市第八批援疆医生选派",
    } as ListContent;
    expect(canonicalListJson(shuffled)).toBe(canonicalListJson(list));
    expect(sha(canonicalListJson(shuffled))).toBe(sha(canonicalListJson(list)));
  });

  it("is stable JSON: fixed keys, entries sorted by post (code points), no spaces", () => {
    const text = canonicalListJson(list);
    expect(text).toBe(
      '{"program":"绍兴市第八批援疆医生选派","rotationBatch":1,"entries":[' +
        '{"post":"副院长","receivingUnit":"阿瓦提县人民医院","doctor":"李强","idNumber":"330602197501011234","approvedOn":"2013-12-20"},' +
        '{"post":"眼科医生","receivingUnit":"阿瓦提县人民医院","doctor":"王芳","idNumber":"33060219800505123X","approvedOn":"2013-12-20"}]}',
    );
    expect(JSON.parse(text)).toMatchObject({ rotationBatch: 1 });
  });

  it.each([
    ["a name", { doctor: "王芳芳" }],
    ["an ID number", { idNumber: "330602198005051220" }],
    ["a post", { post: "眼科医师" }],
    ["a receiving unit", { receivingUnit: "柯坪县人民医院" }],
    ["a date", { approvedOn: "2013-12-21" }],
  ])("changes with %s", (_, change) => {
    const changed = { ...list, entries: [{ ...list.entries[0]!, ...change }, list.entries[1]!] };
    expect(sha(canonicalListJson(changed))).not.toBe(sha(canonicalListJson(list)));
  });

  it("changes when a name is removed, or the batch differs", () => {
    expect(canonicalListJson({ ...list, entries: [list.entries[0]!] })).not.toBe(canonicalListJson(list));
    expect(canonicalListJson({ ...list, rotationBatch: 2 })).not.toBe(canonicalListJson(list));
  });

  it("tells what changed in words", () => {
    expect(listChanges(list.entries, [list.entries[1]!])).toEqual({ added: [], removed: ["王芳（眼科医生）"] });
    expect(listChanges([list.entries[1]!], list.entries)).toEqual({ added: ["王芳（眼科医生）"], removed: [] });
  });
});
