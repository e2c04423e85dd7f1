import { ClientMessages } from "@/components/shell/client-messages";

// The sign-in page's client messages (its form's): not in the root's list, which every page carries.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages folder="app/(auth)">{children}</ClientMessages>;
}
