import { ClientMessages } from "@/components/shell/client-messages";

// The edit form's messages; the doctor's page and timeline send none of their own (lib/i18n/client-namespaces.ts).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages folder="app/(app)/doctors/[doctorId]/edit">{children}</ClientMessages>;
}
