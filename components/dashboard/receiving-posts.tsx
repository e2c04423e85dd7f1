import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { Dashboard } from "@/lib/server/dashboard";

export async function ReceivingPosts({ posts }: { posts: NonNullable<Dashboard["receivingPosts"]> }) {
  const t = await getTranslations("dashboard");
  if (posts.length === 0) return <EmptyState>{t("noReceivingPosts")}</EmptyState>;
  return (
    <Table caption={t("receivingPosts")} head={[t("program"), t("postTitle"), t("specialty"), t("batch"), t("headcount")]}>
      {posts.map((p) => (
        <tr key={p.id}>
          <Td>{p.programName}</Td>
          <Td className="font-medium">{p.title}</Td>
          <Td>{p.specialty}</Td>
          <Td>{t("batchN", { n: p.rotationBatch })}</Td>
          <Td className="tabular-nums">{p.headcount}</Td>
        </tr>
      ))}
    </Table>
  );
}
