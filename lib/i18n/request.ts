import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookieName, timeZone } from "./config";

// No locale in the URL: the locale is the user's choice, kept in a cookie (set at login from the
// user's saved preference, and by the language switch).
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(localeCookieName)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone, now: new Date() };
});
