import { getTranslations } from "next-intl/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { noticeQuerySchema } from "@/lib/schemas/public-notice";
import { apiRoute } from "@/lib/server/api-route";
import { noticeText } from "@/lib/server/public-notice-queries";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/notice/export?batch= — the notice as plain text (UTF-8), with its hashes.
export const GET = apiRoute<Params>({ permission: operations.exportNotice.permission }, async ({ request, scope, params }) => {
  const query = noticeQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const t = await getTranslations("notice.export");
  const { filename, text } = await noticeText(prisma, scope, params.programId, query.batch ?? 1, (key, values) => t(key as never, values as never));
  return new Response(text, {
    headers: { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "x-content-type-options": "nosniff" },
  });
});
