"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useId, useState } from "react";
import { useWatch } from "react-hook-form";
import { reopenStageAction, searchNominatingUnitsAction } from "@/lib/actions/vetting";
import { useActionForm } from "@/lib/forms/use-action-form";
import { useOptionSearch } from "@/lib/forms/use-option-search";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import type { StageKind } from "@/lib/generated/prisma/enums";
import { reopenStageSchema, type ReopenStageInput } from "@/lib/schemas/applications";

const control = "rounded-md border bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100";

/**
 * Staff reopen one stage for one unit until a new deadline (typed in Beijing time), with the reason;
 * a confirmation names the unit, the stage and the deadline before anything is written. The page
 * sends the first units by name; typing part of a name finds the others on the server.
 */
export function ReopenStageForm({ programId, stages, units }: { programId: string; stages: StageKind[]; units: { id: string; name: string }[] }) {
  const t = useTranslations("vetting");
  const tStage = useTranslations("stage");
  const tList = useTranslations("list");
  const router = useRouter();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const form = useActionForm({
    namespace: "vetting",
    schema: reopenStageSchema,
    defaultValues: { programId, stage: stages[0] ?? "REGISTRATION", organizationId: "", closesAt: "", reason: "" } satisfies ReopenStageInput,
    fields: ["stage", "organizationId", "closesAt", "reason"],
    action: reopenStageAction,
    onSuccess: (_, input): string => {
      form.reset({ ...input, closesAt: "", reason: "" });
      router.refresh();
      return t("reopen.done", { unit: unitName, stage: stageName });
    },
  });
  const { busy } = form;
  const values = useWatch({ control: form.control }) as ReopenStageInput;
  // A province's programme has hundreds of nominating units: typing part of a name searches them (the chosen one stays).
  const searchUnits = useCallback(async (q: string) => (await searchNominatingUnitsAction({ programId, q }))?.data, [programId]);
  const { query: unitFilter, setQuery: setUnitFilter, options: shownUnits, nameOf } = useOptionSearch(units, searchUnits, values.organizationId || undefined);
  const unitName = nameOf(values.organizationId);
  const stageName = tStage(values.stage);

  // The schema checks the fields, then the confirmation names what is about to be written.
  const onSubmit = form.handleSubmit(() => {
    form.setMessage({});
    setConfirming(true);
  });

  async function confirm() {
    await form.send();
    setConfirming(false);
  }

  const errors = { stage: form.fieldError("stage"), organizationId: form.fieldError("organizationId"), closesAt: form.fieldError("closesAt"), reason: form.fieldError("reason") };
  const fieldError = (name: keyof typeof errors) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="text-sm text-red-600">
        {errors[name]}
      </p>
    ) : null;
  const described = (name: keyof typeof errors) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t("reopen.title")}>
      <FormMessages {...form.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-stage`} className="text-sm font-medium text-slate-700">
            {t("reopen.stage")}
          </label>
          <select id={`${id}-stage`} className={`${control} border-slate-300`} {...described("stage")} {...form.register("stage")}>
            {stages.map((s) => (
              <option key={s} value={s}>
                {tStage(s)}
              </option>
            ))}
          </select>
          {fieldError("stage")}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-unit`} className="text-sm font-medium text-slate-700">
            {t("reopen.unit")}
          </label>
          <input
            type="search"
            value={unitFilter}
            onChange={(e) => setUnitFilter(e.target.value)}
            aria-label={t("reopen.unitSearch")}
            placeholder={t("reopen.unitSearch")}
            className={`${control} border-slate-300`}
          />
          <select id={`${id}-unit`} className={`${control} ${errors.organizationId ? "border-red-500" : "border-slate-300"}`} {...described("organizationId")} {...form.register("organizationId")}>
            <option value="">{t("reopen.chooseUnit")}</option>
            {shownUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          {fieldError("organizationId")}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-closesAt`} className="text-sm font-medium text-slate-700">
            {t("reopen.closesAt")}
          </label>
          <input id={`${id}-closesAt`} type="datetime-local" className={`${control} ${errors.closesAt ? "border-red-500" : "border-slate-300"}`} {...described("closesAt")} {...form.register("closesAt")} />
          {fieldError("closesAt")}
        </div>
        <div className="flex flex-col gap-1.5 sm:col-span-2">
          <label htmlFor={`${id}-reason`} className="text-sm font-medium text-slate-700">
            {t("reopen.reason")}
          </label>
          <textarea id={`${id}-reason`} rows={2} maxLength={2000} placeholder={t("reopen.reasonPlaceholder")} className={`${control} ${errors.reason ? "border-red-500" : "border-slate-300"}`} {...described("reason")} {...form.register("reason")} />
          {fieldError("reason")}
        </div>
      </div>
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {t("reopen.submit")}
        </Button>
      </div>
      <AlertDialog.Root open={confirming} onOpenChange={(open) => !busy && setConfirming(open)}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
          <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <AlertDialog.Title className="text-lg font-semibold text-slate-900">{t("reopen.confirmTitle")}</AlertDialog.Title>
            <AlertDialog.Description className="mt-2 text-sm text-slate-600">
              {t("reopen.confirmDescription", { unit: unitName, stage: stageName, closesAt: (values.closesAt ?? "").replace("T", " ") })}
            </AlertDialog.Description>
            <div className="mt-6 flex justify-end gap-2">
              <AlertDialog.Cancel className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50" disabled={busy}>
                {tList("cancel")}
              </AlertDialog.Cancel>
              <button type="button" onClick={confirm} disabled={busy} aria-busy={busy} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
                {busy ? tList("saving") : t("reopen.confirm")}
              </button>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </form>
  );
}
