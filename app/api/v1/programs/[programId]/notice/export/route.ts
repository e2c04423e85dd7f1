import { createTranslator } from "next-intl";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { defaultLocale, timeZone } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { noticeQuerySchema } from "@/lib/schemas/public-notice";
import { apiRoute } from "@/lib/server/api-route";
import { noticeText } from "@/lib/server/public-notice-queries";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/notice/export?batch= — the notice as plain text (UTF-8), with its hashes.
// The notice is the bureau's official Chinese text whatever the reader's language (it is what is posted).
export const GET = apiRoute<Params>({ permission: operations.exportNotice.permission }, async ({ request, scope, params }) => {
  const query = noticeQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const t = createTranslator({ locale: defaultLocale, messages: await loadMessages(defaultLocale), timeZone, namespace: "notice.export" as never });
  const { filename, text } = await noticeText(prisma, scope, params.programId, query.batch ?? 1, (key, values) => t(key as never, values as never));
  return new Response(text, {
    headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "x-content-type-options": "nosniff" },
  });
});
