"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { changePasswordAction } from "@/lib/actions/passwords";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { makeChangePasswordSchema, type ChangePasswordInput } from "@/lib/schemas/users";
import { errorCodeKey, readActionResult } from "@/lib/forms/feedback";
import type { CHANGE_PASSWORD_ERROR_KEYS } from "@/lib/schemas/users";
import { FormMessages } from "@/components/ui/form-messages";

/** The form's words, worded by the page: its labels, each error key it can show (users.errors) and the form-level sentences (errors). */
export interface ChangePasswordWords {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  submit: string;
  submitting: string;
  fields: Record<(typeof CHANGE_PASSWORD_ERROR_KEYS)[number], string>;
  form: Record<"generic" | "forbidden" | "notFound" | "validation", string>;
}

/**
 * The password change. Its words come from the page (not a message namespace in the browser): this is
 * the page every user with a pending change lands on, kept as light as the shell (issue 17).
 */
export function ChangePasswordForm({ username, words }: { username: string; words: ChangePasswordWords }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => makeChangePasswordSchema(username), [username]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({ resolver: zodResolver(schema), criteriaMode: "all", defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const err = (key?: string) => (key ? (words.fields[key as keyof ChangePasswordWords["fields"]] ?? words.form.generic) : undefined);
  // Every rule the new password breaks, not only the first: the user fixes them in one go.
  const newPasswordKeys = [
    ...new Set([errors.newPassword?.message, ...Object.values(errors.newPassword?.types ?? {}).flat()].filter((k): k is string => typeof k === "string" && k.length > 0)),
  ];

  async function onSubmit(values: ChangePasswordInput) {
    setFormError(null);
    const result = await changePasswordAction(values);
    const feedback = readActionResult(result);
    if (feedback.ok) {
      router.replace("/");
      router.refresh();
      return;
    }
    for (const [field, keys] of Object.entries(feedback.fieldErrors)) {
      setError(field as keyof ChangePasswordInput, { message: keys[0], types: Object.fromEntries(keys.map((k, i) => [`server${i}`, k])) });
    }
    if (Object.keys(feedback.fieldErrors).length === 0) setFormError(words.form[errorCodeKey(feedback.errorCode).slice("errors.".length) as keyof ChangePasswordWords["form"]]);
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4">
      <FormMessages error={formError} />
      {/* The user name, for password managers to file the new password under. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField label={words.currentPassword} type="password" autoComplete="current-password" autoFocus error={err(errors.currentPassword?.message)} {...register("currentPassword")} />
      <TextField label={words.newPassword} type="password" autoComplete="new-password" error={newPasswordKeys.length ? newPasswordKeys.map((k) => err(k)).join(" ") : undefined} {...register("newPassword")} />
      <TextField label={words.confirmPassword} type="password" autoComplete="new-password" error={err(errors.confirmPassword?.message)} {...register("confirmPassword")} />
      <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting} className="mt-1 py-2.5">
        {isSubmitting ? words.submitting : words.submit}
      </Button>
    </form>
  );
}
