"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, type FormEvent } from "react";
import { saveRuleAction } from "@/lib/actions/eligibility-rules";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/users/select-field";
import { readActionResult } from "@/lib/forms/feedback";
import { ruleTreeSchema, type RuleNode } from "@/lib/schemas/eligibility";
import { issueKey } from "@/lib/schemas/eligibility-rules";
import { fieldErrorsOf } from "@/lib/schemas/field-errors";
import type { BuilderContext } from "./condition-fields";
import type { Translate } from "./describe";
import { defaultCutoffDate } from "@/lib/domain/cutoff-kinds";
import { addChild, defaultLeaf, errorsByNode, fromDraft, moveNode, newId, removeNode, rootDraft, setGroupOp, updateLeaf, type DraftGroup } from "./draft";
import { GroupEditor, type GroupEditorApi } from "./group-editor";
import { explanationText } from "../explanation-text";
import { marksOf } from "./marks";
import { PreviewPanel } from "./preview-panel";
import type { Evaluation } from "@/lib/domain/eligibility";

export interface RuleEditorProps {
  programId: string;
  rule: { id: string; name: string; postId: string | null; version: number; tree: RuleNode } | null;
  posts: { id: string; label: string }[];
  context: BuilderContext;
  defaultPostId?: string;
  /** Just created (the page was reached by saving a new rule): say so. */
  justSaved?: boolean;
}

/** The rule builder: name, scope (a post or the whole programme) and the tree; validated with the shared schema before it is sent. */
export function RuleEditor({ programId, rule, posts, context, defaultPostId, justSaved = false }: RuleEditorProps) {
  const t = useTranslations("rules") as unknown as Translate;
  const router = useRouter();
  const [root, setRoot] = useState<DraftGroup>(() => rootDraft(rule?.tree ?? null));
  const [name, setName] = useState(rule?.name ?? "");
  const [postId, setPostId] = useState(rule?.postId ?? defaultPostId ?? "");
  const [focusId, setFocusId] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]> | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(justSaved);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ treeJson: string; evaluation: Evaluation } | null>(null);
  const explainT = useTranslations("eligibility") as unknown as Translate & { has: (key: string) => boolean };
  const format = useFormatter();

  const { tree, paths } = useMemo(() => fromDraft(root), [root]);
  const clientErrors = useMemo(() => {
    const result = ruleTreeSchema.safeParse(tree);
    return result.success ? {} : Object.fromEntries(Object.entries(fieldErrorsOf(result.error, issueKey)).map(([k, v]) => [k === "_form" ? "tree" : `tree.${k}`, v]));
  }, [tree]);
  // Errors show once the user has tried to save; the server's, until the next edit.
  const shown = useMemo(() => serverErrors ?? (submitted ? clientErrors : {}), [serverErrors, submitted, clientErrors]);
  const errors = useMemo(() => errorsByNode(shown, paths), [shown, paths]);
  const isValid = Object.keys(clientErrors).length === 0;
  // Marks only for the tree they were computed for: after an edit, until the next result, none.
  const marks = useMemo(() => {
    if (!preview || preview.treeJson !== JSON.stringify(tree)) return new Map();
    const formatDate = (date: Date) => format.dateTime(date, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    return marksOf(root, preview.evaluation.root, (key, values) => explanationText(explainT, formatDate, { key, values }));
  }, [preview, tree, root, explainT, format]);
  const onEvaluation = useCallback((result: { treeJson: string; evaluation: Evaluation } | null) => setPreview(result), []);

  function edit(next: DraftGroup) {
    setRoot(next);
    setServerErrors(null);
    setSaved(false);
  }

  const api: GroupEditorApi = {
    context,
    errors,
    marks,
    focusId,
    addCondition: (groupId) => {
      const id = newId();
      edit(addChild(root, groupId, { id, leaf: defaultLeaf("specialtyIn") }));
      setFocusId(id);
    },
    addGroup: (groupId) => {
      const id = newId();
      edit(addChild(root, groupId, { id: newId(), op: "ANY", children: [{ id, leaf: defaultLeaf("specialtyIn") }] }));
      setFocusId(id);
    },
    remove: (nodeId) => edit(removeNode(root, nodeId)),
    move: (nodeId, delta) => edit(moveNode(root, nodeId, delta)),
    setOp: (groupId, op) => edit(setGroupOp(root, groupId, op)),
    setKind: (nodeId, kind) => edit(updateLeaf(root, nodeId, defaultLeaf(kind, defaultCutoffDate(kind, context.cutoffs)))),
    setLeaf: (nodeId, leaf) => edit(updateLeaf(root, nodeId, leaf)),
  };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(null);
    setSaved(false);
    const nameError = name.trim() ? null : "required";
    if (nameError || Object.keys(clientErrors).length) {
      setServerErrors(nameError ? { ...clientErrors, name: [nameError] } : null);
      setFormError(t("errors.validation"));
      return;
    }
    setBusy(true);
    try {
      const result = await saveRuleAction({ id: rule?.id, programId, postId, name, version: rule?.version, tree });
      const feedback = readActionResult(result ?? {});
      if (feedback.ok && result?.data) {
        setSaved(true);
        if (!rule) router.push(`/programs/${programId}/rules/${result.data.id}?saved=1`);
        else router.refresh();
        return;
      }
      if (!feedback.ok && Object.keys(feedback.fieldErrors).length) {
        setServerErrors(feedback.fieldErrors);
        setFormError(t("errors.validation"));
        return;
      }
      const message = result?.serverError?.message;
      setFormError(message && ["programLocked", "staleRule", "unknownPost"].includes(message) ? t(`errors.${message}`) : t(`errors.${feedback.ok ? "generic" : feedback.errorCode}`));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
    <form onSubmit={onSubmit} noValidate className="flex min-w-0 flex-col gap-4" aria-label={t("builder.formLabel")}>
      {formError ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{formError}</p> : null}
      {saved ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("builder.saved")}</p> : null}
      <TextField label={t("builder.name")} maxLength={200} value={name} error={shown.name?.[0] ? t(`errors.${shown.name[0]}`) : undefined} onChange={(e) => { setName(e.target.value); setServerErrors(null); }} />
      <SelectField label={t("builder.appliesTo")} value={postId} options={[{ value: "", label: t("builder.wholeProgram") }, ...posts.map((p) => ({ value: p.id, label: p.label }))]}
        error={shown.postId?.[0] ? t(`errors.${shown.postId[0]}`) : undefined} onChange={(e) => setPostId(e.target.value)} />
      <GroupEditor group={root} api={api} depth={0} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy} aria-busy={busy}>{t("builder.save")}</Button>
        {rule ? <span className="text-sm text-slate-500">{t("builder.version", { version: rule.version })}</span> : null}
      </div>
    </form>
      <aside className="xl:sticky xl:top-4 xl:self-start">
        <PreviewPanel programId={programId} postId={postId} tree={tree} isValid={isValid} onEvaluation={onEvaluation} />
      </aside>
    </div>
  );
}
