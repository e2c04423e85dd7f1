"use client";

import { useTranslations } from "next-intl";
import type { RuleNode } from "@/lib/schemas/eligibility";
import { describeLeaf, type Translate } from "./describe";

/** A stored rule read as nested sentences: "全部满足以下条件" over the conditions, group by group. */
export function RuleTreeText({ tree }: { tree: RuleNode }) {
  const t = useTranslations("rules") as unknown as Translate;
  return <NodeText t={t} node={tree} />;
}

function NodeText({ t, node }: { t: Translate; node: RuleNode }) {
  if (node.op === "leaf") return <span>{describeLeaf(t, node)}</span>;
  const children = node.op === "NOT" ? [node.child] : node.children;
  return (
    <div>
      <span className="font-medium text-slate-700">{t(`opLead.${node.op}`)}</span>
      <ul className="ml-5 mt-1 list-disc space-y-1">
        {children.map((child, i) => (
          <li key={i}>
            <NodeText t={t} node={child} />
          </li>
        ))}
      </ul>
    </div>
  );
}
