"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { createItemAction, updateItemAction } from "@/lib/actions/allowances";
import { ALLOWANCE_KINDS, ALLOWANCE_PAYEES, ALLOWANCE_PAYERS, ALLOWANCE_STARTS } from "@/lib/domain/allowance-schedule";
import { itemFormSchema, type ItemFormInput } from "@/lib/schemas/allowances";
import { useFeedback } from "@/lib/forms/feedback";

type Output = { name: string; kind: (typeof ALLOWANCE_KINDS)[number]; payer: (typeof ALLOWANCE_PAYERS)[number]; payee: (typeof ALLOWANCE_PAYEES)[number]; startsAt: (typeof ALLOWANCE_STARTS)[number]; note: string | null; isActive: boolean; amountYuan: number };

/**
 * A policy item: name, kind, amount in yuan (parsed once into whole fen by the schema), payer, payee,
 * start. Editing asks first, saying that only lines not yet due follow (the dialog then validates and saves).
 */
export function ItemForm({ programId, item }: { programId: string; item?: { id: string; version: number; values: ItemFormInput } }) {
  const t = useTranslations("allowances");
  const router = useRouter();
  const { read, say } = useFeedback("allowances");
  const [message, setMessage] = useState<{ error?: string | null; success?: string | null }>({});
  const empty: ItemFormInput = { name: "", kind: undefined as never, amountYuan: "", payer: undefined as never, payee: undefined as never, startsAt: undefined as never, note: "", isActive: true };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ItemFormInput, unknown, Output>({ resolver: zodResolver(itemFormSchema) as never, defaultValues: item?.values ?? empty });

  async function save(values: Output) {
    setMessage({});
    const { amountYuan, ...rest } = values;
    const result = item ? await updateItemAction({ ...rest, amountFen: amountYuan, itemId: item.id, version: item.version }) : await createItemAction({ ...rest, amountFen: amountYuan, programId });
    if (result?.data) {
      const data = result.data as { created: number; deleted?: number };
      setMessage({ success: item ? t("itemForm.saved", { created: data.created, deleted: data.deleted ?? 0 }) : t("itemForm.created", { created: data.created }) });
      if (!item) reset(empty);
      router.refresh();
      return;
    }
    const feedback = read(result);
    for (const [field, key] of Object.entries(feedback.fields)) setError((field === "amountFen" ? "amountYuan" : field) as keyof ItemFormInput, { message: key });
    setMessage({ error: feedback.form });
  }

  const err = (key?: string) => (key ? say(key) : undefined);
  const select = (name: "kind" | "payer" | "payee" | "startsAt", options: readonly string[], labelOf: (v: string) => string) => {
    const id = `item-${name}`;
    const error = errors[name]?.message;
    return (
      <div className="flex flex-col gap-1.5">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {t(`itemForm.${name}`)}
        </label>
        <select id={id} className={`rounded-md border bg-white px-3 py-2 text-base shadow-sm ${error ? "border-red-500" : "border-slate-300"}`} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...register(name)}>
          <option value="">{t("itemForm.choose")}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {labelOf(o)}
            </option>
          ))}
        </select>
        {error ? (
          <p id={`${id}-error`} className="text-sm text-red-600">
            {err(error)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form onSubmit={handleSubmit(save)} noValidate className="flex flex-col gap-4">
      <FormMessages error={message.error} success={message.success} />
      <TextField label={t("itemForm.name")} maxLength={100} error={err(errors.name?.message)} {...register("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        {select("kind", ALLOWANCE_KINDS, (v) => t(`kinds.${v}`))}
        <TextField label={t("itemForm.amount")} inputMode="decimal" placeholder={t("itemForm.amountHint")} error={err(errors.amountYuan?.message)} {...register("amountYuan")} />
        {select("payer", ALLOWANCE_PAYERS, (v) => t(`payers.${v}`))}
        {select("payee", ALLOWANCE_PAYEES, (v) => t(`payees.${v}`))}
        {select("startsAt", ALLOWANCE_STARTS, (v) => t(`starts.${v}`))}
      </div>
      <TextField label={t("itemForm.note")} maxLength={500} error={err(errors.note?.message)} {...register("note")} />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="h-4 w-4" {...register("isActive")} />
        {t("itemForm.isActive")}
      </label>
      <div>
        {item ? (
          <ConfirmDialog
            trigger={
              <Button type="button" disabled={isSubmitting} aria-busy={isSubmitting}>
                {t("itemForm.save")}
              </Button>
            }
            title={t("itemForm.confirmTitle", { name: item.values.name })}
            description={t("itemForm.confirmDescription")}
            confirmLabel={t("itemForm.save")}
            tone="primary"
            onConfirm={() => handleSubmit(save)()}
          />
        ) : (
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
            {t("itemForm.create")}
          </Button>
        )}
      </div>
    </form>
  );
}
