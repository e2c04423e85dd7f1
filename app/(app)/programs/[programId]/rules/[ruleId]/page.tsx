import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden, notFound } from "next/navigation";
import { RuleEditorPage } from "@/components/eligibility/rule-builder/rule-editor-page";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { listProgramRules } from "@/lib/server/eligibility-rules";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rules");
  return { title: t("editTitle") };
}

export default async function EditRulePage({ params, searchParams }: { params: Promise<{ programId: string; ruleId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { scope } = await requirePermission("program.manage");
  const [{ programId, ruleId }, { saved }] = await Promise.all([params, searchParams]);
  const data = await listProgramRules(prisma, scope, programId);
  const rule = data?.rules.find((r) => r.id === ruleId);
  if (!data || !rule) notFound();
  if (!can(scope, "program.manage", { organizationId: data.program.bureauId })) forbidden();
  return <RuleEditorPage role={scope.user.role} data={data} rule={rule} justSaved={saved === "1"} />;
}
