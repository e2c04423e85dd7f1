"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { createPostAction, updatePostAction } from "@/lib/actions/programs";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/users/select-field";
import { createPostSchema, type PostFormValues } from "@/lib/schemas/programs";
import { errorText, placeServerErrors, type ErrorTranslator } from "@/lib/forms/feedback";
import { asNumber } from "@/lib/forms/number-input";
import { FormMessages } from "@/components/ui/form-messages";

type Field = keyof PostFormValues;
const FIELDS: readonly Field[] = ["receivingOrgId", "title", "specialty", "headcount", "rotationBatch", "description"];

export interface ReceivingChoice {
  id: string;
  name: string;
  region: string;
}

/** Create or edit a post. The receiving organisation is searched among all active receiving organisations. */
export function PostForm({ programId, postId, version, rotationBatches, receivingOrgs, defaultValues }: { programId: string; postId?: string; /** The post's version the edit started from (issue 12). */ version?: number; rotationBatches: number; receivingOrgs: ReceivingChoice[]; defaultValues: PostFormValues }) {
  const t = useTranslations("programsAdmin");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    control,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PostFormValues>({ resolver: zodResolver(createPostSchema) as never, defaultValues });
  const chosen = useWatch({ control, name: "receivingOrgId" });
  const options = useMemo(() => {
    const q = search.trim().toLowerCase();
    return receivingOrgs.filter((o) => o.id === chosen || !q || o.name.toLowerCase().includes(q) || o.region.toLowerCase().includes(q));
  }, [receivingOrgs, search, chosen]);

  async function onSubmit() {
    setFormError(null);
    const { programId: _programId, ...values } = getValues();
    const result = postId ? await updatePostAction({ ...values, id: postId, version }) : await createPostAction({ ...values, programId });
    if (result?.data) {
      if (postId) {
        router.push(`/programs/${programId}/posts`);
      } else {
        reset(defaultValues);
        router.refresh();
      }
      return;
    }
    setFormError(placeServerErrors(te, result, FIELDS, setError));
  }

  const err = (field: Field) => (errors[field]?.message ? errorText(te, errors[field]?.message) : undefined);
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-5">
      <FormMessages error={formError} />
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <TextField label={t("posts.searchReceiving")} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("posts.searchReceivingPlaceholder")} />
        <SelectField
          label={t("posts.receivingOrg")}
          placeholder={t("posts.receivingOrgPlaceholder")}
          error={err("receivingOrgId")}
          options={options.map((o) => ({ value: o.id, label: `${o.name}（${o.region}）` }))}
          {...register("receivingOrgId")}
        />
        <TextField label={t("posts.postTitle")} maxLength={100} placeholder={t("posts.postTitlePlaceholder")} error={err("title")} {...register("title")} />
        <TextField label={t("posts.specialty")} maxLength={100} error={err("specialty")} {...register("specialty")} />
        <TextField label={t("posts.headcount")} type="number" inputMode="numeric" min={1} error={err("headcount")} {...register("headcount", asNumber)} />
        <SelectField
          label={t("posts.batch")}
          error={err("rotationBatch")}
          options={Array.from({ length: rotationBatches }, (_, i) => ({ value: String(i + 1), label: t("posts.batchN", { batch: i + 1 }) }))}
          {...register("rotationBatch", asNumber)}
        />
        <TextField label={t("form.description")} maxLength={2000} error={err("description")} {...register("description")} className="md:col-span-2" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t("form.saving") : postId ? t("form.save") : t("posts.add")}
        </Button>
        {postId ? (
          <Link href={`/programs/${programId}/posts`} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
            {t("form.cancel")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
