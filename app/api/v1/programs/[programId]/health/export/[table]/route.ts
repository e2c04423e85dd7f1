import { getTranslations } from "next-intl/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { xlsxResponse } from "@/lib/excel/sheet";
import { apiRoute } from "@/lib/server/api-route";
import { exportHealthTable } from "@/lib/server/program-health-export";

type Params = { programId: string; table: string };

// GET /api/v1/programs/{programId}/health/export/{table}
// One table of the programme's health (the one beside a chart) as an Excel workbook, in the
// caller's language. The bureau only ("program.health"); another bureau's programme or an unknown table is 404.
export const GET = apiRoute<Params>({ permission: operations.exportProgramHealth.permission }, async ({ scope, params }) => {
  const t = await getTranslations();
  return xlsxResponse(await exportHealthTable(prisma, scope, params.programId, params.table, (key, values) => t(key as never, values as never)));
});
