import "server-only";
import { registrationNumber } from "../domain/registration-number";
import type { ProgramKind } from "../generated/prisma/enums";
import type { Tx } from "./kit";

// The registration number (报名编号) of a new application: the programme's counter is raised in the
// transaction that creates the application. The UPDATE takes the programme row's lock, so two
// applications created at once to the same programme are numbered one after the other, and a
// rolled-back creation gives its number back with the rest of its transaction.

/** The next number of the post's programme (2013-援疆-001, 2013-援疆-002 …), its counter raised. */
export async function nextRegistrationNo(tx: Tx, postId: string): Promise<string> {
  const [program] = await tx.$queryRaw<{ year: number; name: string; kind: ProgramKind; seq: number }[]>`
    UPDATE "Program" p
       SET "lastRegistrationSeq" = p."lastRegistrationSeq" + 1
      FROM "Post" po
     WHERE po.id = ${postId} AND p.id = po."programId"
    RETURNING p.year, p.name, p.kind::text AS kind, p."lastRegistrationSeq" AS seq`;
  if (!program) throw new Error(`no programme for post ${postId}`);
  return registrationNumber(program, program.seq);
}
