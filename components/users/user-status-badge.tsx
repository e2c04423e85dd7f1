import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { UserStatus } from "@/lib/schemas/users";

const tones = { active: "success", locked: "warning", inactive: "neutral" } as const;

export function UserStatusBadge({ status, mustChangePassword }: { status: UserStatus; mustChangePassword?: boolean }) {
  const t = useTranslations("users");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={tones[status]}>{t(`status.${status}`)}</Badge>
      {mustChangePassword && status === "active" ? <Badge tone="info">{t("mustChange")}</Badge> : null}
    </span>
  );
}
