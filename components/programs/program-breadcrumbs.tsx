import { getTranslations } from "next-intl/server";
import { Breadcrumbs, type Crumb } from "@/components/ui/breadcrumbs";
import type { Role } from "@/lib/generated/prisma/enums";
import { navLabelFor } from "@/lib/navigation";

/** 项目管理 / <programme> / …: the way back from a page inside a programme, the first crumb named as the role's menu names it. */
export async function ProgramBreadcrumbs({ role, program, trail }: { role: Role; program: { id: string; name: string }; trail: Crumb[] }) {
  const tNav = await getTranslations("nav");
  const programsKey = navLabelFor("/programs", role);
  return <Breadcrumbs trail={[{ label: tNav(programsKey as "programs"), href: "/programs" }, { label: program.name, href: `/programs/${program.id}` }, ...trail]} />;
}
