import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DispatchStatus } from "@/lib/generated/prisma/enums";

const tone = { PLANNED: "info", ACTIVE: "success", COMPLETED: "neutral", TERMINATED: "warning", CANCELLED: "neutral" } as const;

export function DispatchStatusBadge({ status }: { status: DispatchStatus }) {
  const t = useTranslations("dispatches.status");
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}
