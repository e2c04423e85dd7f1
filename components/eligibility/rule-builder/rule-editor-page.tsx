import { getTranslations } from "next-intl/server";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import type { Role } from "@/lib/generated/prisma/enums";
import { Card } from "@/components/ui/card";
import type { ProgramRules, RuleRow } from "@/lib/server/eligibility-rules";
import { RuleEditor } from "./rule-editor";

/** The editor page's body, for a new rule or an existing one (server component). */
export async function RuleEditorPage({ role, data, rule, defaultPostId, justSaved }: { role: Role; data: ProgramRules; rule: RuleRow | null; defaultPostId?: string; justSaved?: boolean }) {
  const t = await getTranslations("rules");
  const base = `/programs/${data.program.id}/rules`;
  const specialties = [...new Set(data.posts.map((p) => p.specialty))];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <ProgramBreadcrumbs role={role} program={data.program} trail={[{ label: t("title"), href: base }, { label: rule ? t("editTitle") : t("newTitle") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{rule ? t("editTitle") : t("newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-500">{data.program.name}</p>
      </div>
      {!data.program.isEditable ? <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("errors.programLocked")}</p> : null}
      <Card>
        <RuleEditor
          programId={data.program.id}
          rule={rule ? { id: rule.id, name: rule.name, postId: rule.postId, version: rule.version, tree: rule.tree } : null}
          posts={data.posts.map((p) => ({ id: p.id, label: t("list.postTitle", { title: p.title, batch: p.rotationBatch, org: p.receivingOrgName }) }))}
          context={{ specialties, cutoffs: data.cutoffs }}
          defaultPostId={defaultPostId}
          justSaved={justSaved}
        />
      </Card>
    </div>
  );
}
