"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { SelectField } from "@/components/users/select-field";
import { saveTargetedContractAction } from "@/lib/actions/workforce";
import { useActionForm } from "@/lib/forms/use-action-form";
import { saveContractSchema, type SaveContractInput } from "@/lib/schemas/workforce";

import { asNumber } from "@/lib/forms/number-input";

/** The bureau records a targeted student's contract: who, from which school, how many years from when, where. */
export function ContractForm({ units, today }: { units: { id: string; name: string }[]; today: string }) {
  const t = useTranslations("workforce.contracts");
  const empty = { name: "", school: "", graduationYear: Number(today.slice(0, 4)), serviceYears: 6, serviceStartDate: "", serviceOrgId: "", note: "" } as unknown as SaveContractInput;
  const form = useActionForm({
    namespace: "workforce",
    schema: saveContractSchema,
    defaultValues: empty,
    action: saveTargetedContractAction,
    resetOnSuccess: true,
    refreshOnSuccess: true,
    onSuccess: () => t("saved"),
  });
  const { register, busy } = form;
  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4">
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
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
