import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeadlinePanel } from "@/components/dashboard/deadline-panel";
import { DoctorPanel } from "@/components/dashboard/doctor-panel";
import { InboxPanel } from "@/components/dashboard/inbox-panel";
import { ProgramTable } from "@/components/dashboard/program-table";
import { ReceivingPosts } from "@/components/dashboard/receiving-posts";
import { Card, Stat } from "@/components/ui/card";
import { isBureauRole, serviceDesk } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { loadWorkbench } from "@/lib/server/dashboard";
import { loadScope } from "@/lib/server/scope";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

// Every role lands here: first the to-do inbox (what waits on the reader, lib/server/inbox.ts), then
// the role's own figures and lists, counted within its scope.
export default async function DashboardPage() {
  const user = await requireUser();
  const scope = await loadScope(user);
  const [{ dashboard: data, inbox }, t, tRoles] = await Promise.all([loadWorkbench(scope), getTranslations("dashboard"), getTranslations("roles")]);
  const desk = serviceDesk(scope);
  const programsTitle = isBureauRole(user.role) ? t("programs") : t("openPrograms");

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("greeting", { name: user.displayName })} · {t("scope", { organization: user.organizationName, role: tRoles(user.role) })}
        </p>
      </div>

      <InboxPanel inbox={inbox} />

      {/* The doctor's and the receiving unit's daily work lives in their own pages. */}
      {desk !== "lists" ? (
        <Link href={desk === "own" ? "/service" : "/receiving"} className="block rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-brand-800 hover:bg-brand-100">
          <span className="font-medium">{desk === "own" ? t("serviceLink") : t("receivingLink")}</span>
          <span className="block text-sm text-brand-700">{desk === "own" ? t("serviceLinkHint") : t("receivingLinkHint")}</span>
        </Link>
      ) : null}

      {data.stats.length > 0 ? (
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
          {data.stats.map((s) => (
            <Stat key={s.key} label={t(s.key)} value={s.value} hint={s.hintKey ? t(s.hintKey as "programsHint") : undefined} />
          ))}
        </dl>
      ) : null}

      {/* Bureaus always see the panel; units and doctors only when a registration closes soon. */}
      {data.deadlines && (isBureauRole(user.role) || data.deadlines.length > 0) ? <DeadlinePanel deadlines={data.deadlines} forBureau={isBureauRole(user.role)} /> : null}

      {data.doctor ? <DoctorPanel doctor={data.doctor} /> : null}

      {data.receivingPosts ? (
        <Card title={t("receivingPosts")}>
          <ReceivingPosts posts={data.receivingPosts} />
        </Card>
      ) : (
        <Card title={programsTitle}>
          <ProgramTable programs={data.programs} caption={programsTitle} empty={isBureauRole(user.role) ? t("noPrograms") : t("noOpenPrograms")} />
        </Card>
      )}
    </div>
  );
}
