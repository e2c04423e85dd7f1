// Every action a user can take in the UI can be taken through /api/v1 (issue 15): each server action
// exported from lib/actions/* is mapped below to the documented operation(s) that do the same through
// the same use case. A new action without an entry fails the first test; an entry naming an operation
// the document does not have fails the second. The few actions that only touch the browser are listed
// with the reason they have no route.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/api/openapi";

type OperationId = keyof typeof operations;

const ROUTE_OF_ACTION: Record<string, OperationId[] | { browserOnly: string }> = {
  // workforce.ts
  saveWorkforceFigureAction: ["createWorkforceFigure", "updateWorkforceFigure"],
  saveTargetedContractAction: ["createTargetedContract", "updateTargetedContract"],
  // allowances.ts
  createItemAction: ["createAllowanceItem"],
  updateItemAction: ["updateAllowanceItem"],
  applyTemplateAction: ["applyAllowanceTemplate"],
  addEventLineAction: ["addAllowanceEventLine"],
  adjustLineAction: ["adjustAllowanceLine"],
  removeLineAction: ["removeAllowanceLine"],
  markPaidAction: ["markAllowancesPaid"],
  // api-tokens.ts
  issueApiTokenAction: ["issueApiToken", "listApiTokens"],
  revokeApiTokenAction: ["revokeApiToken"],
  // applications.ts
  nominateAction: ["submitApplication"],
  registerAction: ["submitApplication"],
  endorseAction: ["endorseApplication"],
  withdrawAction: ["withdrawApplication"],
  // The pickers' search as you type (issue 17): a form's helper to find a unit by name; an integrator
  // finds it in the organisations list (?q=, in the same scope) and sends its id.
  searchApplicationUnitsAction: ["listOrganizations"],
  // dispatches.ts
  createDispatchAction: ["createDispatch", "dispatchCandidates"],
  activateDispatchAction: ["activateDispatch"],
  completeDispatchAction: ["completeDispatch"],
  cancelDispatchAction: ["cancelDispatch"],
  terminateDispatchAction: ["terminateDispatch"],
  extendDispatchAction: ["extendDispatch"],
  // doctors.ts
  createDoctorAction: ["createDoctor"],
  updateDoctorAction: ["updateDoctor", "getDoctor"],
  searchEmployersAction: ["listOrganizations"],
  previewDoctorImportAction: ["importDoctors"], // ?dryRun=1
  commitDoctorImportAction: ["importDoctors"],
  // eligibility-rules.ts
  saveRuleAction: ["saveRule"],
  deleteRuleAction: ["deleteRule"],
  searchDoctorsAction: ["listDoctors"], // ?q=
  previewRuleAction: ["previewRule"],
  // evaluations.ts
  openAssessmentAction: ["openAssessment"],
  saveScoreAction: ["scoreAssessmentSubject"],
  gradeSubjectsAction: ["gradeAssessment"],
  createSchemeAction: ["createEvaluationScheme"],
  createRaterLinkAction: ["createRaterLink"],
  revokeRaterLinkAction: ["revokeRaterLink"],
  // handover.ts
  saveHandoverAction: ["saveHandover"],
  acknowledgeHandoverAction: ["acknowledgeHandover"],
  // leave.ts
  fileLeaveAction: ["fileLeave"],
  decideLeaveAction: ["decideLeave"],
  cancelLeaveAction: ["cancelLeave"],
  recordAttendanceAction: ["recordAttendance"],
  // notice.ts
  publishNoticeAction: ["publishNotice"],
  fileObjectionAction: ["fileObjection"],
  answerObjectionAction: ["answerObjection"],
  withdrawAppointeeAction: ["withdrawAppointee"],
  confirmListAction: ["confirmList"],
  // notifications.ts
  markNotificationReadAction: ["markNotificationRead", "listNotifications"],
  markAllNotificationsReadAction: ["markAllNotificationsRead"],
  // organizations.ts
  createOrganizationAction: ["createOrganization"],
  updateOrganizationAction: ["updateOrganization", "getOrganization"],
  deactivateOrganizationAction: ["deactivateOrganization"],
  reactivateOrganizationAction: ["reactivateOrganization"],
  // passwords.ts
  changePasswordAction: ["changeOwnPassword", "getOwnAccount"],
  // preferences.ts
  switchLocale: ["setOwnLocale"],
  applySavedLocale: { browserOnly: "copies the account's saved language into the browser's cookie after sign-in; an API caller sends Accept-Language" },
  // programs.ts
  setRequiredDocumentsAction: ["setRequiredDocuments", "getRequiredDocuments"],
  createProgramAction: ["createProgram"],
  updateProgramAction: ["updateProgram", "getProgram"],
  updateTimelineAction: ["updateTimeline", "getTimeline"],
  shiftProgramTimelineAction: ["shiftTimeline"],
  changeProgramStatusAction: ["changeProgramStatus"],
  duplicateProgramAction: ["duplicateProgram"],
  createPostAction: ["createPost"],
  updatePostAction: ["updatePost"],
  deletePostAction: ["deletePost"],
  setQuotasAction: ["setQuotas", "getQuotas"],
  // service-evaluations.ts
  openServiceEvaluationAction: ["openServiceEvaluation"],
  saveServiceSectionAction: ["saveServiceEvaluationSection"],
  startServiceNoticeAction: ["startServiceNotice"],
  fileServiceObjectionAction: ["fileServiceObjection"],
  answerServiceObjectionAction: ["answerServiceObjection"],
  issueServiceResultAction: ["issueServiceResult"],
  // users.ts
  createUserAction: ["createUser", "listUsers"],
  updateUserAction: ["updateUser", "getUser"],
  resetUserPasswordAction: ["resetUserPassword"],
  deactivateUserAction: ["deactivateUser"],
  reactivateUserAction: ["reactivateUser"],
  unlockUserAction: ["unlockUser"],
  // vetting.ts
  decideAction: ["decide", "vettingBoard"],
  rankAction: ["rankShortlist"],
  reopenStageAction: ["reopenStage", "listReopenings"],
  searchNominatingUnitsAction: ["listOrganizations"],
  // work-logs.ts
  fileWorkLogAction: ["fileWorkLog"],
  resubmitWorkLogAction: ["resubmitWorkLog"],
  confirmWorkLogsAction: ["confirmWorkLogs", "pendingWorkLogs"],
  returnWorkLogAction: ["returnWorkLog"],
  createMentoringPairAction: ["createMentoringPair"],
  updateMentoringPairAction: ["updateMentoringPair"],
  deleteMentoringPairAction: ["deleteMentoringPair"],
};

const ACTIONS_DIR = path.join(process.cwd(), "lib/actions");

/** Every `export const X = …` of lib/actions/*.ts (each is a server action: entry-points-guarded.test.ts holds them to authedAction). */
function exportedActions(): { name: string; file: string }[] {
  return readdirSync(ACTIONS_DIR)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((file) => [...readFileSync(path.join(ACTIONS_DIR, file), "utf8").matchAll(/^export\s+(?:const|async\s+function|function)\s+(\w+)/gm)].map((m) => ({ name: m[1]!, file })));
}

describe("every server action has its /api/v1 route", () => {
  it("each exported action is mapped to the operations that do the same", () => {
    const actions = exportedActions();
    expect(actions.length).toBeGreaterThan(80);
    const unmapped = actions.filter((a) => !(a.name in ROUTE_OF_ACTION)).map((a) => `${a.file}: ${a.name}`);
    expect(unmapped, "add the route (app/api/v1, lib/api/openapi.ts) and map the action here").toEqual([]);
  });

  it("each mapped operation is in the OpenAPI registry, and the table names no action that is gone", () => {
    const names = new Set(exportedActions().map((a) => a.name));
    const stale = Object.keys(ROUTE_OF_ACTION).filter((name) => !names.has(name));
    expect(stale).toEqual([]);
    const missing = Object.entries(ROUTE_OF_ACTION).flatMap(([action, ops]) => (Array.isArray(ops) ? ops.filter((op) => !(op in operations)).map((op) => `${action} → ${op}`) : []));
    expect(missing).toEqual([]);
  });
});
