"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { applyTemplateAction } from "@/lib/actions/allowances";
import { POLICY_TEMPLATES } from "@/lib/schemas/allowances";
import { useFeedback } from "@/lib/forms/feedback";

/** Seed 000's and seed 001's items as starting points, each added after a confirmation. */
export function TemplateApply({ programId }: { programId: string }) {
  const t = useTranslations("allowances");
  const router = useRouter();
  const { read } = useFeedback("allowances");
  const [message, setMessage] = useState<{ error?: string | null; success?: string | null }>({});

  async function apply(template: (typeof POLICY_TEMPLATES)[number]) {
    setMessage({});
    const result = await applyTemplateAction({ programId, template });
    if (result?.data) {
      setMessage({ success: t("policy.applied", { added: result.data.added, created: result.data.created }) });
      router.refresh();
      return;
    }
    setMessage({ error: read(result).form });
  }

  return (
    <div className="flex flex-col gap-3">
      <FormMessages error={message.error} success={message.success} />
      <p className="text-sm text-slate-600">{t("policy.templatesHint")}</p>
      <ul className="flex flex-col gap-3">
        {POLICY_TEMPLATES.map((template) => (
          <li key={template} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 sm:flex-row sm:items-center sm:justify-between">
            <span className="text-sm text-slate-800">{t(`templates.${template}`)}</span>
            <ConfirmDialog
              trigger={
                <Button type="button" variant="secondary" className="shrink-0">
                  {t("policy.apply")}
                </Button>
              }
              title={t("policy.applyConfirmTitle", { template: t(`templates.${template}`) })}
              description={t("policy.applyConfirmDescription")}
              confirmLabel={t("policy.apply")}
              tone="primary"
              onConfirm={() => apply(template)}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
