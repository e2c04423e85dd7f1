// The engine's result laid over the editor's draft: per draft node, ✓ / ✗ / ? and, for conditions,
// the engine's explanation in words. The result mirrors the tree it was computed for (NOT's child is
// its only child), so the two are walked side by side.
import type { NodeResult } from "@/lib/domain/eligibility";
import { isGroup, type DraftNode } from "./draft";
import type { PreviewMark } from "./group-editor";

const markOf = { ELIGIBLE: "pass", INELIGIBLE: "fail", UNKNOWN: "unknown" } as const satisfies Record<NodeResult["verdict"], PreviewMark>;

export function marksOf(
  draft: DraftNode,
  result: NodeResult,
  explain: (key: string, values: Record<string, string | number>) => string | undefined,
): Map<string, { mark: PreviewMark; text?: string }> {
  const out = new Map<string, { mark: PreviewMark; text?: string }>();
  function walk(node: DraftNode, res: NodeResult | undefined) {
    if (!res) return;
    if (!isGroup(node)) {
      out.set(node.id, { mark: markOf[res.verdict], text: res.op === "leaf" ? explain(res.explanation.key, res.explanation.values) : undefined });
      return;
    }
    out.set(node.id, { mark: markOf[res.verdict] });
    node.children.forEach((child, i) => walk(child, res.children[i]));
  }
  walk(draft, result);
  return out;
}
