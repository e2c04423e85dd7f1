"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { setRequiredDocumentsAction } from "@/lib/actions/programs";
import { REQUIRABLE_KINDS, type RequirableKind } from "@/lib/domain/required-documents";
import { useActionForm } from "@/lib/forms/use-action-form";
import type { StageKind } from "@/lib/generated/prisma/enums";
import { requiredDocumentsSchema, type RequiredDocumentsInput } from "@/lib/schemas/required-documents";

export interface StageChecklistValue {
  stage: StageKind;
  kinds: RequirableKind[];
}

/**
 * The documents each stage requires, one checklist per stage in the programme's order (issue 15):
 * passing a stage needs its own and every earlier stage's, or a written exception. Saved as a whole.
 */
export function RequiredDocumentsEditor({ programId, stages }: { programId: string; stages: StageChecklistValue[] }) {
  const tStage = useTranslations("stage");
  const tKind = useTranslations("attachments.kind");
  const form = useActionForm({
    namespace: "programsAdmin",
    schema: requiredDocumentsSchema,
    defaultValues: { programId, stages } satisfies RequiredDocumentsInput,
    fields: ["stages"],
    action: setRequiredDocumentsAction,
    refreshOnSuccess: true,
    onSuccess: (): string => form.t("requiredDocs.saved"),
  });
  const t = form.t;
  if (stages.length === 0) return <p className="text-sm text-slate-500">{t("requiredDocs.noStages")}</p>;
  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("requiredDocs.intro")}</p>
      <FormMessages {...form.message} />
      <div className="grid gap-3 sm:grid-cols-2">
        {stages.map((s, index) => (
          <fieldset key={s.stage} className="min-w-0 rounded-md border border-slate-200 px-3 py-2">
            <legend className="px-1 text-sm font-semibold text-slate-800">
              {tStage(s.stage)}
              <span className="sr-only">{t("requiredDocs.stageLegend", { stage: tStage(s.stage) })}</span>
            </legend>
            <input type="hidden" {...form.register(`stages.${index}.stage`)} />
            <div className="flex flex-wrap gap-x-4 gap-y-1.5 pt-1">
              {REQUIRABLE_KINDS.map((kind) => (
                <label key={kind} className="flex items-center gap-1.5 text-sm text-slate-700">
                  <input type="checkbox" value={kind} className="h-4 w-4 accent-brand-600" {...form.register(`stages.${index}.kinds`)} />
                  {tKind(kind)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <div>
        <Button type="submit" disabled={form.busy} aria-busy={form.busy}>
          {form.busy ? t("requiredDocs.saving") : t("requiredDocs.save")}
        </Button>
      </div>
    </form>
  );
}

/** Read-only: each stage with the documents it requires, in words. */
export function RequiredDocumentsView({ stages }: { stages: StageChecklistValue[] }) {
  const t = useTranslations("programsAdmin");
  const tStage = useTranslations("stage");
  const tKind = useTranslations("attachments.kind");
  if (stages.length === 0) return <p className="text-sm text-slate-500">{t("requiredDocs.noStages")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("requiredDocs.intro")}</p>
      <dl className="grid grid-cols-[minmax(6rem,auto)_1fr] gap-x-4 gap-y-1.5 text-sm">
        {stages.map((s) => (
          <div key={s.stage} className="contents">
            <dt className="text-slate-500">{tStage(s.stage)}</dt>
            <dd className="text-slate-900">{s.kinds.length ? s.kinds.map((k) => tKind(k)).join(t("requiredDocs.joiner")) : t("requiredDocs.none")}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
