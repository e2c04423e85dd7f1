import { z } from "zod";

// What /api/v1 answers about hand-over packets (交接) (lib/api/openapi.ts). Calendar days are ISO
// strings at midnight UTC.

const instant = z.iso.datetime().meta({ description: "ISO 8601 instant, UTC" });
const calendarDay = z.iso.datetime().meta({ description: "Calendar day, as midnight UTC" });
const ROLES = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR", "FINANCE_OFFICER"] as const;

export const handoverPacketSchema = z
  .object({
    id: z.string(),
    dispatchId: z.string(),
    openCases: z.string().meta({ description: "Open cases the successor takes over" }),
    mentees: z.string().meta({ description: "Local mentees (师带徒) and where each stands" }),
    projects: z.string().meta({ description: "Ongoing projects and new techniques" }),
    contacts: z.string().meta({ description: "People to know at the receiving unit and beyond" }),
    notes: z.string().nullable(),
    submittedAt: instant.nullable().meta({ description: "Null while a draft (only its author sees a draft)" }),
    updatedAt: instant,
    version: z.number().int(),
  })
  .meta({ id: "HandoverPacket" });

const readReceipt = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES).nullable(),
  organization: z.string(),
  readAt: instant,
  isCurrent: z.boolean().meta({ description: "Read after the packet's last change" }),
});

export const handoverViewSchema = z
  .object({
    dispatch: z.object({
      id: z.string(),
      doctorId: z.string(),
      status: z.string(),
      startDate: calendarDay,
      lastDay: calendarDay,
      doctor: z.object({ name: z.string() }),
      receivingOrg: z.object({ name: z.string() }),
      post: z.object({ title: z.string() }),
      program: z.object({ name: z.string() }),
      successor: z.object({ id: z.string(), doctorId: z.string(), startDate: calendarDay, status: z.string(), doctor: z.object({ name: z.string() }) }).nullable(),
    }),
    packet: handoverPacketSchema.nullable().meta({ description: "Null when none is filed, or (for others than its author) while it is a draft" }),
    reads: z.array(readReceipt),
    myRead: readReceipt.nullable().meta({ description: "The caller's own receipt" }),
    suggestedMentees: z.string().meta({ description: "For the author's first draft: the mentees in progress, one a line" }),
    can: z.object({ edit: z.boolean(), acknowledge: z.boolean() }),
  })
  .meta({ id: "HandoverView" });

export const handoverReadSchema = z.object({ packetId: z.string(), readAt: instant });
