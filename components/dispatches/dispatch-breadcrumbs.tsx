import { getTranslations } from "next-intl/server";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import type { Crumb } from "@/components/ui/breadcrumbs";
import type { Role } from "@/lib/generated/prisma/enums";

/** 派驻管理 / 张三的派驻 / 请假: the way back from a page inside one dispatch, named by its doctor, the first crumb as the role's menu names the area. */
export async function DispatchBreadcrumbs({ role, dispatch, trail }: { role: Role; dispatch: { id: string; doctorName: string }; trail: Crumb[] }) {
  const t = await getTranslations("leave");
  const own: Crumb = { label: t("breadcrumb.dispatch", { doctor: dispatch.doctorName }), ...(trail.length ? { href: `/dispatches/${dispatch.id}` } : {}) };
  return <AreaBreadcrumbs role={role} area="/dispatches" trail={[own, ...trail]} />;
}
