import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { LeaveStatusName } from "@/lib/domain/leave-rules";

const TONES = { PENDING_SUPERVISOR: "warning", PENDING_BUREAU: "info", APPROVED: "success", REJECTED: "danger", CANCELLED: "neutral" } as const;

export function LeaveStatusBadge({ status }: { status: LeaveStatusName }) {
  const t = useTranslations("leave.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
