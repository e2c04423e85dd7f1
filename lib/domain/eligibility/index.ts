// The eligibility rule engine: pure functions, no I/O. See evaluate.ts and leaves.ts.
export { anniversary, fullYears, isLeapYear, isoDay, toCalendarDay } from "./calendar";
export { all, any, evaluateRule, evaluateRules, leavesBehind, not, reasonGroups, reasonGroupsFor, reasonsFor } from "./evaluate";
export type { DoctorFacts, EducationLevel, Evaluation, Explanation, LeafResult, NodeResult, OrganizationLevel, PositionRank, PractisingCategory, TitleLevel, Verdict } from "./types";
