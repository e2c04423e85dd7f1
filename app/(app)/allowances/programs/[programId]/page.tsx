import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AllowanceBreadcrumb } from "@/components/allowances/breadcrumb";
import { formatYuan } from "@/components/allowances/format";
import { ItemForm } from "@/components/allowances/item-form";
import { TemplateApply } from "@/components/allowances/template-apply";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { prisma } from "@/lib/db";
import { programAllowances } from "@/lib/server/allowance-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "../../../applications/[applicationId]/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allowances.policy");
  return { title: t("metaTitle") };
}

// A programme's allowance policy: its items (kind, amount, payer, payee, start) with what has been
// paid and is unpaid on each; the bureau's staff add items, from seed 000's or 001's template too,
// and edit them (lines not yet due follow, audited).
export default async function PolicyPage({ params }: { params: Promise<{ programId: string }> }) {
  const { scope } = await requirePermission("allowance.read");
  const { programId } = await params;
  const data = await orErrorPage(() => programAllowances(prisma, scope, programId));
  const t = await getTranslations("allowances");
  const { program, items } = data;

  return (
    <div className="flex flex-col gap-6">
      <AllowanceBreadcrumb trail={[{ label: t("breadcrumb.programs") }, { label: program.name }]} />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("policy.title", { program: program.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("policy.subtitle", { bureau: program.bureau.name, dispatches: data.dispatchCount })}</p>
      </div>
      <Card title={t("policy.items")}>
        {items.length === 0 ? (
          <EmptyState>{t("policy.empty")}</EmptyState>
        ) : (
          <Table
            caption={t("policy.items")}
            minWidth="min-w-[60rem]"
            stickyFirst
            head={[t("policy.columns.name"), t("policy.columns.kind"), t("policy.columns.amount"), t("policy.columns.payer"), t("policy.columns.payee"), t("policy.columns.startsAt"), t("policy.columns.paid"), t("policy.columns.unpaid"), ...(data.can.manage ? [t("policy.columns.actions")] : [])]}
          >
            {items.map((i) => (
              <tr key={i.id} data-testid="policy-item">
                <Td className="min-w-[7rem] max-w-[10rem] font-medium text-slate-900 sm:max-w-none">
                  {i.name} {i.isActive ? null : <Badge>{t("policy.retired")}</Badge>}
                  {i.note ? <p className="text-xs font-normal text-slate-500">{i.note}</p> : null}
                </Td>
                <Td>{t(`kinds.${i.kind}`)}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {formatYuan(i.amountFen)}
                  {i.kind === "MONTHLY" ? <span className="text-xs text-slate-500"> / {t("policy.monthlyNote")}</span> : null}
                </Td>
                <Td>{t(`payers.${i.payer}`)}</Td>
                <Td>{t(`payees.${i.payee}`)}</Td>
                <Td>{t(`starts.${i.startsAt}`)}</Td>
                <Td className="text-right tabular-nums">{formatYuan(i.totals.paidFen)}</Td>
                <Td className="text-right tabular-nums">{formatYuan(i.totals.unpaidFen)}</Td>
                {data.can.manage ? (
                  <Td>
                    <Link href={`/allowances/programs/${program.id}/items/${i.id}`} className="text-brand-700 hover:underline">
                      {t("policy.edit")}
                    </Link>
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
        <p className="mt-3 text-xs text-slate-500">{t("rule")}</p>
      </Card>
      {data.can.manage ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("policy.newTitle")}>
            <ItemForm programId={program.id} />
          </Card>
          <Card title={t("policy.templatesTitle")}>
            <TemplateApply programId={program.id} />
          </Card>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("policy.readOnly")}</p>
      )}
    </div>
  );
}
