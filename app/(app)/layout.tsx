import { AppHeader } from "@/components/shell/app-header";
import { SessionActivity } from "@/components/shell/session-activity";
import { requireUser } from "@/lib/auth/session";
import { contextOfUser } from "@/lib/auth/session-context";
import { prisma } from "@/lib/db";
import { unreadCount } from "@/lib/server/notification-inbox";

// The signed-in shell. Each page still checks access itself (CONVENTIONS.md): this layout only
// draws the frame for the user it finds.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // "allow": the layout also frames /account/password, where a pending password change is made;
  // every other page sends such a user there itself (its own requireUser/requirePermission).
  const user = await requireUser({ passwordChangePending: "allow" });
  // Counted with the session row when there is one (lib/auth/session-context.ts).
  const unread = contextOfUser(user)?.unread ?? (await unreadCount(prisma, user.id));
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} unread={unread} />
      <SessionActivity />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
