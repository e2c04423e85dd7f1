import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeletePostButton, QuotaEditor } from "@/components/programs/post-actions";
import { PostForm } from "@/components/programs/post-form";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { arePostsEditable } from "@/lib/domain/program-status";
import { listNominatingUnits, listPosts, listReceivingOrganizations } from "@/lib/server/posts";
import { getProgram } from "@/lib/server/programs";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programsAdmin");
  return { title: t("posts.title") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 64 ? v : undefined);

// The posts of one programme. Readers see the list; the owning bureau's admins and staff add, edit and
// delete posts and set quotas while the programme is a draft or open (?edit=<post>, ?quotas=<post>).
export default async function ProgramPostsPage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("program.read");
  const [{ programId }, search] = await Promise.all([params, searchParams]);
  const program = await getProgram(prisma, scope, programId);
  if (!program) notFound();
  const canEdit = can(scope, "program.manage", { organizationId: program.bureauId }) && arePostsEditable(program.status);
  const canScreen = can(scope, "eligibility.screen");
  const posts = await listPosts(prisma, scope, program.id);
  const editing = canEdit ? posts.find((p) => p.id === one(search.edit)) : undefined;
  const quotaPost = canEdit ? posts.find((p) => p.id === one(search.quotas)) : undefined;
  const [t, receivingOrgs, units] = await Promise.all([
    getTranslations("programsAdmin"),
    canEdit ? listReceivingOrganizations(prisma, scope, undefined, editing?.receivingOrgId) : Promise.resolve([]),
    quotaPost ? listNominatingUnits(prisma, scope, program.id) : Promise.resolve([]),
  ]);
  const base = `/programs/${program.id}/posts`;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <ProgramBreadcrumbs role={scope.user.role} program={program} trail={[{ label: t("posts.title") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("posts.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("summary.postsLine", { posts: program.postCount, headcount: program.headcount, applications: program.applicationCount })}</p>
      </div>
      {!canEdit && can(scope, "program.manage", { organizationId: program.bureauId }) ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("errors.postsLocked")}</p> : null}

      <Card>
        {posts.length === 0 ? (
          <EmptyState>{t("posts.empty")}</EmptyState>
        ) : (
          <Table caption={t("posts.title")} head={[t("posts.postTitle"), t("posts.receivingOrg"), t("posts.headcount"), t("posts.batch"), t("posts.quotas"), t("posts.applications"), t("posts.actions")]}>
            {posts.map((p) => (
              <tr key={p.id} className={p.id === editing?.id || p.id === quotaPost?.id ? "bg-brand-50/50" : undefined}>
                <Td className="font-medium text-slate-900">
                  {p.title}
                  <span className="block text-xs font-normal text-slate-500">{p.specialty}</span>
                </Td>
                <Td>{p.receivingOrgName}</Td>
                <Td className="tabular-nums">{p.headcount}</Td>
                <Td className="tabular-nums">{t("posts.batchN", { batch: p.rotationBatch })}</Td>
                <Td>{p.quotas.length ? t("posts.quotaSummary", { units: p.quotas.length, total: p.quotas.reduce((s, q) => s + q.minimum, 0) }) : "—"}</Td>
                <Td className="tabular-nums">{p.applicationCount}</Td>
                <Td>
                  <span className="flex flex-wrap gap-x-3 gap-y-1">
                    {canScreen ? (
                      <Link href={`/programs/${program.id}/posts/${p.id}/screening`} className="text-brand-700 hover:underline">
                        {t("posts.screening")}
                      </Link>
                    ) : null}
                    {canEdit ? (
                      <>
                        <Link href={`${base}?edit=${p.id}`} className="text-brand-700 hover:underline">
                          {t("posts.edit")}
                        </Link>
                        <Link href={`${base}?quotas=${p.id}`} className="text-brand-700 hover:underline">
                          {t("posts.setQuotas")}
                        </Link>
                        {program.status === "DRAFT" && p.applicationCount === 0 ? <DeletePostButton postId={p.id} title={p.title} /> : null}
                      </>
                    ) : null}
                  </span>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      {quotaPost ? (
        <Card title={t("quotas.title", { title: quotaPost.title, batch: quotaPost.rotationBatch })}>
          <QuotaEditor key={quotaPost.id} postId={quotaPost.id} units={units} quotas={Object.fromEntries(quotaPost.quotas.map((q) => [q.nominatingOrgId, q.minimum]))} />
        </Card>
      ) : null}

      {canEdit ? (
        <Card title={editing ? t("posts.editTitle", { title: editing.title }) : t("posts.newTitle")}>
          <PostForm
            key={editing?.id ?? "new"}
            programId={program.id}
            postId={editing?.id}
            version={editing?.version}
            rotationBatches={program.rotationBatches}
            receivingOrgs={receivingOrgs}
            defaultValues={
              editing
                ? { programId: program.id, receivingOrgId: editing.receivingOrgId, title: editing.title, specialty: editing.specialty, headcount: editing.headcount, rotationBatch: editing.rotationBatch, description: editing.description ?? "" }
                : { programId: program.id, receivingOrgId: "", title: "", specialty: "", headcount: 1, rotationBatch: 1, description: "" }
            }
          />
        </Card>
      ) : null}
    </div>
  );
}
