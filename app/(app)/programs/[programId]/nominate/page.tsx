import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DoctorPicker } from "@/components/applications/doctor-picker";
import { PostPicker } from "@/components/applications/post-picker";
import { SubmissionForm } from "@/components/applications/submission-form";
import { SubmissionHeader } from "@/components/applications/submission-header";
import { VerdictPanel } from "@/components/applications/verdict-panel";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { applicationBlock } from "@/lib/domain/nomination-rules";
import { doctorListQuerySchema } from "@/lib/schemas/doctors";
import { quotaProgress } from "@/lib/server/application-queries";
import { getDoctor, listDoctors } from "@/lib/server/doctors";
import { evaluateDoctorForPost } from "@/lib/server/eligibility";
import { existingApplications, registrationWindow } from "@/lib/server/nomination-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { listPosts } from "@/lib/server/posts";
import { getProgram } from "@/lib/server/programs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications");
  return { title: t("nominate.title") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length > 0 && v.length <= 64 ? v : undefined);

// A nominating unit nominates one of its doctors to a post: pick the post (with the unit's quota),
// search and pick the doctor, see the verdict at once, give the reason if the doctor is not surely
// eligible, submit. The choices live in the URL; the server checks everything again on submit.
export default async function NominatePage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("application.nominate");
  const [{ programId }, search] = await Promise.all([params, searchParams]);
  const program = await getProgram(prisma, scope, programId);
  if (!program) notFound();
  const query = doctorListQuerySchema.parse({ q: search.q, page: search.page });
  const [posts, quotas, window, doctors, t] = await Promise.all([
    listPosts(prisma, scope, program.id),
    quotaProgress(prisma, scope, program.id),
    registrationWindow(prisma, scope, program.id),
    listDoctors(prisma, scope, query),
    getTranslations("applications"),
  ]);
  const post = posts.find((p) => p.id === one(search.postId));
  const doctorId = one(search.doctorId);
  const doctor = doctorId ? await getDoctor(prisma, scope, doctorId) : null;
  const existing = await existingApplications(prisma, scope, program.id, [...doctors.rows.map((d) => d.id), ...(doctor ? [doctor.id] : [])]);
  const evaluation = post && doctor ? await evaluateDoctorForPost(prisma, scope, { postId: post.id, doctorId: doctor.id }) : null;
  // One live application per doctor and programme; an ended one blocks only its own post.
  const previous = doctor ? existing.get(doctor.id) : undefined;
  const taken = previous && applicationBlock([previous], post?.id) ? previous : undefined;

  const base = `/programs/${program.id}/nominate`;
  // A choice reloads the page scrolled to the step that follows it.
  const href = (values: Record<string, string | undefined>, anchor: string) => `${base}?${new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]))}#${anchor}`;

  return (
    <div className="flex flex-col gap-6">
      <SubmissionHeader role={scope.user.role} mode="nominate" programId={program.id} programName={program.name} window={window} />

      <Card title={t("pick.postStep")}>
        <PostPicker posts={posts} selectedId={post?.id} quotas={quotas} hrefFor={(postId) => href({ postId, doctorId: doctor?.id, q: query.q }, doctor ? "submit-step" : "doctor-step")} />
      </Card>

      <div id="doctor-step" className="scroll-mt-4">
        <Card title={t("pick.doctorStep")}>
          <DoctorPicker
            page={doctors}
            q={query.q}
            selectedId={doctor?.id}
            existing={existing}
            hrefFor={(id) => href({ postId: post?.id, doctorId: id, q: query.q, page: query.page > 1 ? String(query.page) : undefined }, "submit-step")}
            keep={{ postId: post?.id, doctorId: doctor?.id }}
          />
        </Card>
      </div>

      <div id="submit-step" className="scroll-mt-4">
        <Card title={t("pick.submitStep")}>
          {!post || !doctor ? (
            <p className="text-sm text-slate-500">{t(post ? "pick.chooseDoctorFirst" : "pick.choosePostFirst")}</p>
          ) : taken ? (
            <p className="text-sm text-slate-700">
              {t("pick.doctorTaken", { name: doctor.name, post: taken.postTitle })}{" "}
              <Link href={`/applications/${taken.id}`} className="text-brand-700 underline">
                {t("pick.openApplication")}
              </Link>
            </p>
          ) : (
            <div className="flex flex-col gap-4">
              <VerdictPanel evaluation={evaluation!} doctorName={doctor.name} postTitle={post.title} />
              <SubmissionForm key={`${post.id}-${doctor.id}`} mode="nominate" postId={post.id} doctorId={doctor.id} verdict={evaluation!.verdict} />
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
