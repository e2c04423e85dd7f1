import { getTranslations } from "next-intl/server";
import { Breadcrumbs, type Crumb } from "@/components/ui/breadcrumbs";
import type { Role } from "@/lib/generated/prisma/enums";
import { navLabelFor } from "@/lib/navigation";

/** 医生管理 / 新增医生: the way back from a page inside a menu area, the first crumb named as the role's menu names the area. */
export async function AreaBreadcrumbs({ role, area, trail }: { role: Role; area: string; trail: Crumb[] }) {
  const tNav = await getTranslations("nav");
  return <Breadcrumbs trail={[{ label: tNav(navLabelFor(area, role) as "programs"), href: area }, ...trail]} />;
}
