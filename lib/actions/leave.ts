"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { cancelLeaveSchema, decideLeaveSchema, fileLeaveSchema, recordAttendanceSchema } from "@/lib/schemas/leave";
import { authedAction } from "@/lib/server/action-client";
import { recordAttendance } from "@/lib/server/attendance";
import { cancelLeave, decideLeave, fileLeave } from "@/lib/server/leave";

// Thin wrappers: the use cases in lib/server/leave.ts and attendance.ts parse, authorize, lock, check
// the rules, write, audit and notify. They are given the client's input as sent.

/** The dispatch's pages, the queues and the workspaces that show leave and the service clock. */
function refresh(dispatchId: string) {
  revalidatePath(`/dispatches/${dispatchId}`, "layout");
  revalidatePath("/leave");
  revalidatePath("/service");
  revalidatePath("/");
}

export const fileLeaveAction = authedAction
  .metadata({ actionName: "fileLeave", permission: "service.file" })
  .inputSchema(fileLeaveSchema)
  .action(async ({ clientInput, ctx }) => {
    const leave = await fileLeave(prisma, ctx.scope, clientInput);
    refresh(leave.dispatchId);
    return { id: leave.id, status: leave.status };
  });

export const decideLeaveAction = authedAction
  .metadata({ actionName: "decideLeave", permission: "leave.decide" })
  .inputSchema(decideLeaveSchema)
  .action(async ({ clientInput, ctx }) => {
    const leave = await decideLeave(prisma, ctx.scope, clientInput);
    refresh(leave.dispatchId);
    return { id: leave.id, status: leave.status };
  });

export const cancelLeaveAction = authedAction
  .metadata({ actionName: "cancelLeave", permission: "service.file" })
  .inputSchema(cancelLeaveSchema)
  .action(async ({ clientInput, ctx }) => {
    const leave = await cancelLeave(prisma, ctx.scope, clientInput);
    refresh(leave.dispatchId);
    return { id: leave.id, status: leave.status };
  });

export const recordAttendanceAction = authedAction
  .metadata({ actionName: "recordAttendance", permission: "attendance.record" })
  .inputSchema(recordAttendanceSchema)
  .action(async ({ clientInput, ctx }) => {
    const check = await recordAttendance(prisma, ctx.scope, clientInput);
    refresh(check.dispatchId);
    return { id: check.id };
  });
