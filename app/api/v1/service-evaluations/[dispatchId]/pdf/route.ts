import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { renderServiceEvaluationPdf } from "@/lib/server/service-evaluation-pdf";
import { getServiceEvaluation } from "@/lib/server/service-evaluations";

type Params = { dispatchId: string };

// GET /api/v1/service-evaluations/{dispatchId}/pdf — the form on A4 (also the page's print and export).
export const GET = apiRoute<Params>({ permission: operations.serviceEvaluationPdf.permission }, async ({ request, scope, params }) => {
  const view = await getServiceEvaluation(prisma, scope, params.dispatchId);
  const pdf = await renderServiceEvaluationPdf(view);
  const name = encodeURIComponent(`服务期满评价表-${view.person.name}.pdf`);
  const disposition = request.nextUrl.searchParams.get("download") === "1" ? "attachment" : "inline";
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `${disposition}; filename*=UTF-8''${name}`, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
});
