import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickNamespaces, type ClientMessagesFolder } from "@/lib/i18n/client-namespaces";

/**
 * The catalogue for the client components below a route folder: only the namespaces its pick list
 * names (lib/i18n/client-namespaces.ts). Locale, time zone and formats come from the request as usual.
 * `without`: namespaces of the list this request's page does not render a component for (a page
 * passing its own list, e.g. one application's: the unit's panels are not shown to bureau staff).
 */
export async function ClientMessages({ folder, without = [], children }: { folder: ClientMessagesFolder; without?: readonly string[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = pickNamespaces(messages, folder);
  for (const ns of without) delete picked[ns];
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
