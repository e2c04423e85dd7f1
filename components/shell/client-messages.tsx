import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickNamespaces, type ClientMessagesFolder } from "@/lib/i18n/client-namespaces";

/**
 * The catalogue for the client components below a route folder: only the namespaces its pick list
 * names (lib/i18n/client-namespaces.ts). Locale, time zone and formats come from the request as usual.
 */
export async function ClientMessages({ folder, children }: { folder: ClientMessagesFolder; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={pickNamespaces(messages, folder)}>{children}</NextIntlClientProvider>;
}
