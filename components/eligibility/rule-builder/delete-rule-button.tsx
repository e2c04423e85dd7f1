"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteRuleAction } from "@/lib/actions/eligibility-rules";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { readActionResult } from "@/lib/forms/feedback";

export function DeleteRuleButton({ ruleId, name }: { ruleId: string; name: string }) {
  const t = useTranslations("rules");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={<button type="button" className="text-sm text-red-700 hover:underline">{t("list.delete")}</button>}
        title={t("list.deleteTitle")}
        description={t("list.deleteDescription", { name })}
        confirmLabel={t("list.delete")}
        onConfirm={async () => {
          const result = await deleteRuleAction({ id: ruleId });
          const feedback = readActionResult(result ?? {});
          if (feedback.ok) {
            setError(null);
            router.refresh();
            return;
          }
          const message = result?.serverError?.message;
          setError(message === "programLocked" ? t("errors.programLocked") : t(`errors.${feedback.errorCode}`));
        }}
      />
      {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
    </>
  );
}
