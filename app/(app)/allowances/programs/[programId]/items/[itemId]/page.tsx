import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AllowanceBreadcrumb } from "@/components/allowances/breadcrumb";
import { ItemForm } from "@/components/allowances/item-form";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { yuanInputValue } from "@/lib/domain/money";
import { programAllowances } from "@/lib/server/allowance-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "../../../../../applications/[applicationId]/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allowances.policy");
  return { title: t("metaTitle") };
}

// Editing one item of the policy: the form with its values (the amount back in yuan); saving asks
// first and applies to lines not yet due.
export default async function EditItemPage({ params }: { params: Promise<{ programId: string; itemId: string }> }) {
  const { scope } = await requirePermission("allowance.manage");
  const { programId, itemId } = await params;
  const data = await orErrorPage(() => programAllowances(prisma, scope, programId));
  const item = data.items.find((i) => i.id === itemId);
  if (!item || !data.can.manage) notFound();
  const t = await getTranslations("allowances");
  return (
    <div className="flex flex-col gap-6">
      <AllowanceBreadcrumb trail={[{ label: t("breadcrumb.programs") }, { label: data.program.name, href: `/allowances/programs/${programId}` }, { label: item.name }]} />
      <h1 className="text-2xl font-semibold text-slate-900">{t("policy.editTitle", { name: item.name })}</h1>
      <Card>
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("policy.editHint")}</p>
        <ItemForm
          programId={programId}
          item={{
            id: item.id,
            version: item.version,
            values: { name: item.name, kind: item.kind, amountYuan: yuanInputValue(item.amountFen), payer: item.payer, payee: item.payee, startsAt: item.startsAt, note: item.note ?? "", isActive: item.isActive },
          }}
        />
      </Card>
    </div>
  );
}
