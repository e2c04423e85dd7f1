import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { navFor } from "@/lib/navigation";
import { HeaderBar } from "./header-bar";

/** The signed-in header: the server words it for the user (menu by role, locale), ./header-bar draws it. */
export async function AppHeader({ user, unread }: { user: SessionUser; unread: number }) {
  const [t, tApp, tNav, tRoles, tAccount, tAuth, tBell] = await Promise.all([
    getTranslations("shell"),
    getTranslations("app"),
    getTranslations("nav"),
    getTranslations("roles"),
    getTranslations("account"),
    getTranslations("auth"),
    getTranslations("notifications.bell"),
  ]);
  const items = navFor(user.role).map((item) => ({ href: item.href, icon: item.icon, label: tNav(item.labelKey as "dashboard") }));
  const words = {
    skipToContent: tApp("skipToContent"),
    appName: tApp("name"),
    mainNav: t("mainNav"),
    openMenu: t("openMenu"),
    closeMenu: t("closeMenu"),
    menu: t("menu"),
    userMenu: t("userMenu"),
    changePassword: tAccount("changeLink"),
    logout: tAuth("logout"),
    bell: unread > 0 ? tBell("label", { count: unread }) : tBell("labelNone"),
  };
  return <HeaderBar words={words} items={items} user={{ name: user.displayName, organization: user.organizationName, role: tRoles(user.role) }} unread={unread} />;
}
