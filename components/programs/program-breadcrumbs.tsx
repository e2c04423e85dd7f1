import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import type { Crumb } from "@/components/ui/breadcrumbs";
import type { Role } from "@/lib/generated/prisma/enums";

/** 项目管理 / <programme> / …: the way back from a page inside a programme, the first crumb named as the role's menu names it. */
export async function ProgramBreadcrumbs({ role, program, trail }: { role: Role; program: { id: string; name: string }; trail: Crumb[] }) {
  return <AreaBreadcrumbs role={role} area="/programs" trail={[{ label: program.name, href: `/programs/${program.id}` }, ...trail]} />;
}
