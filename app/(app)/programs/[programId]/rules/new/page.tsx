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
  return { title: t("newTitle") };
}

export default async function NewRulePage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<{ postId?: string }> }) {
  const { scope } = await requirePermission("program.manage");
  const [{ programId }, { postId }] = await Promise.all([params, searchParams]);
  const data = await listProgramRules(prisma, scope, programId);
  if (!data) notFound();
  if (!can(scope, "program.manage", { organizationId: data.program.bureauId })) forbidden();
  const defaultPostId = data.posts.some((p) => p.id === postId) ? postId : undefined;
  return <RuleEditorPage role={scope.user.role} data={data} rule={null} defaultPostId={defaultPostId} />;
}
