"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applySavedLocale } from "@/lib/actions/preferences";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signInErrorCode, type SignInErrorCode } from "@/lib/auth/sign-in-errors";
import { loginSchema, type LoginInput } from "@/lib/schemas/auth";

export function LoginForm({ notice, initialError }: { notice?: string; initialError?: SignInErrorCode | null }) {
  const t = useTranslations("auth");
  // Each code of the fixed set in words: "unavailable" is never shown as "wrong password".
  const signInErrorText = (code: SignInErrorCode) =>
    code === "TooManyAttempts" ? t("tooMany") : code === "ServiceUnavailable" ? t("unavailable") : code === "SessionRequired" ? t("sessionRequired") : t("failed");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError ? signInErrorText(initialError) : null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { username: "", password: "" } });

  async function onSubmit(values: LoginInput) {
    setFormError(null);
    try {
      // next-auth's client is loaded on the first submit, not with the page (issue 17: first-load JavaScript).
      const { signIn } = await import("next-auth/react");
      const result = await signIn("credentials", { ...values, redirect: false });
      if (!result || result.error) {
        setFormError(signInErrorText(result?.status === 429 ? "TooManyAttempts" : signInErrorCode(result?.error) ?? "CredentialsSignin"));
        return;
      }
      await applySavedLocale();
      router.replace("/");
      router.refresh();
    } catch {
      setFormError(t("unavailable"));
    }
  }

  const fieldError = (key?: string) => (key ? t(key as "usernameRequired" | "passwordRequired" | "invalidCharacters") : undefined);

  return (
    <form method="post" action="/login" onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-4" aria-describedby={formError ? "login-error" : undefined}>
      {notice && !formError ? (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {notice}
        </p>
      ) : null}
      {formError ? (
        <p id="login-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <TextField label={t("username")} autoComplete="username" autoFocus error={fieldError(errors.username?.message)} {...register("username")} />
      <TextField label={t("password")} type="password" autoComplete="current-password" error={fieldError(errors.password?.message)} {...register("password")} />
      <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting} className="mt-2 py-2.5">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
