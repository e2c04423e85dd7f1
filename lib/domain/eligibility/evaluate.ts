// The eligibility engine: a rule tree (lib/schemas/eligibility.ts) evaluated against a doctor's facts,
// with three-valued logic so that missing data gives UNKNOWN ("待核实"), never a pass.
import type { RuleNode } from "@/lib/schemas/eligibility";
import { evaluateLeaf } from "./leaves";
import type { DoctorFacts, Evaluation, LeafResult, NodeResult, Verdict } from "./types";

/** ALL: INELIGIBLE if any child is, else UNKNOWN if any is, else ELIGIBLE. */
export function all(verdicts: Verdict[]): Verdict {
  if (verdicts.includes("INELIGIBLE")) return "INELIGIBLE";
  if (verdicts.includes("UNKNOWN")) return "UNKNOWN";
  return "ELIGIBLE";
}

/** ANY: ELIGIBLE if any child is, else UNKNOWN if any is, else INELIGIBLE. */
export function any(verdicts: Verdict[]): Verdict {
  if (verdicts.includes("ELIGIBLE")) return "ELIGIBLE";
  if (verdicts.includes("UNKNOWN")) return "UNKNOWN";
  return "INELIGIBLE";
}

/** NOT swaps ELIGIBLE and INELIGIBLE and keeps UNKNOWN. */
export function not(verdict: Verdict): Verdict {
  return verdict === "ELIGIBLE" ? "INELIGIBLE" : verdict === "INELIGIBLE" ? "ELIGIBLE" : "UNKNOWN";
}

function evaluateNode(node: RuleNode, facts: DoctorFacts): NodeResult {
  switch (node.op) {
    case "leaf": {
      const { verdict, explanation } = evaluateLeaf(node, facts);
      return { op: "leaf", kind: node.kind, verdict, children: [], explanation };
    }
    case "NOT": {
      const child = evaluateNode(node.child, facts);
      return { op: "NOT", verdict: not(child.verdict), children: [child] };
    }
    case "ALL":
    case "ANY": {
      const children = node.children.map((c) => evaluateNode(c, facts));
      const verdicts = children.map((c) => c.verdict);
      return { op: node.op, verdict: node.op === "ALL" ? all(verdicts) : any(verdicts), children };
    }
  }
}

export function evaluateRule(tree: RuleNode, facts: DoctorFacts): Evaluation {
  const root = evaluateNode(tree, facts);
  return { verdict: root.verdict, root };
}

/** Several rules that must all pass (a programme's rules and a post's): their verdicts combined by ALL. */
export function evaluateRules(trees: RuleNode[], facts: DoctorFacts): { verdict: Verdict; evaluations: Evaluation[] } {
  const evaluations = trees.map((t) => evaluateRule(t, facts));
  return { verdict: all(evaluations.map((e) => e.verdict)), evaluations };
}

/**
 * The leaves that make `node` come out as `target`: for INELIGIBLE the failing conditions, for
 * UNKNOWN what is missing. Under NOT the child is asked for the opposite verdict.
 */
export function leavesBehind(node: NodeResult, target: Verdict = node.verdict): LeafResult[] {
  if (node.verdict !== target) return [];
  if (node.op === "leaf") return [node];
  if (node.op === "NOT") return leavesBehind(node.children[0], not(target));
  return node.children.flatMap((c) => leavesBehind(c, target));
}

/** The reasons to show beside an overall verdict: failing leaves if INELIGIBLE, missing ones if UNKNOWN. */
export function reasonsFor(evaluations: Evaluation[], verdict: Verdict): LeafResult[] {
  if (verdict === "ELIGIBLE") return [];
  return evaluations.flatMap((e) => leavesBehind(e.root, verdict));
}

/**
 * The same reasons grouped for reading: each group is one condition that is not met; a group of
 * several is a choice (an ANY), any one of which would have done. ALL lists its children's groups.
 */
export function reasonGroups(node: NodeResult, target: Verdict = node.verdict): LeafResult[][] {
  if (node.verdict !== target) return [];
  if (node.op === "leaf") return [[node]];
  if (node.op === "NOT") return reasonGroups(node.children[0], not(target));
  const groups = node.children.flatMap((c) => reasonGroups(c, target));
  return node.op === "ANY" && groups.length > 1 ? [groups.flat()] : groups;
}

/**
 * reasonGroups over several rules that must all pass. Two rules that fail on the same condition
 * (a programme-wide and a post rule both asking for 大专) give one reason, not the same one twice.
 */
export function reasonGroupsFor(evaluations: Evaluation[], verdict: Verdict): LeafResult[][] {
  if (verdict === "ELIGIBLE") return [];
  const seen = new Set<string>();
  return evaluations
    .flatMap((e) => reasonGroups(e.root, verdict))
    .filter((group) => {
      const key = JSON.stringify(group.map((leaf) => leaf.explanation));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
