import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteRuleButton } from "@/components/eligibility/rule-builder/delete-rule-button";
import { RuleTreeText } from "@/components/eligibility/rule-builder/rule-tree-text";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { Card, EmptyState } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { listProgramRules, type RuleRow } from "@/lib/server/eligibility-rules";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rules");
  return { title: t("title") };
}

// Everyone who may read the programme reads its rules as sentences; bureau staff of its bureau edit them.
export default async function ProgramRulesPage({ params }: { params: Promise<{ programId: string }> }) {
  const { scope } = await requirePermission("program.read");
  const { programId } = await params;
  const data = await listProgramRules(prisma, scope, programId);
  if (!data) notFound();
  const t = await getTranslations("rules");
  const canEdit = data.program.isEditable && can(scope, "program.manage", { organizationId: data.program.bureauId });
  const base = `/programs/${programId}/rules`;

  const ruleList = (rules: RuleRow[]) =>
    rules.length === 0 ? (
      <EmptyState>{t("list.none")}</EmptyState>
    ) : (
      <ul className="flex flex-col gap-4">
        {rules.map((rule) => (
          <li key={rule.id} className="rounded-md border border-slate-200 p-4" data-testid="rule">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <h3 className="font-medium text-slate-900">{rule.name}</h3>
              <div className="flex items-center gap-3">
                <span className="text-xs text-slate-500">{t("builder.version", { version: rule.version })}</span>
                {canEdit ? (
                  <>
                    <Link href={`${base}/${rule.id}`} className="text-sm text-brand-700 hover:underline">{t("list.edit")}</Link>
                    <DeleteRuleButton ruleId={rule.id} name={rule.name} />
                  </>
                ) : null}
              </div>
            </div>
            <div className="mt-2 text-sm text-slate-700">
              <RuleTreeText tree={rule.tree} />
            </div>
          </li>
        ))}
      </ul>
    );

  return (
    <div className="flex flex-col gap-6">
      <div>
        <ProgramBreadcrumbs role={scope.user.role} program={data.program} trail={[{ label: t("title") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        {!data.program.isEditable ? <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("errors.programLocked")}</p> : null}
      </div>
      <Card title={t("list.programWide")} action={canEdit ? <Link href={`${base}/new`} className="text-sm font-medium text-brand-700 hover:underline">{t("list.add")}</Link> : undefined}>
        {ruleList(data.rules.filter((r) => !r.postId))}
      </Card>
      {data.posts.map((post) => (
        <Card key={post.id} title={t("list.postTitle", { title: post.title, batch: post.rotationBatch, org: post.receivingOrgName })}
          action={canEdit ? <Link href={`${base}/new?postId=${post.id}`} className="text-sm font-medium text-brand-700 hover:underline">{t("list.add")}</Link> : undefined}>
          {ruleList(data.rules.filter((r) => r.postId === post.id))}
        </Card>
      ))}
    </div>
  );
}
