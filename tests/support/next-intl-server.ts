// next-intl's server API only runs inside a Next request. Route handlers called directly by the
// integration tests read the same catalogue through next-intl's plain translator (zh-CN unless asked):
//   vi.mock("next-intl/server", () => import("../support/next-intl-server"));
import { createFormatter, createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";

export async function getTranslations(arg?: string | { namespace?: string; locale?: "zh-CN" | "en" }) {
  const namespace = typeof arg === "string" ? arg : arg?.namespace;
  const locale = (typeof arg === "object" && arg?.locale) || "zh-CN";
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: namespace as never, timeZone: "Asia/Shanghai" });
}

export async function getLocale() {
  return "zh-CN";
}

export async function getFormatter(arg?: { locale?: "zh-CN" | "en" }) {
  return createFormatter({ locale: arg?.locale ?? "zh-CN", timeZone: "Asia/Shanghai" });
}
