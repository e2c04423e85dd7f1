import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/server/page-guard";

// The dispatch page's "allowances" section: the schedule lives under /allowances.
export default async function DispatchAllowancesPage({ params }: { params: Promise<{ dispatchId: string }> }) {
  await requirePermission("allowance.read");
  const { dispatchId } = await params;
  redirect(`/allowances/dispatches/${encodeURIComponent(dispatchId)}`);
}
