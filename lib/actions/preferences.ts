"use server";

import { cookies } from "next/headers";
import { localeCookieName } from "@/lib/i18n/config";
import { authedAction } from "@/lib/server/action-client";
import { saveLocale } from "@/lib/server/preferences";
import { switchLocaleSchema } from "@/lib/schemas/preferences";
import { isLocale } from "@/lib/i18n/config";

const ONE_YEAR = 60 * 60 * 24 * 365;

async function setLocaleCookie(locale: string) {
  (await cookies()).set(localeCookieName, locale, { path: "/", sameSite: "lax", maxAge: ONE_YEAR, httpOnly: true });
}

/** The language switch: persisted on the user, and in a cookie for the next request. */
export const switchLocale = authedAction
  .metadata({ actionName: "switchLocale", permission: "self.switchLocale" })
  .inputSchema(switchLocaleSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveLocale(ctx.user, parsedInput.locale);
    await setLocaleCookie(parsedInput.locale);
    return { locale: parsedInput.locale };
  });

/** After sign-in: take up the language the user chose last time. Reads only the user's own record. */
export const applySavedLocale = authedAction.metadata({ actionName: "applySavedLocale", permission: "self.switchLocale" }).action(async ({ ctx }) => {
  const locale = isLocale(ctx.user.locale) ? ctx.user.locale : "zh-CN";
  await setLocaleCookie(locale);
  return { locale };
});
