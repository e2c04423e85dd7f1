import { describe, expect, it } from "vitest";
import { ruleTreeSchema, type RuleNode } from "@/lib/schemas/eligibility";
import { PROGRAMS } from "@/prisma/seed/programs";

describe("eligibility rule schema", () => {
  it("accepts every rule of the demo programmes", () => {
    const trees = PROGRAMS.flatMap((p) => [...p.programRules.map((r) => r.tree), ...p.posts.map((post) => post.rule?.tree)]).filter(Boolean);
    expect(trees.length).toBeGreaterThan(5);
    for (const tree of trees) expect(ruleTreeSchema.safeParse(tree).error).toBeUndefined();
  });
  it("refuses unknown leaves, impossible dates and bad enum values", () => {
    expect(ruleTreeSchema.safeParse({ op: "leaf", kind: "shoeSize", size: 42 }).success).toBe(false);
    expect(ruleTreeSchema.safeParse({ op: "leaf", kind: "ageAtMost", years: 55, on: "2013-02-30" }).success).toBe(false);
    expect(ruleTreeSchema.safeParse({ op: "leaf", kind: "educationAtLeast", level: "KINDERGARTEN" }).success).toBe(false);
    expect(ruleTreeSchema.safeParse({ op: "ALL", children: [] }).success).toBe(false);
  });
  it("refuses trees deeper than the limit", () => {
    let tree: RuleNode = { op: "leaf", kind: "hasGrassrootsService", value: true };
    for (let i = 0; i < 10; i++) tree = { op: "NOT", child: tree };
    expect(ruleTreeSchema.safeParse(tree).error?.issues[0]?.message).toBe("ruleTooDeep");
  });
});
