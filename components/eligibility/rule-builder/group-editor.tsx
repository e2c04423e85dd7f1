"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/users/select-field";
import type { RuleLeaf, RuleLeafKind } from "@/lib/schemas/eligibility";
import { ConditionFields, type BuilderContext } from "./condition-fields";
import { describeLeaf, type Translate } from "./describe";
import { isGroup, LEAF_KINDS, type DraftGroup, type DraftLeaf, type DraftNode, type GroupOp } from "./draft";

export type PreviewMark = "pass" | "fail" | "unknown";

export interface GroupEditorApi {
  context: BuilderContext;
  errors: Map<string, Record<string, string[]>>;
  /** Per draft node id: the preview's verdict and, for conditions, the engine's explanation. */
  marks: Map<string, { mark: PreviewMark; text?: string }>;
  focusId: string | null;
  addCondition: (groupId: string) => void;
  addGroup: (groupId: string) => void;
  remove: (nodeId: string) => void;
  move: (nodeId: string, delta: -1 | 1) => void;
  setOp: (groupId: string, op: GroupOp) => void;
  setKind: (nodeId: string, kind: RuleLeafKind) => void;
  setLeaf: (nodeId: string, leaf: RuleLeaf) => void;
}

const OPS: readonly GroupOp[] = ["ALL", "ANY", "NOT"];

function Mark({ mark }: { mark?: { mark: PreviewMark; text?: string } }) {
  const t = useTranslations("rules");
  if (!mark) return null;
  const symbol = mark.mark === "pass" ? "✓" : mark.mark === "fail" ? "✗" : "?";
  const tone = mark.mark === "pass" ? "bg-emerald-100 text-emerald-800" : mark.mark === "fail" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-800";
  return (
    <span className={clsx("inline-flex min-w-6 items-center justify-center rounded px-1.5 text-sm font-semibold", tone)} title={t(`preview.mark.${mark.mark}`)}>
      <span aria-hidden>{symbol}</span>
      <span className="sr-only">{t(`preview.mark.${mark.mark}`)}</span>
    </span>
  );
}

function NodeButtons({ api, nodeId, index, siblings }: { api: GroupEditorApi; nodeId: string; index: number; siblings: number }) {
  const t = useTranslations("rules");
  return (
    <div className="flex flex-wrap gap-1">
      <Button type="button" variant="ghost" className="px-2 py-1" disabled={index === 0} onClick={() => api.move(nodeId, -1)}>{t("builder.moveUp")}</Button>
      <Button type="button" variant="ghost" className="px-2 py-1" disabled={index === siblings - 1} onClick={() => api.move(nodeId, 1)}>{t("builder.moveDown")}</Button>
      <Button type="button" variant="ghost" className="px-2 py-1 text-red-700" onClick={() => api.remove(nodeId)}>{t("builder.remove")}</Button>
    </div>
  );
}

export function GroupEditor({ group, api, depth, index = 0, siblings = 1 }: { group: DraftGroup; api: GroupEditorApi; depth: number; index?: number; siblings?: number }) {
  const t = useTranslations("rules") as unknown as Translate;
  const groupErrors = api.errors.get(group.id) ?? {};
  const ownError = [...(groupErrors[""] ?? []), ...(groupErrors.children ?? []), ...(groupErrors.child ?? [])][0];
  const canAdd = group.op !== "NOT" || group.children.length === 0;
  return (
    <fieldset className={clsx("rounded-lg border p-3 sm:p-4", depth % 2 ? "border-slate-300 bg-slate-50" : "border-slate-200 bg-white", ownError && "border-red-400")}>
      <legend className="flex items-center gap-2 px-1 text-sm font-semibold text-slate-800">
        <Mark mark={api.marks.get(group.id)} />
        {depth === 0 ? t("builder.rootGroup") : t("builder.subGroup")}
      </legend>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <SelectField label={t("builder.groupOp")} value={group.op} className="w-40" options={OPS.map((op) => ({ value: op, label: t(`op.${op}`) }))}
          onChange={(e) => api.setOp(group.id, e.target.value as GroupOp)} />
        {depth > 0 ? <NodeButtons api={api} nodeId={group.id} index={index} siblings={siblings} /> : null}
      </div>
      {ownError ? <p role="alert" className="mt-2 text-sm text-red-600">{t(`errors.${ownError}`)}</p> : null}
      <ol className="mt-3 flex flex-col gap-3">
        {group.children.map((child, i) => (
          <li key={child.id}>
            {isGroup(child) ? (
              <GroupEditor group={child} api={api} depth={depth + 1} index={i} siblings={group.children.length} />
            ) : (
              <ConditionEditor node={child} api={api} index={i} siblings={group.children.length} />
            )}
          </li>
        ))}
      </ol>
      {canAdd ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={() => api.addCondition(group.id)}>{t("builder.addCondition")}</Button>
          {depth + 1 < 7 ? <Button type="button" variant="secondary" onClick={() => api.addGroup(group.id)}>{t("builder.addGroup")}</Button> : null}
        </div>
      ) : null}
    </fieldset>
  );
}

function ConditionEditor({ node, api, index, siblings }: { node: DraftLeaf; api: GroupEditorApi; index: number; siblings: number }) {
  const t = useTranslations("rules") as unknown as Translate;
  const kindRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (api.focusId === node.id) kindRef.current?.focus();
  }, [api.focusId, node.id]);
  const errors = api.errors.get(node.id) ?? {};
  const mark = api.marks.get(node.id);
  return (
    <div className={clsx("rounded-md border bg-white p-3", Object.keys(errors).length ? "border-red-400" : "border-slate-200")} data-testid="condition">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="flex items-start gap-2 text-sm font-medium text-slate-900">
          <Mark mark={mark} />
          <span data-testid="condition-sentence">{describeLeaf(t, node.leaf)}</span>
        </p>
        <NodeButtons api={api} nodeId={node.id} index={index} siblings={siblings} />
      </div>
      {mark?.text ? <p className="mt-1 text-sm text-slate-600" data-testid="condition-explanation">{mark.text}</p> : null}
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SelectField ref={kindRef} label={t("builder.kind")} value={node.leaf.kind} options={LEAF_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onChange={(e) => api.setKind(node.id, e.target.value as RuleLeafKind)} />
        <ConditionFields leaf={node.leaf} errors={errors} context={api.context} idPrefix={node.id} onChange={(leaf) => api.setLeaf(node.id, leaf)} />
      </div>
    </div>
  );
}

export type { DraftNode };
