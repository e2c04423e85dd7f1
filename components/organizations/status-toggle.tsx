"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deactivateOrganizationAction, reactivateOrganizationAction } from "@/lib/actions/organizations";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";

/**
 * Deactivate or reactivate, after a confirmation. Nothing is ever deleted. When the server would
 * refuse (own organisation, active organisations under it) the button is replaced by the reason;
 * the server checks again anyway.
 */
export function StatusToggle({ id, name, isActive, isOwnOrganization, activeChildren }: { id: string; name: string; isActive: boolean; isOwnOrganization: boolean; activeChildren: number }) {
  const t = useTranslations("organizations");
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string } | null>(null);

  if (isActive && isOwnOrganization) return <p className="text-sm text-slate-600">{t("deactivate.blockedOwn")}</p>;
  if (isActive && activeChildren > 0) return <p className="text-sm text-slate-600">{t("deactivate.blockedChildren", { count: activeChildren })}</p>;

  const mode = isActive ? "deactivate" : "reactivate";
  async function onConfirm() {
    setMessage(null);
    const result = isActive ? await deactivateOrganizationAction({ id }) : await reactivateOrganizationAction({ id });
    if (result?.data) {
      setMessage({ tone: "ok", text: t(`${mode}.done`) });
      router.refresh();
    } else {
      setMessage({ tone: "error", text: serverErrorText(t as unknown as ErrorTranslator, result?.serverError) });
    }
  }

  return (
    <div className="flex flex-col items-start gap-2">
      <ConfirmDialog
        trigger={<Button variant="secondary" className={isActive ? "border-red-300 text-red-700 hover:bg-red-50" : undefined}>{t(`${mode}.button`)}</Button>}
        title={t(`${mode}.title`, { name })}
        description={t(`${mode}.description`)}
        confirmLabel={t(`${mode}.confirm`)}
        tone={isActive ? "danger" : "primary"}
        onConfirm={onConfirm}
      />
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
