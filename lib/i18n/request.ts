import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookieName, timeZone } from "./config";
import { loadMessages } from "./messages";

// No locale in the URL: the locale is the user's choice, kept in a cookie (set at login from the
// user's saved preference, and by the language switch).
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(localeCookieName)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone, now: new Date() };
});
