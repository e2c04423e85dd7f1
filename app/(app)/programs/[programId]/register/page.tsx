import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostPicker } from "@/components/applications/post-picker";
import { SubmissionForm } from "@/components/applications/submission-form";
import { SubmissionHeader } from "@/components/applications/submission-header";
import { VerdictPanel } from "@/components/applications/verdict-panel";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { existingApplications, ownVerdictForPost, registrationWindow } from "@/lib/server/nomination-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { listPosts } from "@/lib/server/posts";
import { getProgram } from "@/lib/server/programs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications");
  return { title: t("register.title") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length > 0 && v.length <= 64 ? v : undefined);

// A doctor registers themself for a post: pick it, see their own verdict, give the reason if they do
// not surely meet the conditions, submit. Their unit then endorses (or declines) before vetting.
export default async function RegisterPage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope, user } = await requirePermission("application.register");
  const [{ programId }, search] = await Promise.all([params, searchParams]);
  const program = await getProgram(prisma, scope, programId);
  if (!program || !scope.user.doctorId) notFound();
  const [posts, window, existing, t, tStatus] = await Promise.all([
    listPosts(prisma, scope, program.id),
    registrationWindow(prisma, scope, program.id),
    existingApplications(prisma, scope, program.id, [scope.user.doctorId]),
    getTranslations("applications"),
    getTranslations("applicationStatus"),
  ]);
  const post = posts.find((p) => p.id === one(search.postId));
  const evaluation = post ? await ownVerdictForPost(prisma, scope, post.id) : null;
  const mine = existing.get(scope.user.doctorId);
  const live = mine?.isLive;

  return (
    <div className="flex flex-col gap-6">
      <SubmissionHeader role={scope.user.role} mode="register" programId={program.id} programName={program.name} window={window} />
      {mine ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {live ? t("register.already", { post: mine.postTitle }) : t("register.previous", { post: mine.postTitle, status: tStatus(mine.status) })}{" "}
          <Link href={`/applications/${mine.id}`} className="text-brand-700 underline">
            {t("pick.openApplication")}
          </Link>
        </p>
      ) : null}

      {live ? null : (
        <>
          <Card title={t("pick.postStep")}>
            <PostPicker posts={posts} selectedId={post?.id} quotas={[]} hrefFor={(postId) => `/programs/${program.id}/register?postId=${encodeURIComponent(postId)}`} />
          </Card>
          <Card title={t("pick.registerStep")}>
            {post && evaluation ? (
              <div className="flex flex-col gap-4">
                <VerdictPanel evaluation={evaluation} doctorName={user.displayName} postTitle={post.title} />
                <SubmissionForm key={post.id} mode="register" postId={post.id} verdict={evaluation.verdict} />
              </div>
            ) : (
              <p className="text-sm text-slate-500">{t("pick.choosePostFirst")}</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
