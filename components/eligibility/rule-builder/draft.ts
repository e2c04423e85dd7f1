// The rule builder's working copy of a rule tree: every node carries an id (for React keys, focus
// and error placement); groups keep their children in a list whatever their operator, and become
// { op: "NOT", child } only when the tree is sent. Pure functions, no React.
import type { RuleLeaf, RuleLeafKind, RuleNode } from "@/lib/schemas/eligibility";

export type GroupOp = "ALL" | "ANY" | "NOT";
export interface DraftGroup {
  id: string;
  op: GroupOp;
  children: DraftNode[];
}
export interface DraftLeaf {
  id: string;
  leaf: RuleLeaf;
}
export type DraftNode = DraftGroup | DraftLeaf;

export const LEAF_KINDS: readonly RuleLeafKind[] = [
  "ageAtMost",
  "educationAtLeast",
  "titleAtLeast",
  "titleHeldYears",
  "positionAtLeast",
  "specialtyIn",
  "practisingCategoryIn",
  "hasGrassrootsService",
  "hiredWithinYears",
  "attested",
];

let counter = 0;
export function newId(): string {
  counter += 1;
  return `n${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export const isGroup = (node: DraftNode): node is DraftGroup => "children" in node;

/** A fresh condition of the kind, with the programme's first cut-off date where the kind needs a date. */
export function defaultLeaf(kind: RuleLeafKind, cutoff = ""): RuleLeaf {
  switch (kind) {
    case "ageAtMost":
      return { op: "leaf", kind, years: 55, on: cutoff };
    case "educationAtLeast":
      return { op: "leaf", kind, level: "JUNIOR_COLLEGE" };
    case "titleAtLeast":
      return { op: "leaf", kind, level: "INTERMEDIATE" };
    case "titleHeldYears":
      return { op: "leaf", kind, level: "INTERMEDIATE", years: 2, on: cutoff };
    case "positionAtLeast":
      return { op: "leaf", kind, rank: "DEPARTMENT_HEAD" };
    case "specialtyIn":
      return { op: "leaf", kind, values: [] };
    case "practisingCategoryIn":
      return { op: "leaf", kind, values: ["CLINICAL"] };
    case "hasGrassrootsService":
      return { op: "leaf", kind, value: true };
    case "hiredWithinYears":
      return { op: "leaf", kind, years: 5, on: cutoff };
    case "attested":
      return { op: "leaf", kind, condition: "" };
  }
}

/** A stored tree as the editor's working copy; the root is always a group. */
export function toDraft(node: RuleNode): DraftNode {
  if (node.op === "leaf") return { id: newId(), leaf: node };
  if (node.op === "NOT") return { id: newId(), op: "NOT", children: [toDraft(node.child)] };
  return { id: newId(), op: node.op, children: node.children.map(toDraft) };
}

export function rootDraft(tree: RuleNode | null): DraftGroup {
  if (!tree) return { id: newId(), op: "ALL", children: [] };
  const draft = toDraft(tree);
  return isGroup(draft) ? draft : { id: newId(), op: "ALL", children: [draft] };
}

/**
 * The tree as the schema expects it, and where each draft node went: schema path ("children.1.child")
 * → draft id, so that the schema's complaints land on the node that has them. A NOT group with no
 * child is sent without one, for the schema to refuse.
 */
export function fromDraft(root: DraftNode): { tree: RuleNode; paths: Map<string, string> } {
  const paths = new Map<string, string>();
  function walk(node: DraftNode, path: string): RuleNode {
    paths.set(path, node.id);
    if (!isGroup(node)) return node.leaf;
    const join = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
    if (node.op === "NOT") {
      const [first] = node.children;
      return (first ? { op: "NOT", child: walk(first, join("child")) } : { op: "NOT" }) as RuleNode;
    }
    return { op: node.op, children: node.children.map((c, i) => walk(c, join(`children.${i}`))) };
  }
  return { tree: walk(root, ""), paths };
}

/**
 * Field errors keyed by schema path ("tree.children.0.years") → per draft node, per field ("years",
 * or "" for the node itself): each error goes to the deepest node whose path prefixes it.
 */
export function errorsByNode(fieldErrors: Record<string, string[]>, paths: Map<string, string>, prefix = "tree"): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  for (const [key, messages] of Object.entries(fieldErrors)) {
    if (key !== prefix && !key.startsWith(`${prefix}.`)) continue;
    const rest = key === prefix ? [] : key.slice(prefix.length + 1).split(".");
    let cut = rest.length;
    while (cut > 0 && !paths.has(rest.slice(0, cut).join("."))) cut -= 1;
    const nodeId = paths.get(rest.slice(0, cut).join("."));
    if (!nodeId) continue;
    const field = rest[cut] ?? "";
    const entry = out.get(nodeId) ?? {};
    entry[field] = [...(entry[field] ?? []), ...messages];
    out.set(nodeId, entry);
  }
  return out;
}

// ───────────── Edits: each returns a new tree ─────────────

function mapGroup(node: DraftNode, groupId: string, fn: (group: DraftGroup) => DraftGroup): DraftNode {
  if (!isGroup(node)) return node;
  if (node.id === groupId) return fn(node);
  return { ...node, children: node.children.map((c) => mapGroup(c, groupId, fn)) };
}

export function addChild(root: DraftGroup, groupId: string, child: DraftNode): DraftGroup {
  return mapGroup(root, groupId, (g) => ({ ...g, children: [...g.children, child] })) as DraftGroup;
}

export function removeNode(root: DraftGroup, nodeId: string): DraftGroup {
  const strip = (node: DraftNode): DraftNode => (isGroup(node) ? { ...node, children: node.children.filter((c) => c.id !== nodeId).map(strip) } : node);
  return strip(root) as DraftGroup;
}

export function moveNode(root: DraftGroup, nodeId: string, delta: -1 | 1): DraftGroup {
  const walk = (node: DraftNode): DraftNode => {
    if (!isGroup(node)) return node;
    const i = node.children.findIndex((c) => c.id === nodeId);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= node.children.length) return { ...node, children: node.children.map(walk) };
    const children = [...node.children];
    [children[i], children[j]] = [children[j]!, children[i]!];
    return { ...node, children };
  };
  return walk(root) as DraftGroup;
}

/** Changing a group of several conditions to NOT wraps them (NOT (ALL …)), so nothing typed is lost. */
export function setGroupOp(root: DraftGroup, groupId: string, op: GroupOp): DraftGroup {
  return mapGroup(root, groupId, (g) => {
    if (op === "NOT" && g.children.length > 1) return { ...g, op, children: [{ id: newId(), op: "ALL", children: g.children }] };
    return { ...g, op };
  }) as DraftGroup;
}

export function updateLeaf(root: DraftGroup, nodeId: string, leaf: RuleLeaf): DraftGroup {
  const walk = (node: DraftNode): DraftNode => (isGroup(node) ? { ...node, children: node.children.map(walk) } : node.id === nodeId ? { ...node, leaf } : node);
  return walk(root) as DraftGroup;
}
