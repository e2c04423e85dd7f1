// Rules of the organisation tree (DOMAIN.md "People and organisations"): a city bureau has county
// bureaus under it; hospitals and township centres belong to a bureau. Pure: no I/O, unit-tested in
// tests/unit/organization-tree.test.ts, used by the form's schema and by lib/server/organizations.ts.
import type { OrganizationKind, OrganizationLevel } from "../generated/prisma/enums";

export const ORGANIZATION_KINDS = ["BUREAU", "HOSPITAL", "TOWNSHIP_CENTRE", "COMMUNITY_CENTRE", "RECEIVING_HOSPITAL"] as const satisfies readonly OrganizationKind[];
/** Ordered from the top of the administration down. */
export const ORGANIZATION_LEVELS = ["PROVINCE", "CITY", "COUNTY", "TOWNSHIP"] as const satisfies readonly OrganizationLevel[];
export const HOSPITAL_GRADES = ["GRADE_3A", "GRADE_3B", "GRADE_2A", "GRADE_2B", "GRADE_1", "UNGRADED"] as const;

/** Only hospitals carry a grade such as 三级甲等. */
export function isHospitalKind(kind: OrganizationKind): boolean {
  return kind === "HOSPITAL" || kind === "RECEIVING_HOSPITAL";
}

function levelRank(level: OrganizationLevel): number {
  return ORGANIZATION_LEVELS.indexOf(level);
}

export type ParentProblem = "parentNotBureau" | "parentLevel" | "parentInactive";

/**
 * Whether `parent` may hold `child`: only a bureau holds organisations; nothing sits above its
 * bureau's level (a city hospital under a county bureau is wrong), and a bureau under a bureau is one
 * level lower (county under city). A deactivated organisation takes no new children.
 */
export function parentProblem(
  child: { kind: OrganizationKind; level: OrganizationLevel },
  parent: { kind: OrganizationKind; level: OrganizationLevel; isActive: boolean },
): ParentProblem | null {
  if (parent.kind !== "BUREAU") return "parentNotBureau";
  const childRank = levelRank(child.level);
  const parentRank = levelRank(parent.level);
  if (child.kind === "BUREAU" ? childRank <= parentRank : childRank < parentRank) return "parentLevel";
  if (!parent.isActive) return "parentInactive";
  return null;
}

export type MoveProblem = "moveUnderItself" | "moveUnderDescendant";

/**
 * A move must keep the tree a tree: a node cannot go under itself, nor under one of its own
 * descendants. `subtreeOfNode` is the node and everything below it.
 */
export function moveProblem(nodeId: string, newParentId: string, subtreeOfNode: readonly string[]): MoveProblem | null {
  if (newParentId === nodeId) return "moveUnderItself";
  if (subtreeOfNode.includes(newParentId)) return "moveUnderDescendant";
  return null;
}

/**
 * The chain from the top of what the viewer may see down to the node, for a breadcrumb.
 * `chain` is the node and its ancestors, node first (as lib/server/organization-tree.ts ancestorIds
 * returns it); only the part inside `visibleIds` is kept, so a county admin's breadcrumb starts at
 * their own bureau.
 */
export function breadcrumbIds(chain: readonly string[], visibleIds: readonly string[]): string[] {
  const visible = new Set(visibleIds);
  const out: string[] = [];
  for (const id of chain) {
    if (!visible.has(id)) break;
    out.push(id);
  }
  return out.reverse();
}
