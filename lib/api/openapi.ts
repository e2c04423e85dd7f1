import { z } from "zod";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import type { RoutePermission } from "../server/api-route";
import { previewRuleSchema, saveRuleSchema } from "../schemas/eligibility-rules";
import { applicationListQuerySchema, decideSchema, endorseSchema, nominateSchema, rankSchema, registerSchema, reopenStageSchema, withdrawSchema } from "../schemas/applications";
import { doctorExportSchema, doctorListQuerySchema, doctorSchema } from "../schemas/doctors";
import { auditFilterSchema } from "../schemas/audit";
import { changeStatusSchema, createPostSchema, createProgramSchema, programListQuerySchema, programSchema, quotasBodySchema, shiftTimelineBodySchema, timelineBodySchema } from "../schemas/programs";
import { organizationListQuerySchema, organizationSchema } from "../schemas/organizations";
import { screeningQuerySchema } from "../schemas/screening";
import { requiredDocumentsBodySchema } from "../schemas/required-documents";
import { attachmentSchema, downloadQuerySchema, leaveAttachmentSchema, leaveUploadFormSchema, uploadFormSchema } from "../schemas/attachments";
import { importQuerySchema, importRowsSchema } from "./import-rows";
import { assessmentListQuerySchema, createRaterLinkSchema, createSchemeSchema, gradeSubjectsSchema, openAssessmentSchema, raterScoreSchema, saveScoreSchema } from "../schemas/evaluations";
import * as r from "./responses";
import * as acc from "./account-responses";
import { changePasswordSchema, createUserSchema, updateUserSchema, userListQuerySchema } from "../schemas/users";
import { issueApiTokenSchema } from "../schemas/api-tokens";
import { notificationListQuerySchema } from "../schemas/notifications";
import { switchLocaleSchema } from "../schemas/preferences";
import * as se from "../schemas/service-evaluations";
import { cancelLeaveSchema, decideLeaveFields, fileLeaveFields, recordAttendanceFields } from "../schemas/leave";
import * as lr from "./leave-responses";
import * as wl from "./work-log-responses";
import {
  confirmWorkLogsSchema,
  fileWorkLogSchema,
  mentoringPairBodySchema,
  mentoringPairUpdateBodySchema,
  pendingLogsQuerySchema,
  resubmitWorkLogSchema,
  returnWorkLogSchema,
  workloadQuerySchema,
} from "../schemas/work-logs";
import * as rd from "./responses-dispatch";
import * as tl from "./timeline-responses";
import * as nr from "./notice-responses";
import { answerObjectionSchema, confirmListSchema, fileObjectionSchema, noticeQuerySchema, publishNoticeSchema, withdrawAppointeeSchema } from "../schemas/public-notice";
import * as ho from "./handover-responses";
import { programHealthSchema } from "./health-responses";
import { inboxSchema } from "./inbox-responses";
import { handoverFields } from "../schemas/handover";
import * as ar from "./allowance-responses";
import {
  addEventLineFields,
  adjustLineSchema,
  applyTemplateSchema,
  createItemSchema,
  dueQuerySchema,
  markPaidSchema,
  paymentSheetQuerySchema,
  removeLineSchema,
  totalsApiQuerySchema,
  updateItemSchema,
} from "../schemas/allowances";
import * as wf from "./workforce-responses";
import { contractFields, contractQuerySchema, createFigureFields, updateContractFields, updateFigureFields, workforceQuerySchema } from "../schemas/workforce";
import { cancelDispatchSchema, counterpartQuerySchema, createDispatchSchema, dispatchBoardQuerySchema, dispatchTransitionSchema, extendDispatchSchema, terminateDispatchSchema } from "../schemas/dispatches";

// The registry of /api/v1 (issue 4): every route file under app/api/v1 has its operations here —
// path, method, the permission its apiRoute checks, the zod schemas of its query, path, body and
// answer. The route handlers take their permission from here, and tests/integration/api-v1.test.ts
// fails when a route file has no entry. GET /api/v1/openapi.json serves the document built from it.

type Method = "get" | "post" | "patch" | "put" | "delete";

export interface ApiOperation {
  method: Method;
  path: string;
  /** raterLink: no account; the single-use link's token in the path is the credential (raterLinkRoute). */
  permission: RoutePermission | "raterLink";
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** How the body is sent: JSON (the default), or a multipart form (a file upload). */
  bodyType?: "application/json" | "multipart/form-data";
  /** A zod schema of the JSON answer, or a file (CSV/XLSX) download. */
  response: z.ZodType | { file: string };
  status?: 200 | 201;
  /**
   * Lost updates (issue 12): "etag" — the answer's ETag is the record's version; "ifMatch" — an edit
   * that must send that version back as If-Match (428 without it, 409 staleEdit when it is stale).
   */
  versioned?: "etag" | "ifMatch";
}

const programId = z.object({ programId: z.string() });
const postId = z.object({ postId: z.string() });
const doctorId = z.object({ doctorId: z.string() });
const exportFile = { file: "text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (format=csv|xlsx)" };

export const operations = {
  listPrograms: { method: "get", path: "/programs", permission: "program.read", summary: "Programmes the caller may see, 20 a page", query: programListQuerySchema, response: r.programPageSchema },
  createProgram: { method: "post", path: "/programs", permission: "program.manage", summary: "A programme of the caller's bureau, from a timeline template (DRAFT), its stages and cut-off dates laid out from startDate (YYYY-MM-DD, Beijing: the day registration opens; left out, the next day the template opens in its own calendar, today included), intervals kept", body: createProgramSchema, response: r.programSnapshotSchema, status: 201 },
  getProgram: { method: "get", path: "/programs/{programId}", permission: "program.read", summary: "One programme with its timeline; its ETag is the version to edit from", response: r.programDetailSchema, versioned: "etag" },
  updateProgram: { method: "patch", path: "/programs/{programId}", permission: "program.manage", summary: "Edits the programme's fields (all of them) from the version read (If-Match)", body: programSchema, response: r.programSnapshotSchema, versioned: "ifMatch" },
  listPosts: { method: "get", path: "/programs/{programId}/posts", permission: "program.read", summary: "The programme's posts with quotas", response: r.postListSchema },
  createPost: { method: "post", path: "/programs/{programId}/posts", permission: "program.manage", summary: "A post of the programme (draft or open programmes)", body: createPostSchema.omit({ programId: true }), response: r.postSchema, status: 201 },
  updatePost: { method: "patch", path: "/posts/{postId}", permission: "program.manage", summary: "Edits a post (all its fields) from the version read (its `version` in the post list, sent as If-Match)", body: createPostSchema.omit({ programId: true }), response: r.postSchema, versioned: "ifMatch" },
  listRules: { method: "get", path: "/programs/{programId}/rules", permission: "program.read", summary: "The programme's eligibility rules (programme-wide and per post), posts and cut-off dates", response: r.programRulesSchema },
  saveRule: { method: "post", path: "/programs/{programId}/rules", permission: "program.manage", summary: "Creates a rule, or with id (and the version read) saves its next version; draft or open programmes", body: saveRuleSchema.omit({ programId: true }), response: r.ruleSchema },
  previewRule: { method: "post", path: "/programs/{programId}/rules/preview", permission: "eligibility.screen", summary: "The rule builder's preview: an unsaved rule tree evaluated against one doctor in scope (doctorId; postId optional), nothing written; 422 with the tree's field errors by dotted path", body: previewRuleSchema.omit({ programId: true }), response: r.rulePreviewSchema },
  screenPost: { method: "get", path: "/posts/{postId}/screening", permission: "eligibility.screen", summary: "Every doctor in scope against the post's rules: counts and one page", query: screeningQuerySchema, response: r.screeningResultSchema },
  exportScreening: { method: "get", path: "/posts/{postId}/screening/export", permission: "eligibility.screen", summary: "The screening list (same scope, filters and order by name as screenPost; every matching doctor, at most 5 000) as an Excel sheet, every value in words (verdict, title, the reasons a doctor does not qualify); 409 nothingToExportScreening when nobody matches (no empty sheet)", query: screeningQuerySchema.omit({ page: true, size: true }), response: { file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  evaluateDoctor: { method: "get", path: "/posts/{postId}/eligibility/{doctorId}", permission: "eligibility.screen", summary: "One doctor against the post's rules, with reasons", response: r.evaluationSchema },
  listDoctors: { method: "get", path: "/doctors", permission: "doctor.read", summary: "Doctors the caller may see, 20 a page (ID numbers masked unless permitted)", query: doctorListQuerySchema, response: r.doctorPageSchema },
  createDoctor: { method: "post", path: "/doctors", permission: "doctor.manage", summary: "A doctor of an employer in the caller's scope", body: doctorSchema, response: r.idResponseSchema, status: 201 },
  getDoctor: { method: "get", path: "/doctors/{doctorId}", permission: "doctor.read", summary: "One doctor with titles and grassroots service; its ETag is the version to edit from", response: r.doctorDetailSchema, versioned: "etag" },
  getDoctorTimeline: { method: "get", path: "/doctors/{doctorId}/timeline", permission: "doctor.read", summary: "One doctor's timeline across programmes and years, oldest first: nominations, decisions, public notices, dispatch events, leave, absences, confirmed work logs and allowances paid per month, annual grades, the end-of-service result; each kind as the caller may see it elsewhere, entries in words in the caller's language", response: tl.doctorTimelineSchema },
  updateDoctor: { method: "patch", path: "/doctors/{doctorId}", permission: "doctor.manage", summary: "Replaces the doctor's record and histories from the version read (If-Match)", body: doctorSchema, response: r.idResponseSchema, versioned: "ifMatch" },
  importDoctors: { method: "post", path: "/doctors/import", permission: "doctor.manage", summary: "The import sheet's rows as JSON: ?dryRun=1 previews, otherwise all rows are written or none", query: importQuerySchema, body: importRowsSchema, response: r.importPreviewSchema },
  exportDoctors: { method: "get", path: "/doctors/export", permission: "doctor.read", summary: "The doctors list as a sheet in the import's layout", query: doctorListQuerySchema.extend(doctorExportSchema.shape), response: exportFile },
  importTemplate: { method: "get", path: "/doctors/import-template", permission: "doctor.manage", summary: "The import's header row and an example row", query: doctorExportSchema, response: exportFile },
  exportAudit: { method: "get", path: "/audit/export", permission: "audit.read", summary: "The audit log's rows (same filters as the page) as a file", query: auditFilterSchema.extend({ format: z.enum(["csv", "xlsx"]) }), response: exportFile },
  listAttachments: { method: "get", path: "/applications/{applicationId}/attachments", permission: "application.read", summary: "The application's documents (metadata), oldest first", response: z.array(attachmentSchema) },
  uploadAttachment: { method: "post", path: "/applications/{applicationId}/attachments", permission: "attachment.upload", summary: "Adds a document (PDF, JPEG or PNG, at most 10 MB: 413 above) to the application; who may add which kind when is the policy's", body: uploadFormSchema, bodyType: "multipart/form-data", response: attachmentSchema, status: 201 },
  downloadAttachment: { method: "get", path: "/attachments/{attachmentId}", permission: "application.read", summary: "A document's bytes (an application's, or a leave request's certificate) with their recognised type, as a download (inline=1: to view in the browser); ETag is the SHA-256", query: downloadQuerySchema, response: { file: "application/pdf, image/jpeg or image/png" } },
  exportVettingList: { method: "get", path: "/programs/{programId}/vetting-lists/{list}", permission: "vetting.read", summary: "The report list (list=report, 上报名单) or the approved list (list=approved, 正式确定名单) as the provincial department's sheet; 409 nothingToExportReport / nothingToExportApproved when nobody is on the list (no empty sheet)", response: { file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  exportApplications: { method: "get", path: "/applications/export", permission: "application.read", summary: "The application list (same scope, filters and order as listApplications) as an Excel sheet, every value in words; at most 5 000 rows", query: applicationListQuerySchema, response: { file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  listApplications: { method: "get", path: "/applications", permission: "application.read", summary: "Applications the caller may see (a unit its own, a doctor theirs, a bureau its programmes'), newest first, 20 a page", query: applicationListQuerySchema, response: r.applicationPageSchema },
  submitApplication: { method: "post", path: "/applications", permission: "signedIn", summary: "A unit's nominator nominates one of its doctors (application.nominate: postId, doctorId), a doctor registers themself (application.register: postId); other roles 403. A doctor not found eligible needs exceptionReason", body: z.union([nominateSchema, registerSchema]), response: r.applicationSnapshotSchema, status: 201 },
  getApplication: { method: "get", path: "/applications/{applicationId}", permission: "application.read", summary: "One application with its doctor, post, every decision (oldest first) and its documents' metadata", response: r.applicationDetailSchema },
  withdrawApplication: { method: "post", path: "/applications/{applicationId}/withdraw", permission: "application.withdraw", summary: "The doctor or their unit withdraws an application still under way, with the reason", body: withdrawSchema.omit({ applicationId: true }), response: r.applicationSnapshotSchema },
  endorseApplication: { method: "post", path: "/applications/{applicationId}/endorse", permission: "application.endorse", summary: "The unit endorses its doctor's self-registration (vetting starts) or declines it (endorse=false, with a reason)", body: endorseSchema.omit({ applicationId: true }), response: r.applicationSnapshotSchema },
  decide: { method: "post", path: "/decisions", permission: "application.decide", summary: "One decision for a selection of applications at the same stage, all or none; 409 capExceeded (details: post, cap, passed, adding) when passing them would exceed the stage's ratio cap; 409 documentsMissing (details: documents — one line per application, 'doctor<TAB>KIND,KIND' — and count; the message names them in words) when a pass lacks documents the stage or an earlier one requires, unless documentException gives the written exception, recorded on each decision it covers", body: decideSchema, response: r.decidedSchema },
  programHealth: { method: "get", path: "/programs/{programId}/health", permission: "program.health", summary: "The programme's health for its bureau (and the bureaus above it): posts filled against headcount, applications per post and stage, ratio compliance at the shortlist and report stages, units against their quotas, how long applications wait in each stage and on whom, who serves where, leave and absences, confirmed workload by month, allowances by payer and month, grades by year. Hospitals and doctors 403; another bureau's programme 404", response: programHealthSchema },
  exportProgramHealth: { method: "get", path: "/programs/{programId}/health/export/{table}", permission: "program.health", summary: "One table of the programme's health (table: posts, stages, ratios, quotas, durations, dispatches, leave, workload, allowances, grades) as an Excel workbook in the caller's language: exactly the table the page shows beside the chart", response: { file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  vettingBoard: { method: "get", path: "/programs/{programId}/vetting-board", permission: "vetting.read", summary: "Per post and stage: waiting, passed, cap, remaining places and shortfall", response: r.vettingBoardSchema },
  listEvaluationSchemes: { method: "get", path: "/evaluation-schemes", permission: "evaluation.read", summary: "Evaluation schemes the caller may use: the built-in ones (seed 001's default, seed 003's six parties) and their bureau's", response: z.array(r.evaluationSchemeSchema) },
  createEvaluationScheme: { method: "post", path: "/evaluation-schemes", permission: "evaluation.manage", summary: "A scheme of the caller's bureau (made from basedOnId or from scratch): party weights and aspect maxima each sum to 100, bands descend to 0 (points, at most two decimals); schemes never change once made", body: createSchemeSchema, response: r.evaluationSchemeSchema, status: 201 },
  listAssessments: { method: "get", path: "/assessments", permission: "evaluation.read", summary: "Annual assessments the caller may see (a bureau its programmes', a unit those with its doctors), newest year first", query: assessmentListQuerySchema, response: z.array(r.assessmentSummarySchema) },
  openAssessment: { method: "post", path: "/assessments", permission: "evaluation.manage", summary: "Opens the annual assessment of a programme for a year: the cohort with days served; who served less than the scheme's share (半年) is listed as not assessed. 422 assessmentExists, noCohort", body: openAssessmentSchema, response: r.openedAssessmentSchema, status: 201 },
  getAssessment: { method: "get", path: "/assessments/{assessmentId}", permission: "evaluation.read", summary: "One assessment: the scheme, the cohort (the caller's doctors), each party's sheet, totals, proposed grades, the quota and (bureau) the ranking", response: r.assessmentDetailSchema },
  gradeAssessment: { method: "post", path: "/assessments/{assessmentId}/grades", permission: "evaluation.manage", summary: "The bureau grades some or all of the cohort; the last grade finalises it and notifies the dispatching units. 409 partiesNotSubmitted (doctor, parties), gradeAboveBand, quotaExceeded (quota, cohort, over: who is over, ranking), staleVersion, assessmentFinal", body: gradeSubjectsSchema.omit({ assessmentId: true }), response: r.gradeResultSchema },
  listServiceEvaluations: { method: "get", path: "/service-evaluations", permission: "evaluation.read", summary: "End-of-service forms (服务期满评价表) the caller may see; for bureau staff also the dispatches ended or ending within 60 days without one", response: z.array(r.serviceEvaluationSummarySchema) },
  getServiceEvaluation: { method: "get", path: "/service-evaluations/{dispatchId}", permission: "evaluation.read", summary: "A dispatch's end-of-service form: the personal part from the registry, the workload (pre-filled from confirmed logs), the opinions with dates, 德能勤绩廉, the procedure, the notice and objections, the result, and what the caller may do (form null before it is opened)", response: r.serviceEvaluationSchema },
  openServiceEvaluation: { method: "post", path: "/service-evaluations/{dispatchId}", permission: "evaluation.manage", summary: "The programme's bureau opens the form for a dispatch in or after service; the workload counts are copied from its confirmed work logs. 409 serviceEvaluationExists, serviceNotStarted", response: r.serviceEvaluationSchema, status: 201 },
  saveServiceEvaluationSection: { method: "post", path: "/service-evaluations/{dispatchId}/sections", permission: "evaluation.endOfService", summary: "One part while the form is being filled: self (the doctor: main tasks, workload, summary), dispatching or receiving (the units' opinions with dates; receiving adds 德能勤绩廉 and the procedure's dates), authority (the bureau, also during the notice). 403 notYourPart; 409 serviceEvaluationInNotice, serviceEvaluationIssued, staleVersion", body: se.saveSectionSchema.omit({ dispatchId: true }), response: r.serviceEvaluationSchema },
  startServiceNotice: { method: "post", path: "/service-evaluations/{dispatchId}/notice", permission: "evaluation.endOfService", summary: "The receiving unit (or the bureau) puts the completed form up for public notice (公示) from startsOn to endsOn, both included, 1–30 days. 409 formIncomplete (missing: summary, opinions, the procedure's steps); 422 noticeEndsBeforeStart, noticeTooLong", body: se.startNoticeSchema.omit({ dispatchId: true }), response: r.serviceEvaluationSchema },
  fileServiceObjection: { method: "post", path: "/service-evaluations/{dispatchId}/objections", permission: "evaluation.endOfService", summary: "An objection received during the notice (its day within the notice). 409 notInNotice; 422 objectionOutsideNotice", body: se.fileObjectionSchema.omit({ dispatchId: true }), response: r.serviceEvaluationSchema, status: 201 },
  answerServiceObjection: { method: "post", path: "/service-evaluations/{dispatchId}/objections/{objectionId}/answer", permission: "evaluation.endOfService", summary: "The answer to an objection. 409 objectionAnswered, notInNotice", body: se.answerObjectionSchema.omit({ dispatchId: true, objectionId: true }), response: r.serviceEvaluationSchema },
  issueServiceResult: { method: "post", path: "/service-evaluations/{dispatchId}/result", permission: "evaluation.manage", summary: "The bureau issues 合格 (PASS) or 不合格 (FAIL) after the notice: from the day after its last day, every objection answered, its opinion given. 合格 adds the service to the doctor's grassroots record unless the absences exceeded the programme's limit. 409 noticeNotOver (endsOn), objectionsOpen, authorityOpinionMissing, serviceEvaluationIssued", body: se.issueResultSchema.omit({ dispatchId: true }), response: r.serviceEvaluationSchema },
  serviceEvaluationPdf: { method: "get", path: "/service-evaluations/{dispatchId}/pdf", permission: "evaluation.read", summary: "The form on one A4 page as a PDF (Noto Sans SC embedded), in seed 001's layout; download=1 for an attachment", response: { file: "application/pdf" } },
  listRaterLinks: { method: "get", path: "/assessment-subjects/{subjectId}/rater-links", permission: "evaluation.manage", summary: "A doctor's rater links (for raters without an account), newest first, with their state (open, used, revoked, expired); tokens are never shown again", response: z.array(r.raterLinkSchema) },
  createRaterLink: { method: "post", path: "/assessment-subjects/{subjectId}/rater-links", permission: "evaluation.manage", summary: "A single-use link for one party no account scores as (受援人员, 支援人员, 受援机构) to score this doctor, valid 1–30 days (14 by default); e-mailed when SMTP is configured and an address is given. The token is in this answer only. 422 partyNotInScheme, partyNotForLinks; 409 alreadySubmitted, assessmentFinal", body: createRaterLinkSchema.omit({ subjectId: true }), response: r.raterLinkCreatedSchema, status: 201 },
  revokeRaterLink: { method: "post", path: "/assessment-subjects/{subjectId}/rater-links/{linkId}/revoke", permission: "evaluation.manage", summary: "Revokes an open rater link. 409 link_used, link_revoked, link_expired", response: z.object({ id: z.string() }) },
  getRaterForm: { method: "get", path: "/rate/{token}", permission: "raterLink", summary: "No account: the sheet a rater link opens (the doctor, the party, the aspects with their maxima). 404 link_unknown (counted per address; 409 link_tooManyGuesses past 20 in 15 minutes); 409 link_used, link_revoked, link_expired", response: r.raterFormSchema },
  scoreByRaterLink: { method: "post", path: "/rate/{token}", permission: "raterLink", summary: "No account: the rater's one submission through the link (points as for a party's sheet); the link is used by it. 404 link_unknown; 409 link_used, link_revoked, link_expired, alreadySubmitted; 422 pointsOutOfRange, pointsPrecision", body: raterScoreSchema, response: r.savedScoreSchema, status: 201 },
  scoreAssessmentSubject: { method: "post", path: "/assessment-subjects/{subjectId}/scores", permission: "evaluation.score", summary: "A party's points for one doctor, one per aspect (numbers or text with at most one decimal, within each aspect's maximum): a draft (submit=false, saved again as a new row) or the one submission. 409 alreadySubmitted, notAssessed, assessmentFinal; 422 pointsOutOfRange, pointsPrecision", body: saveScoreSchema.omit({ subjectId: true }), response: r.savedScoreSchema, status: 201 },
  // Leave, absences and the service clock (issue 11).
  listDispatchLeave: { method: "get", path: "/dispatches/{dispatchId}/leave", permission: "dispatch.read", summary: "A dispatch's leave requests (newest first) and its service clock", response: lr.leaveListResponseSchema },
  fileLeave: { method: "post", path: "/dispatches/{dispatchId}/leave", permission: "service.file", summary: "The doctor requests leave on their own dispatch (kind HOME_LEAVE, SPOUSE_VISIT, SICK or PERSONAL; first and last day included). 422 with details when outside the dispatch, over other live leave, or past seed 000's limits; extendsService is decided from the programme's threshold (以上 includes it)", body: fileLeaveFields.omit({ dispatchId: true }), response: lr.leaveResponseSchema, status: 201 },
  decideLeave: { method: "post", path: "/leave/{leaveId}/decision", permission: "leave.decide", summary: "The receiving supervisor (PENDING_SUPERVISOR), then the programme's bureau (PENDING_BUREAU, leave that extends service) approves or refuses (a comment required to refuse); version must be the one read, else 409 staleVersion. The bureau's approval moves the dispatch's last day later by the leave's days", body: decideLeaveFields.omit({ leaveId: true }), response: lr.leaveResponseSchema },
  cancelLeave: { method: "post", path: "/leave/{leaveId}/cancel", permission: "service.file", summary: "The doctor withdraws their leave while it awaits a decision; version must be the one read, else 409", body: cancelLeaveSchema.omit({ leaveId: true }), response: lr.leaveResponseSchema },
  leaveQueue: { method: "get", path: "/leave", permission: "dispatch.read", summary: "Leave waiting on the caller, oldest first: PENDING_SUPERVISOR for a receiving unit's supervisor, PENDING_BUREAU for the programme's bureau", response: lr.leaveQueueResponseSchema },
  listAttendance: { method: "get", path: "/dispatches/{dispatchId}/attendance", permission: "dispatch.read", summary: "A dispatch's attendance record (spot checks, routine checks, leave without approval; newest first) and its service clock", response: lr.attendanceListResponseSchema },
  recordAttendance: { method: "post", path: "/dispatches/{dispatchId}/attendance", permission: "attendance.record", summary: "The receiving supervisor or the programme's bureau records a check (present or absent, with a note when absent) or leave taken without approval (always absent). Appended, never changed; more absences than the programme's limit (超过: the limit excluded) and the service does not count as grassroots service", body: recordAttendanceFields.omit({ dispatchId: true }), response: lr.attendanceResponseSchema, status: 201 },
  serviceClock: { method: "get", path: "/dispatches/{dispatchId}/service-clock", permission: "dispatch.read", summary: "Days served, left, leave, absences against the limit, the moved last day and the service credited toward grassroots experience, as of today in Asia/Shanghai", response: lr.serviceClockResponseSchema },
  changeProgramStatus: { method: "post", path: "/programs/{programId}/status", permission: "program.manage", summary: "Moves the programme to another status (target: OPEN, VETTING, DISPATCHING, IN_SERVICE, CLOSED) if its guard allows; 409 with the refusal. Opening after the registration window is refused (registrationWindowPast) unless shiftTimeline=true (the timeline is first moved so registration opens today, as POST …/timeline/shift does, in the same transaction) or confirmed=true (open as it is: nominations then need a stage reopened for a unit). Closing needs confirmed=true (closeNeedsConfirmation)", body: changeStatusSchema.omit({ id: true }), response: r.programSnapshotSchema },
  getTimeline: { method: "get", path: "/programs/{programId}/timeline", permission: "program.read", summary: "The programme's stages in order and its cut-off dates", response: r.timelineSchema },
  updateTimeline: { method: "put", path: "/programs/{programId}/timeline", permission: "program.manage", summary: "Replaces the stages (in the order given; times as Beijing wall clock 'YYYY-MM-DD HH:mm') and the cut-off dates ('YYYY-MM-DD')", body: timelineBodySchema, response: r.timelineSchema },
  getRequiredDocuments: { method: "get", path: "/programs/{programId}/required-documents", permission: "program.read", summary: "The documents (attachment kinds) each stage requires, every stage of the programme in order; passing a stage needs its own and every earlier stage's", response: r.requiredDocumentsSchema },
  setRequiredDocuments: { method: "put", path: "/programs/{programId}/required-documents", permission: "program.manage", summary: "Replaces the documents each stage requires (a stage left out requires nothing; only the programme's own stages — 422 stageNotInProgram; 409 programClosed)", body: requiredDocumentsBodySchema, response: r.requiredDocumentsSchema },
  shiftTimeline: { method: "post", path: "/programs/{programId}/timeline/shift", permission: "program.manage", summary: "Moves every stage and cut-off date by the same whole days so registration opens on opensOn ('YYYY-MM-DD', Beijing; default today), keeping intervals and times of day; audited with the days moved. For a draft or open programme (409 shiftOnlyBeforeVetting; noRegistrationStage)", body: shiftTimelineBodySchema, response: r.timelineSchema },
  listReopenings: { method: "get", path: "/programs/{programId}/reopenings", permission: "vetting.read", summary: "The stages reopened for a unit, newest first", response: r.reopeningListSchema },
  reopenStage: { method: "post", path: "/programs/{programId}/reopenings", permission: "application.reopenStage", summary: "Reopens a stage for one unit until a later deadline (Beijing wall clock 'YYYY-MM-DD HH:mm'), with the reason; the unit's nominators are told", body: reopenStageSchema.omit({ programId: true }), response: r.reopeningSchema, status: 201 },
  setQuotas: { method: "put", path: "/posts/{postId}/quotas", permission: "program.manage", summary: "Replaces the post's minimum nominations per unit (units under the programme's bureau; 0 = no minimum)", body: quotasBodySchema, response: r.quotasSchema },
  rankShortlist: { method: "put", path: "/posts/{postId}/ranking", permission: "application.decide", summary: "Ranks the post's shortlisted candidates: applicationIds in order, first choice first — exactly those that passed the inspection shortlist (409 rankMustListShortlist)", body: rankSchema.omit({ postId: true }), response: r.rankedSchema },
  listOrganizations: { method: "get", path: "/organizations", permission: "organization.read", summary: "Organisations in the caller's scope with kind, level (PROVINCE, CITY, COUNTY, TOWNSHIP) and parent, 20 a page; q searches name, code and region; kind, level and status (active, inactive) filter", query: organizationListQuerySchema, response: r.organizationPageSchema },
  getQuotas: { method: "get", path: "/posts/{postId}/quotas", permission: "program.read", summary: "The post's minimum nominations per unit, by unit name", response: r.quotaListSchema },
  deletePost: { method: "delete", path: "/posts/{postId}", permission: "program.manage", summary: "Deletes a post of a draft programme that has no applications (409 deleteOnlyInDraft, postHasApplications), with its quotas and rules; audited with what it held", response: r.idResponseSchema },
  deleteRule: { method: "delete", path: "/programs/{programId}/rules/{ruleId}", permission: "program.manage", summary: "Deletes an eligibility rule of a programme still open to rule changes; audited with the rule as it was", response: r.ruleDeletedSchema },
  duplicateProgram: { method: "post", path: "/programs/{programId}/duplicate", permission: "program.manage", summary: "A draft copy of the programme for its next round (the year after, the name with it): timeline moved by a year, posts, quotas and rules copied; applications are not", response: r.programSnapshotSchema, status: 201 },
  createOrganization: { method: "post", path: "/organizations", permission: "organization.manage", summary: "An organisation under a bureau in the caller's subtree (parentId); code and grade may be left out. 422 parentRequired, codeTaken, nameTaken, gradeOnlyForHospitals …", body: organizationSchema, response: r.organizationSchema, status: 201 },
  getOrganization: { method: "get", path: "/organizations/{organizationId}", permission: "organization.read", summary: "One organisation in the caller's scope with its parent, breadcrumb and counts; its ETag is the version to edit from", response: r.organizationDetailSchema, versioned: "etag" },
  updateOrganization: { method: "patch", path: "/organizations/{organizationId}", permission: "organization.manage", summary: "Edits an organisation (all its fields; a new parentId moves it) from the version read (If-Match). One's own organisation keeps its parent (403 ownOrganizationMove)", body: organizationSchema, response: r.organizationSchema, versioned: "ifMatch" },
  deactivateOrganization: { method: "post", path: "/organizations/{organizationId}/deactivate", permission: "organization.manage", summary: "Hides an organisation from new selections (nothing is deleted); refused for one's own (403) and while active organisations remain under it (409 hasActiveChildren)", response: r.organizationSchema },
  reactivateOrganization: { method: "post", path: "/organizations/{organizationId}/reactivate", permission: "organization.manage", summary: "Makes a deactivated organisation selectable again; its parent must be active (409 parentInactive)", response: r.organizationSchema },
  // Work logs, mentoring pairs and workload totals (issue 11).
  listWorkLogs: { method: "get", path: "/dispatches/{dispatchId}/work-logs", permission: "dispatch.read", summary: "A dispatch's work logs (newest first), its totals over confirmed logs, and this week's days not yet logged", response: wl.dispatchLogsSchema },
  fileWorkLog: { method: "post", path: "/dispatches/{dispatchId}/work-logs", permission: "service.file", summary: "The doctor files a log of a day or a week (at most 7 days, inside the dispatch, not after today, not overlapping another log: 409 periodOverlaps). Counts are bounded per log (422 countTooHigh); the donated medicine is given in yuan", body: fileWorkLogSchema.omit({ dispatchId: true }), response: wl.workLogSchema, status: 201 },
  resubmitWorkLog: { method: "patch", path: "/work-logs/{workLogId}", permission: "service.file", summary: "The doctor corrects a log that waits or was returned, from the version they read (409 stale); it waits for the supervisor again", body: resubmitWorkLogSchema.omit({ workLogId: true }), response: wl.workLogSchema },
  pendingWorkLogs: { method: "get", path: "/work-logs/pending", permission: "service.supervise", summary: "Logs of doctors placed with the caller's unit that wait for confirmation, oldest first, 50 a page", query: pendingLogsQuerySchema, response: wl.pendingLogsSchema },
  confirmWorkLogs: { method: "post", path: "/work-logs/confirm", permission: "service.supervise", summary: "The receiving supervisor confirms one log or a selection, each at the version read; all or none (409 stale or notWaiting, 404 for a log of another unit)", body: confirmWorkLogsSchema, response: wl.confirmedSchema },
  returnWorkLog: { method: "post", path: "/work-logs/{workLogId}/return", permission: "service.supervise", summary: "The receiving supervisor returns a waiting log with a comment saying what to correct", body: returnWorkLogSchema.omit({ workLogId: true }), response: wl.workLogSchema },
  workloadTotals: { method: "get", path: "/workload", permission: "dispatch.read", summary: "Workload totals over confirmed logs per programme, receiving unit or doctor (by), optionally of one programme; 50 groups a page; mentoring pairs and exams passed", query: workloadQuerySchema, response: wl.workloadPageSchema },
  listMentoringPairs: { method: "get", path: "/dispatches/{dispatchId}/mentoring-pairs", permission: "dispatch.read", summary: "A dispatch's mentoring pairs (师带徒), oldest first", response: wl.mentoringPairListSchema },
  createMentoringPair: { method: "post", path: "/dispatches/{dispatchId}/mentoring-pairs", permission: "service.file", summary: "The doctor records a local mentee, the goals, the dates and the outcome", body: mentoringPairBodySchema, response: wl.mentoringPairSchema, status: 201 },
  updateMentoringPair: { method: "patch", path: "/mentoring-pairs/{mentoringPairId}", permission: "service.file", summary: "The doctor updates a pair (an exam passed, the end date), from the version read (409 stale)", body: mentoringPairUpdateBodySchema, response: wl.mentoringPairSchema },
  deleteMentoringPair: { method: "delete", path: "/mentoring-pairs/{mentoringPairId}", permission: "service.file", summary: "The doctor removes a pair entered by mistake (query: version; 409 stale)", query: z.object({ version: z.coerce.number().int() }), response: wl.deletedSchema },
  listLeaveAttachments: { method: "get", path: "/leave/{leaveId}/attachments", permission: "dispatch.read", summary: "A leave request's certificates (a sick note…), oldest first, for whoever may see its dispatch; the bytes: GET /attachments/{attachmentId}", response: z.array(leaveAttachmentSchema) },
  uploadLeaveAttachment: { method: "post", path: "/leave/{leaveId}/attachments", permission: "service.file", summary: "The doctor attaches a certificate (PDF, JPEG or PNG recognised by its bytes, at most 10 MB: 413 above; at most 5 a request) to their own leave request while it waits or once approved (409 leaveClosed otherwise)", body: leaveUploadFormSchema, bodyType: "multipart/form-data", response: leaveAttachmentSchema, status: 201 },
  counterpartMap: { method: "get", path: "/counterparts", permission: "dispatch.read", summary: "The counterpart map (对口支援): each dispatching unit (the doctors' employer) → receiving unit pair with doctors serving there now or coming (planned, or arriving later), with counts and up to 20 names each; in the caller's scope (a bureau its programmes', a unit its own); programId narrows to one programme", query: counterpartQuerySchema, response: rd.counterpartMapSchema },
  // The hand-over packet (交接), issue 11.
  getHandover: { method: "get", path: "/dispatches/{dispatchId}/handover", permission: "dispatch.read", summary: "A dispatch's hand-over packet (open cases, mentees, projects, contacts), who has read it and when, and what the caller may do. The successor doctor may open the packet of the dispatch they follow; a draft is its author's alone", response: ho.handoverViewSchema },
  saveHandover: { method: "put", path: "/dispatches/{dispatchId}/handover", permission: "service.file", summary: "The doctor saves the packet of their active dispatch as a draft (submit=false) or submits it (every section filled: 422 sectionRequired); version is the one read, 0 for the first (409 stale). A submitted packet stays submitted; later saves are corrections the readers see", body: handoverFields, response: ho.handoverPacketSchema },
  acknowledgeHandover: { method: "post", path: "/dispatches/{dispatchId}/handover/read", permission: "handover.acknowledge", summary: "The successor doctor or the receiving unit's supervisor confirms having read the submitted packet (again after a change: the receipt's time moves)", response: ho.handoverReadSchema, status: 201 },
  listDispatches: { method: "get", path: "/dispatches", permission: "dispatch.read", summary: "The dispatches the caller may see (planned and active, and the predecessors they follow; ended=1 for all), at most 600, with the hand-over gaps and overlaps longer than the programme's hand-over among them", query: dispatchBoardQuerySchema, response: rd.dispatchBoardSchema },
  createDispatch: { method: "post", path: "/dispatches", permission: "dispatch.manage", summary: "A dispatch from an approved application: start date (arrival), service months (the programme's by default), acting position, predecessor; the last day is the day before start + N months. 409 overlapsOtherDispatch when the doctor already serves in those days (also under concurrent requests)", body: createDispatchSchema, response: rd.dispatchSummarySchema, status: 201 },
  getDispatch: { method: "get", path: "/dispatches/{dispatchId}", permission: "dispatch.read", summary: "One dispatch: start and last day, status, events (oldest first), predecessor and successor, the hand-over issue, what the caller may do", response: rd.dispatchDetailSchema },
  activateDispatch: { method: "post", path: "/dispatches/{dispatchId}/activate", permission: "dispatch.manage", summary: "The doctor has arrived: planned → active, not before the start date; expectedVersion is the version read (409 staleVersion otherwise)", body: dispatchTransitionSchema.omit({ dispatchId: true }), response: rd.dispatchSummarySchema },
  completeDispatch: { method: "post", path: "/dispatches/{dispatchId}/complete", permission: "dispatch.manage", summary: "Service is over: active → completed, on or after the last day", body: dispatchTransitionSchema.omit({ dispatchId: true }), response: rd.dispatchSummarySchema },
  cancelDispatch: { method: "post", path: "/dispatches/{dispatchId}/cancel", permission: "dispatch.manage", summary: "A planned dispatch is called off before arrival, with the reason", body: cancelDispatchSchema.omit({ dispatchId: true }), response: rd.dispatchSummarySchema },
  terminateDispatch: { method: "post", path: "/dispatches/{dispatchId}/terminate", permission: "dispatch.manage", summary: "An active dispatch ends early: the last day served (before the current last day) and the reason", body: terminateDispatchSchema.omit({ dispatchId: true }), response: rd.dispatchSummarySchema },
  extendDispatch: { method: "post", path: "/dispatches/{dispatchId}/extend", permission: "dispatch.manage", summary: "Service is extended: a later last day and the reason; 409 overlapsOtherDispatch when it would reach the doctor's next dispatch", body: extendDispatchSchema.omit({ dispatchId: true }), response: rd.dispatchSummarySchema },
  getNotice: { method: "get", path: "/programs/{programId}/notice", permission: "notice.object", summary: "The public notice (公示) of a rotation batch (batch=1 by default) as the caller may see it: its window (Beijing days, Mon–Fri working days), phase, names (ID numbers masked but for the programme's bureau staff), the caller's objections (staff: all of them), and for staff the list now and every frozen version with its SHA-256", query: noticeQuerySchema, response: nr.noticeViewSchema },
  publishNotice: { method: "post", path: "/programs/{programId}/notice", permission: "notice.manage", summary: "Staff publish the batch's approved list for a window of working days (the programme's noticeWorkingDays unless given; startDate today unless given, a weekend start moves to Monday). 409 noticeRunning, alreadyConfirmed, nothingApproved; 422 startInPast", body: publishNoticeSchema.omit({ programId: true }), response: nr.noticeSummarySchema, status: 201 },
  exportNotice: { method: "get", path: "/programs/{programId}/notice/export", permission: "notice.object", summary: "The notice as plain text to print or post: the window, the names, the notice's hash and the current frozen version's hash", query: noticeQuerySchema, response: { file: "text/plain; charset=utf-8" } },
  withdrawAppointee: { method: "post", path: "/programs/{programId}/notice/withdrawals", permission: "notice.manage", summary: "Staff withdraw an appointee with the reason: a WITHDRAW decision at the approval stage (the vetting decision path); once the list is confirmed, the change is its next version at once. 409 notAnAppointee, appointeeDispatched (cancel the dispatch first), noNotice", body: withdrawAppointeeSchema.omit({ programId: true }), response: nr.withdrawResultSchema },
  listObjections: { method: "get", path: "/programs/{programId}/objections", permission: "notice.object", summary: "Objections to the batch's notice, oldest first: every one for the programme's staff, one's own for anyone else, each with its answer", query: noticeQuerySchema, response: nr.objectionListSchema },
  fileObjection: { method: "post", path: "/programs/{programId}/objections", permission: "notice.object", summary: "Anyone signed in who can see the programme objects to a name of the latest notice, with the reason, on a day of its window only: 409 noticeNotStarted, noticeWindowClosed (details.end), noticeSuperseded; 422 notOnNotice. Nothing is written when refused", body: fileObjectionSchema.omit({ programId: true }), response: nr.objectionCreatedSchema, status: 201 },
  answerObjection: { method: "post", path: "/programs/{programId}/objections/{objectionId}/answer", permission: "notice.manage", summary: "Staff answer an objection, once (409 alreadyAnswered); the objector is notified", body: answerObjectionSchema.omit({ objectionId: true, programId: true }), response: nr.objectionAnsweredSchema, status: 201 },
  listListVersions: { method: "get", path: "/programs/{programId}/list-versions", permission: "notice.manage", summary: "The batch's frozen list versions, newest (current) first, each with its canonical content and SHA-256", query: noticeQuerySchema, response: nr.versionListSchema },
  confirmList: { method: "post", path: "/programs/{programId}/list-versions", permission: "notice.manage", summary: "Staff confirm (freeze) the batch's list: the first time after the window has closed (409 noticeWindowOpen) with every objection answered (409 openObjections) and no one approved after the notice (409 approvedAfterNotice); later, a changed list (409 listUnchanged) with the reason (422 reasonRequired) — each a new version with its own SHA-256", body: confirmListSchema.omit({ programId: true }), response: nr.versionSummarySchema, status: 201 },
  dispatchCandidates: { method: "get", path: "/programs/{programId}/dispatch-candidates", permission: "dispatch.manage", summary: "Approved applications of the programme not dispatched yet, each with the dispatches it could succeed (same receiving unit and specialty)", response: rd.dispatchCandidatesSchema },
  // Allowances (issue 13): money in whole fen (integers) in every field named …Fen, in and out.
  getAllowancePolicy: { method: "get", path: "/allowances/programs/{programId}/items", permission: "allowance.read", summary: "A programme's allowance policy: its items (amountFen in whole fen) with the paid and unpaid sums of each, and whether the caller keeps it", response: ar.allowancePolicySchema },
  createAllowanceItem: { method: "post", path: "/allowances/programs/{programId}/items", permission: "allowance.manage", summary: "The programme's bureau staff add an item: kind, amountFen (whole fen, 1 … 100000000; 422 amountPositive / amountTooLarge / amountInvalid for a fraction), payer (422 payerRequired when missing), payee, startsAt. The programme's dispatches get its lines not yet due", body: createItemSchema.omit({ programId: true }), response: ar.allowanceItemWriteSchema, status: 201 },
  applyAllowanceTemplate: { method: "post", path: "/allowances/programs/{programId}/templates", permission: "allowance.manage", summary: "Adds seed 000's (longTermAid) or seed 001's (countyHireTownshipUse) items to the policy; items of the same name already there are left alone", body: applyTemplateSchema.omit({ programId: true }), response: ar.allowanceTemplateResultSchema },
  updateAllowanceItem: { method: "patch", path: "/allowances/items/{itemId}", permission: "allowance.manage", summary: "New values of an item from the version read (409 staleVersion). Applies only to lines not yet due: paid and due lines keep their amounts; audited with before and after", body: updateItemSchema.omit({ itemId: true }), response: ar.allowanceItemWriteSchema },
  getAllowanceSchedule: { method: "get", path: "/allowances/dispatches/{dispatchId}", permission: "allowance.read", summary: "A dispatch's payment schedule: every line the caller may see (period, days served over the month's days, rate and amount in fen, payer, payee, paid or not) and the totals, which are the sums of the lines", response: ar.allowanceScheduleSchema },
  addAllowanceEventLine: { method: "post", path: "/allowances/dispatches/{dispatchId}/events", permission: "allowance.manage", summary: "Staff add an event's line by hand (an award for an excellent annual grade) at the per-event item's amount, with the reason; due on eventDate", body: addEventLineFields.omit({ dispatchId: true }), response: ar.allowanceLineCoreSchema, status: 201 },
  adjustAllowanceLine: { method: "post", path: "/allowances/lines/{lineId}/adjustments", permission: "allowance.manage", summary: "A correction to a paid line: a new line of amountFen (negative or positive whole fen, not zero) with the reason; the paid line is never edited (409 adjustUnpaid for an unpaid one)", body: adjustLineSchema.omit({ lineId: true }), response: ar.allowanceLineCoreSchema, status: 201 },
  removeAllowanceLine: { method: "post", path: "/allowances/lines/{lineId}/removal", permission: "allowance.manage", summary: "Removes an unpaid line staff added by hand, with the reason; a paid line (409 linePaid) or a generated one (409 lineGenerated) never", body: removeLineSchema.omit({ lineId: true }), response: ar.allowanceLineRemovedSchema },
  allowancesDue: { method: "get", path: "/allowances/due", permission: "allowance.read", summary: "Finance's month (this month in Beijing by default): per payer what is due (unpaid lines due by the month's end, overdue counted) and what was paid in it, and 100 lines a page (status due or paid)", query: dueQuerySchema, response: ar.allowanceDueSchema },
  markAllowancesPaid: { method: "post", path: "/allowances/payments", permission: "allowance.pay", summary: "A finance officer of the paying organisation marks one line or many paid with one voucher number and the day paid (not after today). All or none: a line already paid is a 409 alreadyPaid naming it, a line of another bureau a 404, nothing written", body: markPaidSchema, response: ar.allowancePaidSchema },
  allowanceTotals: { method: "get", path: "/allowances/totals", permission: "allowance.finance", summary: "Totals by month (of the due date), payer, programme and item over from..to (the last 12 months by default), optionally of one programme; each the exact sum of its lines, in fen", query: totalsApiQuerySchema, response: ar.allowanceTotalsSchema },
  exportPaymentSheet: { method: "get", path: "/allowances/payment-sheet", permission: "allowance.finance", summary: "The month's payment sheet (发放表) as .xlsx: payee, account holder, item, period, amount in yuan with two decimals, subtotals per payer, signature rows; a second sheet of totals per payer, programme and item", query: paymentSheetQuerySchema, response: { file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  exportAllowanceTotals: { method: "get", path: "/allowances/totals/export", permission: "allowance.finance", summary: "The totals (as GET /allowances/totals) as .xlsx", query: totalsApiQuerySchema, response: { file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  // Accounts, API tokens, the caller's own account and inbox (issue 15): what the admin pages and the account menu do.
  listUsers: { method: "get", path: "/users", permission: "user.read", summary: "Accounts in the caller's scope, 20 a page, by organisation and user name; q searches user and display name; role, organizationId and status (active, locked, inactive) filter", query: userListQuerySchema, response: acc.userPageSchema },
  createUser: { method: "post", path: "/users", permission: "user.manage", summary: "An account in an organisation of the caller's subtree with a generated password, answered this once (the holder must change it at first sign-in); doctorId links a DOCTOR account to its doctor; email and phone may be left out. 422 usernameTaken, usernameFormat, doctorHasAccount, emailInvalid, phoneInvalid …", body: createUserSchema, response: acc.userWithPasswordSchema, status: 201 },
  getUser: { method: "get", path: "/users/{userId}", permission: "user.read", summary: "One account in scope (never its password or hash); its ETag is the version to edit from", response: acc.userDetailSchema, versioned: "etag" },
  updateUser: { method: "patch", path: "/users/{userId}", permission: "user.manage", summary: "Edits display name, role, organisation, linked doctor, e-mail and phone from the version read (If-Match). One's own role and organisation stay (422 cannotChangeOwnRole, cannotChangeOwnOrganization)", body: updateUserSchema.omit({ id: true, version: true }), response: acc.userDetailSchema, versioned: "ifMatch" },
  resetUserPassword: { method: "post", path: "/users/{userId}/password-reset", permission: "user.manage", summary: "A new generated password, answered this once; the holder must change it, any lock-out is lifted and their sessions end", response: acc.userWithPasswordSchema },
  deactivateUser: { method: "post", path: "/users/{userId}/deactivate", permission: "user.manage", summary: "The account can no longer sign in or use its tokens (nothing is deleted); one's own account never (422 cannotDeactivateSelf)", response: acc.userDetailSchema },
  reactivateUser: { method: "post", path: "/users/{userId}/reactivate", permission: "user.manage", summary: "A deactivated account may sign in again", response: acc.userDetailSchema },
  unlockUser: { method: "post", path: "/users/{userId}/unlock", permission: "user.manage", summary: "Lifts a lock-out (too many failed sign-ins) before its 15 minutes are up", response: acc.userDetailSchema },
  listApiTokens: { method: "get", path: "/users/{userId}/api-tokens", permission: "user.manage", summary: "An account's API tokens, newest first, revoked ones too (never their secret)", response: acc.apiTokenListSchema },
  issueApiToken: { method: "post", path: "/users/{userId}/api-tokens", permission: "user.manage", summary: "A new bearer token for the account: name, and expiresOn (YYYY-MM-DD, through that day in Beijing time; left out: never expires). The secret is answered this once. 422 nameRequired, expiryInPast", body: issueApiTokenSchema.omit({ userId: true }), response: acc.issuedApiTokenSchema, status: 201 },
  revokeApiToken: { method: "post", path: "/api-tokens/{tokenId}/revoke", permission: "user.manage", summary: "Revokes a token at once (again: no change)", response: acc.revokedApiTokenSchema },
  listNotifications: { method: "get", path: "/notifications", permission: "self.notifications", summary: "The caller's own notifications, newest first, 20 a page, all or unread only (filter), with the unread count", query: notificationListQuerySchema, response: acc.notificationPageSchema },
  markNotificationRead: { method: "post", path: "/notifications/{notificationId}/read", permission: "self.notifications", summary: "Marks one of the caller's notifications read (again: no change); another's is 404", response: acc.notificationReadSchema },
  markAllNotificationsRead: { method: "post", path: "/notifications/read-all", permission: "self.notifications", summary: "Marks every unread notification of the caller read", response: acc.notificationsReadSchema },
  getOwnAccount: { method: "get", path: "/me", permission: "signedIn", summary: "The caller's own account: names, role, organisation, e-mail and phone (an administrator sets them), language, password state", response: acc.ownAccountSchema },
  changeOwnPassword: { method: "post", path: "/me/password", permission: "self.changePassword", summary: "The caller changes their own password: currentPassword, newPassword (the password rules), confirmPassword. A wrong current password counts as a failed sign-in (422 currentPasswordWrong, accountLocked)", body: changePasswordSchema, response: acc.passwordChangedSchema },
  setOwnLocale: { method: "put", path: "/me/locale", permission: "self.switchLocale", summary: "The caller's language (zh-CN or en): the app's words and notifications to come", body: switchLocaleSchema, response: acc.localeSchema },
  // The to-do inbox (issue 16).
  getInbox: { method: "get", path: "/inbox", permission: "self.notifications", summary: "What waits on the caller now, counted within their scope, the longest-waiting first: applications to review per stage (bureau staff), self-registrations to endorse (units), unanswered objections per notice, leave to approve (the supervisor's or the bureau's step), work logs to confirm, the doctor's returned logs, score sheets to give per assessment, allowances due this month (finance), hand-over packets to read; each with the app page where it is done and its nearest deadline", response: inboxSchema },
  // Workforce indicators and targeted students (seed 002, issue 16).
  workforceIndicators: { method: "get", path: "/workforce/indicators", permission: "workforce.indicators", summary: "A region's (a bureau's, the caller's own unless regionId names one at or below it) indicators year by year: target, actual (entered counts, or counted from the registry's doctors of the region), the gap to the target and whether it is met", query: workforceQuerySchema, response: wf.workforceIndicatorsSchema },
  exportWorkforceIndicators: { method: "get", path: "/workforce/indicators/export", permission: "workforce.indicators", summary: "The region's indicators table (as GET /workforce/indicators) as .xlsx", query: workforceQuerySchema, response: { file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } },
  createWorkforceFigure: { method: "post", path: "/workforce/figures", permission: "workforce.manage", summary: "A region's target and entered actual (numerator and denominator together) of one indicator for one year; registry indicators take a target only (422 countedFromRegistry); 422 figureExists when the year has one", body: createFigureFields, response: wf.figureSchema, status: 201 },
  updateWorkforceFigure: { method: "patch", path: "/workforce/figures/{figureId}", permission: "workforce.manage", summary: "Corrects a figure's target and actual from the version read (409 staleEdit)", body: updateFigureFields, response: wf.figureSchema },
  listTargetedContracts: { method: "get", path: "/workforce/contracts", permission: "workforce.read", summary: "Targeted medical students' (定向医学生) service contracts owed to units in the caller's scope (a hospital: its own), with the last day, days served and days left; regionId narrows to a region, status to serving, fulfilled or notStarted", query: contractQuerySchema, response: wf.contractListSchema },
  createTargetedContract: { method: "post", path: "/workforce/contracts", permission: "workforce.manage", summary: "A targeted student's contract: name, school, graduation year, years of grassroots service owed, first day, the unit served (in the caller's scope), the registry record if any", body: contractFields, response: wf.contractSchema, status: 201 },
  updateTargetedContract: { method: "patch", path: "/workforce/contracts/{contractId}", permission: "workforce.manage", summary: "Corrects a contract from the version read (409 staleEdit)", body: updateContractFields, response: wf.contractSchema },
  promotionService: { method: "get", path: "/workforce/promotion-service", permission: "workforce.read", summary: "Doctors of city and county hospitals below 副高 with the full-time grassroots service their registry records count (overlaps once, to today) against the year required before promotion (医师法 第四十七条): met or not, days left", query: workforceQuerySchema, response: wf.promotionServiceSchema },
  openapi: { method: "get", path: "/openapi.json", permission: "program.read", summary: "This document", response: z.object({ openapi: z.string() }).catchall(z.unknown()) },
} satisfies Record<string, ApiOperation>;

const pathParamNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
const pathSchemas: Record<string, z.ZodObject> = { programId: programId, postId: postId, doctorId: doctorId };

function pathParams(path: string): z.ZodObject | undefined {
  const names = pathParamNames(path);
  if (names.length === 0) return undefined;
  return z.object(Object.fromEntries(names.map((n) => [n, pathSchemas[n]?.shape[n] ?? z.string()])));
}

const errorContent = { "application/json": { schema: r.errorResponseSchema } };
const errors = {
  "400": { description: "Malformed JSON body", content: errorContent },
  "401": { description: "No session, or the token is unknown, revoked or expired", content: errorContent },
  "403": { description: "The caller's role or scope does not allow it", content: errorContent },
  "404": { description: "Not found (or not visible to the caller)", content: errorContent },
  "409": { description: "Refused in the record's current state", content: errorContent },
  "422": { description: "The input failed the schema: fieldErrors per dotted path", content: errorContent },
  "429": { description: "Too many wrong bearer tokens from this address: every bearer call from it is refused until Retry-After (seconds)", content: errorContent },
};

// Versioned records (issue 12): the version travels as a strong ETag, `"7"`.
const etagHeader = z.object({ ETag: z.string().meta({ description: 'The record\'s version as a strong tag ("7"); send it back as If-Match to edit it', example: '"7"' }) });
const ifMatchParams = z.object({ "if-match": z.string().meta({ description: 'The ETag (version) the edit started from, e.g. "7"', example: '"7"' }) });
const versionedErrors = {
  "409": { description: "Refused in the record's current state; staleEdit: someone changed it since the If-Match version (details: by, at, fields, version)", content: errorContent },
  "428": { description: "If-Match missing or not a version tag", content: errorContent },
};

/** The OpenAPI 3.1 document of /api/v1, built from the registry's zod schemas. */
export function buildOpenApiDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const [operationId, op] of Object.entries(operations) as [string, ApiOperation][]) {
    const path = pathParams(op.path);
    const success = "file" in op.response
      ? { description: op.response.file, content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } }
      : { description: "OK", content: { "application/json": { schema: op.response } }, ...(op.versioned ? { headers: etagHeader } : {}) };
    const header = op.versioned === "ifMatch" ? ifMatchParams : undefined;
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId,
      summary: op.summary,
      description: `Permission: ${op.permission}`,
      ...(op.query || path || header ? { requestParams: { ...(op.query ? { query: op.query } : {}), ...(path ? { path } : {}), ...(header ? { header } : {}) } } : {}),
      ...(op.body ? { requestBody: { required: true, content: { [op.bodyType ?? "application/json"]: { schema: op.body } } } } : {}),
      responses: { [String(op.status ?? 200)]: success, ...errors, ...(op.versioned === "ifMatch" ? versionedErrors : {}) },
      ...(op.permission === "raterLink" ? { security: [] } : {}),
    };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Doctor secondment API",
      version: "1",
      description: "Authenticate with `Authorization: Bearer <token>` (an administrator issues tokens on the account's page) or the browser session.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  });
}
