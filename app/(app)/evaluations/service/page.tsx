import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { prisma } from "@/lib/db";
import { requirePermission } from "@/lib/server/page-guard";
import { listServiceEvaluations } from "@/lib/server/service-evaluations";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.service");
  return { title: t("title") };
}

// The end-of-service forms the caller may see; bureau staff also see the dispatches ending without one.
export default async function ServiceEvaluationsPage() {
  const { scope } = await requirePermission("evaluation.read");
  const [rows, t, te] = await Promise.all([listServiceEvaluations(prisma, scope), getTranslations("evaluations.service"), getTranslations("evaluations")]);
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={te("breadcrumb")} className="text-sm">
        <Link href="/evaluations" className="text-brand-700 hover:underline">
          {te("title")}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("listIntro")}</p>
      </div>
      <Card>
        {rows.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <Table caption={t("title")} head={[t("doctor"), t("receivingOrg"), t("lastDay"), t("state"), ""]}>
            {rows.map((r) => (
              <tr key={r.dispatchId}>
                <Td className="whitespace-nowrap font-medium text-slate-900">{r.doctorName}</Td>
                <Td>
                  <span className="block">{r.receivingOrg}</span>
                  <span className="block text-slate-500">{r.programName}</span>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{r.lastDay}</Td>
                <Td className="whitespace-nowrap">
                  <Badge tone={r.status === "ISSUED" ? (r.result === "PASS" ? "success" : "danger") : r.status ? "warning" : "neutral"}>
                    {r.status === "ISSUED" && r.result ? t(`result.${r.result}`) : t(`status.${r.status ?? "NONE"}`)}
                  </Badge>
                </Td>
                <Td>
                  <Link href={`/evaluations/service/${r.dispatchId}`} className="whitespace-nowrap text-brand-700 hover:underline">
                    {r.status ? t("view") : t("open")}
                    <span className="sr-only"> {r.doctorName}</span>
                  </Link>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
