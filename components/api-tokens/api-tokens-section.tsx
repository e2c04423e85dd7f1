"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Ban } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { issueApiTokenAction, revokeApiTokenAction } from "@/lib/actions/api-tokens";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { errorCodeKey, readActionResult } from "@/lib/forms/feedback";
import { OneTimePassword } from "@/components/users/one-time-password";
import { issueApiTokenSchema, type IssueApiTokenInput } from "@/lib/schemas/api-tokens";

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  /** Already formatted in Beijing time by the page. */
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  status: "active" | "expired" | "revoked";
}

const statusTone = { active: "success", expired: "warning", revoked: "neutral" } as const;

/** The account page's "API tokens": issue one (its secret shown once), list them, revoke with a confirmation. */
export function ApiTokensSection({ userId, tokens }: { userId: string; tokens: ApiTokenView[] }) {
  const t = useTranslations("apiTokens");
  const tCommon = useTranslations();
  const router = useRouter();
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<IssueApiTokenInput>({ resolver: zodResolver(issueApiTokenSchema), defaultValues: { userId, name: "", expiresOn: "" } });
  const err = (key?: string) => (key ? t(`errors.${key}` as "errors.invalid") : undefined);

  async function onSubmit(values: IssueApiTokenInput) {
    setMessage(null);
    setIssued(null);
    const result = await issueApiTokenAction(values);
    const feedback = readActionResult(result);
    if (feedback.ok && result.data) {
      setIssued({ name: values.name, token: result.data.token });
      reset({ userId, name: "", expiresOn: "" });
      router.refresh();
      return;
    }
    if (feedback.ok) return;
    for (const [field, keys] of Object.entries(feedback.fieldErrors)) setError(field as keyof IssueApiTokenInput, { message: keys[0] });
    if (Object.keys(feedback.fieldErrors).length === 0) setMessage({ ok: false, text: tCommon(errorCodeKey(feedback.errorCode)) });
  }

  async function revoke(id: string) {
    setMessage(null);
    const feedback = readActionResult(await revokeApiTokenAction({ id }));
    setMessage(feedback.ok ? { ok: true, text: t("revoked") } : { ok: false, text: tCommon(errorCodeKey(feedback.errorCode)) });
    if (feedback.ok) router.refresh();
  }

  return (
    <div className="flex flex-col gap-5">
      <p className="text-sm text-slate-600">{t("description")}</p>
      {issued ? (
        <OneTimePassword title={t("issuedTitle", { name: issued.name })} password={issued.token} text={{ description: t("oneTime.description"), label: t("oneTime.label"), copyFailed: t("oneTime.copyFailed") }} />
      ) : null}
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-start">
        <input type="hidden" {...register("userId")} />
        <TextField label={t("name")} autoComplete="off" maxLength={100} error={err(errors.name?.message)} {...register("name")} />
        <div className="flex flex-col gap-1">
          <TextField type="date" label={t("expiresOn")} error={err(errors.expiresOn?.message)} {...register("expiresOn")} />
          <p className="text-xs text-slate-500">{t("expiresHint")}</p>
        </div>
        <Button type="submit" disabled={isSubmitting} className="sm:mt-7">
          {t("issue")}
        </Button>
      </form>
      <p aria-live="polite" className={message ? (message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700") : "sr-only"}>
        {message?.text ?? null}
      </p>
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <Table
          caption={t("caption")}
          head={[t("columns.name"), t("columns.prefix"), t("columns.createdAt"), t("columns.lastUsedAt"), t("columns.expiresAt"), t("columns.status"), t("columns.actions")]}
        >
          {tokens.map((token) => (
            <tr key={token.id}>
              <Td className="break-words">{token.name}</Td>
              <Td className="whitespace-nowrap font-mono">{token.prefix}…</Td>
              <Td>{token.createdAt}</Td>
              <Td>{token.lastUsedAt ?? t("never")}</Td>
              <Td>{token.expiresAt ?? t("noExpiry")}</Td>
              <Td className="whitespace-nowrap">
                <Badge tone={statusTone[token.status]}>{t(`status.${token.status}`)}</Badge>
              </Td>
              <Td>
                {token.status === "revoked" ? null : (
                  <ConfirmDialog
                    tone="danger"
                    trigger={
                      <button type="button" className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-red-700 hover:bg-red-50">
                        <Ban aria-hidden className="h-4 w-4" />
                        {t("revoke")}
                      </button>
                    }
                    title={t("revokeTitle", { name: token.name })}
                    description={t("revokeDescription")}
                    confirmLabel={t("revoke")}
                    onConfirm={() => revoke(token.id)}
                  />
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
