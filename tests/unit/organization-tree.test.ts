import { describe, expect, it } from "vitest";
import { breadcrumbIds, isHospitalKind, moveProblem, parentProblem } from "@/lib/domain/organization-tree";
import { organizationSchema } from "@/lib/schemas/organizations";

const bureau = (level: "PROVINCE" | "CITY" | "COUNTY" | "TOWNSHIP", isActive = true) => ({ kind: "BUREAU" as const, level, isActive });

describe("moveProblem: the tree stays a tree", () => {
  // city ─┬─ county ── hospital
  //       └─ other
  const subtreeOfCounty = ["county", "hospital"];
  it.each([
    ["county", "county", "moveUnderItself"],
    ["county", "hospital", "moveUnderDescendant"],
    ["county", "other", null],
    ["county", "city", null],
  ] as const)("moving %s under %s → %s", (node, parent, expected) => {
    expect(moveProblem(node, parent, subtreeOfCounty)).toBe(expected);
  });
});

describe("parentProblem: who may hold whom", () => {
  it.each([
    // a county bureau under a city bureau; a city bureau under a county one is upside down
    [{ kind: "BUREAU", level: "COUNTY" }, bureau("CITY"), null],
    [{ kind: "BUREAU", level: "CITY" }, bureau("COUNTY"), "parentLevel"],
    [{ kind: "BUREAU", level: "COUNTY" }, bureau("COUNTY"), "parentLevel"],
    // hospitals at their bureau's level or below
    [{ kind: "HOSPITAL", level: "CITY" }, bureau("CITY"), null],
    [{ kind: "HOSPITAL", level: "COUNTY" }, bureau("CITY"), null],
    [{ kind: "HOSPITAL", level: "CITY" }, bureau("COUNTY"), "parentLevel"],
    [{ kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP" }, bureau("COUNTY"), null],
    // only a bureau holds organisations
    [{ kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP" }, { kind: "HOSPITAL", level: "COUNTY", isActive: true }, "parentNotBureau"],
    // a deactivated bureau takes no new children
    [{ kind: "HOSPITAL", level: "COUNTY" }, bureau("COUNTY", false), "parentInactive"],
  ] as const)("%o under %o → %s", (child, parent, expected) => {
    expect(parentProblem(child, parent)).toBe(expected);
  });
});

describe("breadcrumbIds", () => {
  it("keeps the visible top of the chain, top first, and stops at the first invisible ancestor", () => {
    expect(breadcrumbIds(["hospital", "county", "city", "province"], ["city", "county", "hospital"])).toEqual(["city", "county", "hospital"]);
    expect(breadcrumbIds(["hospital", "county", "city"], ["county", "hospital"])).toEqual(["county", "hospital"]);
    expect(breadcrumbIds(["x"], [])).toEqual([]);
  });
});

describe("organizationSchema (shared by the form and the server)", () => {
  const valid = { name: "绍兴市第二医院", code: "", kind: "HOSPITAL", level: "CITY", grade: "GRADE_3A", region: "浙江省绍兴市", parentId: "c1" };
  const issues = (input: object) =>
    organizationSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

  it("accepts a hospital with a grade and turns empty choices into null", () => {
    const parsed = organizationSchema.parse({ ...valid, name: "  绍兴市第二医院 " });
    expect(parsed).toMatchObject({ name: "绍兴市第二医院", code: null, grade: "GRADE_3A" });
    expect(organizationSchema.parse({ ...valid, grade: "" }).grade).toBeNull();
  });
  it("refuses a grade on anything but a hospital", () => {
    expect(isHospitalKind("RECEIVING_HOSPITAL")).toBe(true);
    expect(isHospitalKind("BUREAU")).toBe(false);
    expect(issues({ ...valid, kind: "BUREAU" })).toEqual([["grade", "gradeOnlyForHospitals"]]);
    expect(issues({ ...valid, kind: "BUREAU", grade: "" })).toEqual([]);
  });
  it("names the field for bad input, with catalogue keys", () => {
    expect(issues({ ...valid, name: " " })).toEqual([["name", "nameRequired"]]);
    expect(issues({ ...valid, name: "x".repeat(101) })).toEqual([["name", "tooLong"]]);
    expect(issues({ ...valid, code: "<script>" })).toEqual([["code", "codeFormat"]]);
    expect(issues({ ...valid, kind: "PALACE" })).toEqual([["kind", "kindRequired"]]);
    expect(issues({ ...valid, parentId: "" })).toEqual([["parentId", "parentRequired"]]);
    expect(issues({ ...valid, region: 42 })).toEqual([["region", "invalid"]]);
  });
  it("lets the parent be left out (editing one's own organisation)", () => {
    expect(issues({ ...valid, parentId: undefined })).toEqual([]);
  });
});
