import { ClientMessages } from "@/components/shell/client-messages";

// This folder's client components get only the message namespaces they use (lib/i18n/client-namespaces.ts).
export default function AdminUsersLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages folder="app/(app)/admin/users">{children}</ClientMessages>;
}
