import { z } from "zod";

// The eligibility rule tree (DOMAIN.md "Eligibility rules"): ALL / ANY / NOT over leaf conditions,
// each evaluated against a doctor's record as of a cut-off date. Stored as JSON in
// EligibilityRule.tree; this one schema is shared by the rule builder, the API and the engine.
// Enum values are the Prisma enums' (lib/generated/prisma/enums), repeated here as literals so that
// this module stays importable in the browser.

export const educationLevels = ["TECHNICAL_SECONDARY", "JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTORATE"] as const;
export const titleLevels = ["JUNIOR", "INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR"] as const;
export const positionRanks = ["STAFF", "ATTENDING_LEAD", "DEPUTY_DEPARTMENT_HEAD", "DEPARTMENT_HEAD", "VICE_PRESIDENT", "PRESIDENT"] as const;
export const organizationLevels = ["PROVINCE", "CITY", "COUNTY", "TOWNSHIP"] as const;
export const practisingCategories = ["CLINICAL", "TCM", "DENTAL", "PUBLIC_HEALTH"] as const;

/** A calendar date as written in the rules: YYYY-MM-DD, and a real day (no 2013-02-30). */
export const calendarDate = z.iso.date();

const specialty = z.string().trim().min(1).max(50);
const years = z.number().int().min(0).max(80);

export const ruleLeafSchema = z.discriminatedUnion("kind", [
  z.object({ op: z.literal("leaf"), kind: z.literal("ageAtMost"), years, on: calendarDate }),
  z.object({ op: z.literal("leaf"), kind: z.literal("educationAtLeast"), level: z.enum(educationLevels) }),
  z.object({ op: z.literal("leaf"), kind: z.literal("titleAtLeast"), level: z.enum(titleLevels), specialty: specialty.optional() }),
  z.object({ op: z.literal("leaf"), kind: z.literal("titleHeldYears"), level: z.enum(titleLevels), specialty: specialty.optional(), years, on: calendarDate }),
  z.object({ op: z.literal("leaf"), kind: z.literal("positionAtLeast"), rank: z.enum(positionRanks), orgLevel: z.enum(organizationLevels).optional() }),
  z.object({ op: z.literal("leaf"), kind: z.literal("specialtyIn"), values: z.array(specialty).min(1).max(50) }),
  z.object({ op: z.literal("leaf"), kind: z.literal("practisingCategoryIn"), values: z.array(z.enum(practisingCategories)).min(1) }),
  z.object({ op: z.literal("leaf"), kind: z.literal("hasGrassrootsService"), value: z.boolean() }),
  z.object({ op: z.literal("leaf"), kind: z.literal("hiredWithinYears"), years, on: calendarDate }),
  z.object({ op: z.literal("leaf"), kind: z.literal("attested"), condition: z.string().trim().min(1).max(200) }),
]);

export type RuleLeaf = z.infer<typeof ruleLeafSchema>;
export type RuleLeafKind = RuleLeaf["kind"];
export type RuleNode = { op: "ALL" | "ANY"; children: RuleNode[] } | { op: "NOT"; child: RuleNode } | RuleLeaf;

/** Depth and size limits keep a hostile or mistaken tree from costing anything to store or evaluate. */
export const MAX_RULE_DEPTH = 8;
export const MAX_RULE_NODES = 200;

export const ruleNodeSchema: z.ZodType<RuleNode> = z.lazy(() =>
  z.union([
    z.object({ op: z.enum(["ALL", "ANY"]), children: z.array(ruleNodeSchema).min(1).max(50) }),
    z.object({ op: z.literal("NOT"), child: ruleNodeSchema }),
    ruleLeafSchema,
  ]),
);

function measure(node: RuleNode, depth = 1): { depth: number; nodes: number } {
  if (node.op === "leaf") return { depth, nodes: 1 };
  const children = node.op === "NOT" ? [node.child] : node.children;
  return children.map((c) => measure(c, depth + 1)).reduce((acc, m) => ({ depth: Math.max(acc.depth, m.depth), nodes: acc.nodes + m.nodes }), { depth, nodes: 1 });
}

/** The schema to parse a stored or submitted tree with: shape, then size. */
export const ruleTreeSchema = ruleNodeSchema.superRefine((tree, ctx) => {
  const { depth, nodes } = measure(tree);
  if (depth > MAX_RULE_DEPTH) ctx.addIssue({ code: "custom", message: "ruleTooDeep" });
  if (nodes > MAX_RULE_NODES) ctx.addIssue({ code: "custom", message: "ruleTooLarge" });
});
