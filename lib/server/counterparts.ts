import "server-only";
import { authorize, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { scopeSql } from "./work-log-queries";

// The counterpart map (对口支援): which dispatching units (the doctors' employers) support which
// receiving units, with the doctors there now and those coming — grouped and counted in one SQL
// query over the dispatches the caller may see (dispatchScopeFilter, as the workload totals), so a
// bureau sees its programmes', a dispatching unit its own doctors', a receiving unit who supports it.

/** Names listed per pair and group (the counts are always whole). */
export const NAMES_PER_PAIR = 20;

export interface CounterpartDoctor {
  dispatchId: string;
  name: string;
  /** Here now: the last day of service; coming: the day of arrival (ISO calendar days). */
  day: string;
  postTitle: string;
}

export interface CounterpartPair {
  dispatchingOrgId: string;
  dispatchingOrgName: string;
  receivingOrgId: string;
  receivingOrgName: string;
  hereCount: number;
  comingCount: number;
  here: CounterpartDoctor[];
  coming: CounterpartDoctor[];
}

export interface CounterpartMap {
  today: string;
  pairs: CounterpartPair[];
  totals: { here: number; coming: number; dispatchingOrgs: number; receivingOrgs: number };
}

interface Row {
  dispatchingOrgId: string;
  dispatchingOrgName: string;
  receivingOrgId: string;
  receivingOrgName: string;
  hereCount: bigint;
  comingCount: bigint;
  here: CounterpartDoctor[] | null;
  coming: CounterpartDoctor[] | null;
}

/** Every dispatching → receiving pair with a doctor serving now or coming, receiving unit first, then dispatching unit, by name. */
export async function counterpartMap(db: PrismaClient, scope: Scope, options: { programId?: string } = {}, now = new Date()): Promise<CounterpartMap> {
  authorize(scope, "dispatch.read");
  const today = shanghaiDay(now);
  const program = options.programId ? Prisma.sql`AND d."programId" = ${options.programId}` : Prisma.empty;
  const isHere = Prisma.sql`d.status = 'ACTIVE' AND d."startDate" <= ${today}::date`;
  // Coming: a later arrival, or a planned one whose arrival has not been recorded yet.
  const isComing = Prisma.sql`(d."startDate" > ${today}::date OR d.status = 'PLANNED')`;
  const doctor = (day: Prisma.Sql) => Prisma.sql`json_build_object('dispatchId', d.id, 'name', doc.name, 'day', to_char(${day}, 'YYYY-MM-DD'), 'postTitle', post.title)`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT e.id AS "dispatchingOrgId", e.name AS "dispatchingOrgName", r.id AS "receivingOrgId", r.name AS "receivingOrgName",
           count(*) FILTER (WHERE ${isHere}) AS "hereCount",
           count(*) FILTER (WHERE ${isComing}) AS "comingCount",
           (array_agg(${doctor(Prisma.sql`d."lastDay"`)} ORDER BY d."lastDay", doc.name) FILTER (WHERE ${isHere}))[1:${NAMES_PER_PAIR}] AS here,
           (array_agg(${doctor(Prisma.sql`d."startDate"`)} ORDER BY d."startDate", doc.name) FILTER (WHERE ${isComing}))[1:${NAMES_PER_PAIR}] AS coming
      FROM "Dispatch" d
      JOIN "Program" p ON p.id = d."programId"
      JOIN "Doctor" doc ON doc.id = d."doctorId"
      JOIN "Post" post ON post.id = d."postId"
      JOIN "Organization" e ON e.id = doc."employerId"
      JOIN "Organization" r ON r.id = d."receivingOrgId"
     WHERE ${scopeSql(scope)}
       AND d.status IN ('PLANNED', 'ACTIVE') AND d."lastDay" >= ${today}::date
       ${program}
     GROUP BY e.id, e.name, r.id, r.name
    HAVING count(*) FILTER (WHERE ${isHere}) + count(*) FILTER (WHERE ${isComing}) > 0
     ORDER BY r.name, e.name`;
  const pairs = rows.map((r) => ({ ...r, hereCount: Number(r.hereCount), comingCount: Number(r.comingCount), here: r.here ?? [], coming: r.coming ?? [] }));
  return {
    today,
    pairs,
    totals: {
      here: pairs.reduce((n, p) => n + p.hereCount, 0),
      coming: pairs.reduce((n, p) => n + p.comingCount, 0),
      dispatchingOrgs: new Set(pairs.map((p) => p.dispatchingOrgId)).size,
      receivingOrgs: new Set(pairs.map((p) => p.receivingOrgId)).size,
    },
  };
}
