import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { xlsxResponse } from "@/lib/excel/sheet";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/server/api-route";
import { exportVettingList, isVettingList } from "@/lib/server/vetting-export";

type Params = { programId: string; list: string };

// GET /api/v1/programs/{programId}/vetting-lists/report|approved
// The report list (上报名单) or the approved list (正式确定名单) as the .xlsx sent to the provincial
// department. Bureau staff, admins and auditors of the programme's bureau; another bureau's
// programme is refused (403), an unknown one or an unknown list is 404.
export const GET = apiRoute<Params>({ permission: operations.exportVettingList.permission }, async ({ scope, params }) => {
  if (!isVettingList(params.list)) throw new AppError("notFound");
  return xlsxResponse(await exportVettingList(prisma, scope, params.programId, params.list));
});
