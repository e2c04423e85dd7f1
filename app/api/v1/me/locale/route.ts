import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { switchLocaleSchema } from "@/lib/schemas/preferences";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { saveLocale } from "@/lib/server/preferences";

// PUT /api/v1/me/locale — the language switch, kept on the account (the UI also sets its cookie).
export const PUT = apiRoute({ permission: operations.setOwnLocale.permission }, async ({ request, user }) => {
  const { locale } = switchLocaleSchema.parse(await readJsonBody(request));
  await saveLocale(user, locale);
  return NextResponse.json({ locale });
});
