"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { SelectField } from "@/components/users/select-field";
import { saveTargetedContractAction } from "@/lib/actions/workforce";
import { asNumber } from "@/lib/forms/number-input";
import { useActionForm } from "@/lib/forms/use-action-form";
import { saveContractSchema, type SaveContractInput } from "@/lib/schemas/workforce";
import type { ContractRow } from "@/lib/server/workforce-queries";

/** A contract as the correction form starts from it: its fields and the version read. */
export type EditedContract = Pick<ContractRow, "id" | "version" | "name" | "school" | "graduationYear" | "serviceYears" | "serviceStartDate" | "serviceOrgId" | "doctorId" | "note">;

/**
 * The bureau records a targeted student's contract: who, from which school, how many years from when,
 * where. Given a `contract`, the same form corrects it from the version read (a change since is
 * refused and said); a correction of the service itself (years, first day, place) changes the days
 * owed, so it is asked for once more before it is saved. The registry link travels unchanged.
 */
export function ContractForm({ units, today, contract, cancelHref }: { units: { id: string; name: string }[]; today: string; contract?: EditedContract; cancelHref?: string }) {
  const t = useTranslations("workforce.contracts");
  const empty = { name: "", school: "", graduationYear: Number(today.slice(0, 4)), serviceYears: 6, serviceStartDate: "", serviceOrgId: "", note: "" } as unknown as SaveContractInput;
  const start = contract ? { ...contract, contractId: contract.id, note: contract.note ?? "" } : empty;
  const form = useActionForm({
    namespace: "workforce",
    schema: saveContractSchema,
    defaultValues: start as SaveContractInput,
    fields: ["name", "school", "graduationYear", "serviceYears", "serviceStartDate", "serviceOrgId", "note"],
    action: saveTargetedContractAction,
    resetOnSuccess: !contract,
    refreshOnSuccess: true,
    onSuccess: (data) => {
      if (!contract) return t("saved");
      form.setValue("version", data.version);
      return t("corrected");
    },
  });
  const { register, busy } = form;
  const [asking, setAsking] = useState(false);
  const changesService = (v: SaveContractInput) => !!contract && (Number(v.serviceYears) !== contract.serviceYears || v.serviceStartDate !== contract.serviceStartDate || v.serviceOrgId !== contract.serviceOrgId);
  const submit = form.handleSubmit(async (values) => {
    if (changesService(values as SaveContractInput)) setAsking(true);
    else await form.send();
  });
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormMessages {...form.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("name")} maxLength={50} error={form.fieldError("name")} {...register("name")} />
        <TextField label={t("school")} maxLength={100} error={form.fieldError("school")} {...register("school")} />
        <TextField label={t("graduationYear")} type="number" inputMode="numeric" error={form.fieldError("graduationYear")} {...register("graduationYear", asNumber)} />
        <TextField label={t("serviceYears")} type="number" inputMode="numeric" min={1} max={20} error={form.fieldError("serviceYears")} {...register("serviceYears", asNumber)} />
        <TextField label={t("serviceStartDate")} type="date" error={form.fieldError("serviceStartDate")} {...register("serviceStartDate")} />
        <SelectField label={t("serviceOrg")} placeholder={t("chooseOrg")} options={units.map((u) => ({ value: u.id, label: u.name }))} error={form.fieldError("serviceOrgId")} {...register("serviceOrgId")} />
        <TextField label={t("note")} maxLength={500} className="sm:col-span-2" error={form.fieldError("note")} {...register("note")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {contract ? t("saveCorrection") : t("save")}
        </Button>
        {contract && cancelHref ? (
          <Link href={cancelHref} className="text-sm font-medium text-slate-700 hover:underline">
            {t("cancelCorrection")}
          </Link>
        ) : null}
      </div>
      {contract ? (
        <ConfirmDialog
          open={asking}
          onOpenChange={setAsking}
          tone="primary"
          title={t("confirmTitle", { name: contract.name })}
          description={t("confirmBody")}
          confirmLabel={t("saveCorrection")}
          onConfirm={async () => {
            await form.send();
          }}
        />
      ) : null}
    </form>
  );
}
