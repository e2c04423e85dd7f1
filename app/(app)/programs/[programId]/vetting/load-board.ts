import "server-only";
import { forbidden, notFound } from "next/navigation";
import type { Scope } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { vettingBoard, type Board } from "@/lib/server/vetting";

/** The programme's board for a page: another bureau's programme and an unknown one are both the 404 page (issue 12: a page never tells that a record out of scope exists); a role without the permission gets the 403 page. */
export async function loadBoard(scope: Scope, programId: string): Promise<Board> {
  try {
    return await vettingBoard(prisma, scope, programId);
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") forbidden();
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}
