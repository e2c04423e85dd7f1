// The migrations produce exactly the database prisma/schema.prisma describes: tables, columns
// (type, nullability, default), enums, primary keys, unique and plain indexes, foreign keys — and
// nothing more. A schema change without its migration (or the reverse) fails here, naming the difference.
import internals from "@prisma/internals";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./setup/db";

type Datamodel = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];
/** The DMMF is deeply readonly; the "can fail" cases below edit a copy. */
type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
type WritableDatamodel = Writable<Datamodel>;

interface ColumnInfo {
  table: string;
  column: string;
  dataType: string;
  udtName: string;
  isNullable: boolean;
  precision: number | null;
  default: string | null;
}
interface IndexInfo {
  table: string;
  name: string;
  isUnique: boolean;
  isPrimary: boolean;
  columns: string[];
}
interface ForeignKeyInfo {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}
interface DatabaseSnapshot {
  tables: string[];
  columns: ColumnInfo[];
  enums: Map<string, string[]>;
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
}

const IGNORED_TABLES = new Set(["_prisma_migrations"]);
const FK_ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

async function snapshot(db: TestDatabase): Promise<DatabaseSnapshot> {
  const q = <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);
  const tables = await q<{ name: string }>(
    `SELECT table_name::text AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const columns = await q<ColumnInfo>(
    `SELECT table_name::text AS "table", column_name::text AS "column", data_type::text AS "dataType",
            udt_name::text AS "udtName", is_nullable = 'YES' AS "isNullable",
            datetime_precision::int AS "precision", column_default::text AS "default"
     FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const enums = await q<{ name: string; values: string[] }>(
    `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );
  const indexes = await q<IndexInfo>(
    `SELECT t.relname::text AS "table", i.relname::text AS name, ix.indisunique AS "isUnique", ix.indisprimary AS "isPrimary",
            ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns
     FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema()
       -- Exclusion constraints (a doctor's dispatches never overlap) live in the database only, like CHECKs.
       AND NOT ix.indisexclusion`,
  );
  const foreignKeys = await q<ForeignKeyInfo & { onDelete: string; onUpdate: string }>(
    `SELECT t.relname::text AS "table", c.conname::text AS name, r.relname::text AS "refTable",
            c.confdeltype::text AS "onDelete", c.confupdtype::text AS "onUpdate",
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "refColumns"
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  return {
    tables: tables.map((t) => t.name).filter((t) => !IGNORED_TABLES.has(t)),
    columns: columns.filter((c) => !IGNORED_TABLES.has(c.table)),
    enums: new Map(enums.map((e) => [e.name, e.values])),
    indexes,
    foreignKeys: foreignKeys.map((fk) => ({ ...fk, onDelete: FK_ACTIONS[fk.onDelete] ?? fk.onDelete, onUpdate: FK_ACTIONS[fk.onUpdate] ?? fk.onUpdate })),
  };
}

const dbName = (x: { name: string; dbName?: string | null }) => x.dbName ?? x.name;
const list = (xs: readonly string[]) => `(${xs.join(", ")})`;

/** What information_schema should say for a scalar or enum field. */
function expectedType(field: Field, enumNames: Set<string>): { dataType: string; udtName?: string; precision?: number } {
  if (field.isList) throw new Error(`${field.name}: list fields are not handled by this test yet`);
  if (enumNames.has(field.type)) return { dataType: "USER-DEFINED", udtName: field.type };
  const [native, args = []] = field.nativeType ?? [];
  if (field.type === "DateTime") {
    if (native === "Date") return { dataType: "date" };
    if (native === "Timestamptz") return { dataType: "timestamp with time zone", precision: Number(args[0] ?? 6) };
    if (native === "Timestamp" || !native) return { dataType: "timestamp without time zone", precision: Number(args[0] ?? 3) };
  }
  const plain: Record<string, string> = {
    String: "text", Int: "integer", BigInt: "bigint", Boolean: "boolean", Float: "double precision",
    Json: "jsonb", Bytes: "bytea", Decimal: "numeric",
  };
  const natives: Record<string, string> = { VarChar: "character varying", Char: "character", Uuid: "uuid", Json: "json", Text: "text" };
  const dataType = native && natives[native] ? natives[native] : plain[field.type];
  if (!dataType) throw new Error(`${field.name}: type ${field.type} ${native ?? ""} is not handled by this test yet`);
  return { dataType };
}

/** The column default the migration should have set, normalised like `normaliseDefault`; null = none. */
function expectedDefault(field: Field): string | null {
  const value = field.default as unknown;
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !Array.isArray(value)) {
    const fn = (value as { name: string }).name;
    if (fn === "now") return "CURRENT_TIMESTAMP";
    if (fn === "autoincrement") return "nextval(…)";
    return null; // cuid(), uuid(): set by Prisma Client, not the database
  }
  return typeof value === "string" ? `'${value}'` : String(value);
}

function normaliseDefault(raw: string | null): string | null {
  if (raw === null) return null;
  if (raw.startsWith("nextval(")) return "nextval(…)";
  return raw.replace(/::[\w" ]+$/, "");
}

/** Every difference between the datamodel and the database, in words; empty when they match. */
function compareSchema(datamodel: Datamodel, db: DatabaseSnapshot): string[] {
  const problems: string[] = [];
  const enumNames = new Set(datamodel.enums.map((e) => e.name));

  for (const e of datamodel.enums) {
    const expected = e.values.map((v) => dbName(v));
    const actual = db.enums.get(dbName(e));
    if (!actual) problems.push(`enum ${dbName(e)} is missing`);
    else if (actual.join() !== expected.join()) problems.push(`enum ${dbName(e)} has values ${list(actual)}, the schema says ${list(expected)}`);
  }
  for (const name of db.enums.keys()) {
    if (!datamodel.enums.some((e) => dbName(e) === name)) problems.push(`enum ${name} exists in the database but not in the schema`);
  }

  const modelTables = new Set(datamodel.models.map((m) => dbName(m)));
  for (const table of db.tables) {
    if (!modelTables.has(table)) problems.push(`table ${table} exists in the database but no model maps to it`);
  }

  for (const model of datamodel.models) {
    const table = dbName(model);
    if (!db.tables.includes(table)) {
      problems.push(`table ${table} (model ${model.name}) is missing`);
      continue;
    }
    const columnOf = (fieldName: string) => dbName(model.fields.find((f) => f.name === fieldName) ?? { name: fieldName });
    const scalars = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    const actualColumns = db.columns.filter((c) => c.table === table);

    for (const field of scalars) {
      const where = `${table}.${dbName(field)}`;
      const column = actualColumns.find((c) => c.column === dbName(field));
      if (!column) {
        problems.push(`column ${where} is missing`);
        continue;
      }
      const type = expectedType(field, enumNames);
      if (column.dataType !== type.dataType || (type.udtName && column.udtName !== type.udtName)) {
        const actual = column.dataType === "USER-DEFINED" ? `enum ${column.udtName}` : column.dataType;
        const expected = type.udtName ? `enum ${type.udtName}` : type.dataType;
        problems.push(`column ${where} is ${actual}, the schema says ${expected}`);
      }
      if (type.precision !== undefined && column.precision !== type.precision) {
        problems.push(`column ${where} has precision ${column.precision}, the schema says ${type.precision}`);
      }
      if (column.isNullable === field.isRequired) {
        problems.push(`column ${where} is ${column.isNullable ? "nullable" : "NOT NULL"}, the schema says ${field.isRequired ? "required" : "optional"}`);
      }
      const expectedDef = expectedDefault(field);
      const actualDef = normaliseDefault(column.default);
      if (expectedDef !== actualDef) {
        problems.push(`column ${where} has default ${actualDef ?? "none"}, the schema says ${expectedDef ?? "none"}`);
      }
    }
    for (const column of actualColumns) {
      if (!scalars.some((f) => dbName(f) === column.column)) problems.push(`column ${table}.${column.column} exists in the database but not in the schema`);
    }

    const tableIndexes = db.indexes.filter((i) => i.table === table);
    const idColumns = (model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name)).map(columnOf);
    const pk = tableIndexes.find((i) => i.isPrimary);
    if (!pk) problems.push(`table ${table} has no primary key, the schema says ${list(idColumns)}`);
    else if (pk.columns.join() !== idColumns.join()) problems.push(`primary key of ${table} is ${list(pk.columns)}, the schema says ${list(idColumns)}`);

    const schemaIndexes = datamodel.indexes.filter((i) => i.model === model.name && (i.type === "unique" || i.type === "normal"));
    for (const index of schemaIndexes) {
      const columns = index.fields.map((f) => columnOf(f.name));
      const isUnique = index.type === "unique";
      const match = tableIndexes.find((i) => !i.isPrimary && i.isUnique === isUnique && i.columns.join() === columns.join());
      if (!match) problems.push(`${isUnique ? "unique index" : "index"} on ${table}${list(columns)} is missing`);
    }
    for (const index of tableIndexes.filter((i) => !i.isPrimary)) {
      const declared = schemaIndexes.some(
        (i) => (i.type === "unique") === index.isUnique && i.fields.map((f) => columnOf(f.name)).join() === index.columns.join(),
      );
      if (!declared) problems.push(`${index.isUnique ? "unique index" : "index"} ${index.name} on ${table}${list(index.columns)} is not in the schema`);
    }

    const relations = model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length);
    const tableFks = db.foreignKeys.filter((fk) => fk.table === table);
    for (const relation of relations) {
      const target = datamodel.models.find((m) => m.name === relation.type)!;
      const columns = relation.relationFromFields!.map(columnOf);
      const refColumns = (relation.relationToFields ?? []).map((f) => dbName(target.fields.find((x) => x.name === f) ?? { name: f }));
      const where = `foreign key ${table}${list(columns)} → ${dbName(target)}${list(refColumns)} (${model.name}.${relation.name})`;
      const fk = tableFks.find((k) => k.columns.join() === columns.join());
      if (!fk) {
        problems.push(`${where} is missing`);
        continue;
      }
      if (fk.refTable !== dbName(target) || fk.refColumns.join() !== refColumns.join()) {
        problems.push(`${where} references ${fk.refTable}${list(fk.refColumns)} instead`);
      }
      const required = relation.relationFromFields!.some((f) => model.fields.find((x) => x.name === f)?.isRequired);
      const onDelete = relation.relationOnDelete ?? (required ? "Restrict" : "SetNull");
      if (fk.onDelete !== onDelete) problems.push(`${where} is ON DELETE ${fk.onDelete}, the schema says ${onDelete}`);
      const onUpdate = (relation as { relationOnUpdate?: string }).relationOnUpdate ?? "Cascade";
      if (fk.onUpdate !== onUpdate) problems.push(`${where} is ON UPDATE ${fk.onUpdate}, the schema says ${onUpdate}`);
    }
    for (const fk of tableFks) {
      if (!relations.some((r) => r.relationFromFields!.map(columnOf).join() === fk.columns.join())) {
        problems.push(`foreign key ${fk.name} on ${table}${list(fk.columns)} is not in the schema`);
      }
    }
  }
  return problems;
}

let db: TestDatabase;
let datamodel: Datamodel;
let actual: DatabaseSnapshot;

beforeAll(async () => {
  db = await createTestDatabase();
  const schema = await readFile(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
  datamodel = (await internals.getDMMF({ datamodel: schema })).datamodel;
  actual = await snapshot(db);
});
afterAll(async () => {
  await db?.drop();
});

describe("the migrated database", () => {
  it("matches prisma/schema.prisma exactly", () => {
    expect(datamodel.models.length).toBeGreaterThan(10); // the comparison below really saw the schema
    expect(actual.tables.length).toBe(datamodel.models.length);
    expect(compareSchema(datamodel, actual)).toEqual([]);
  });
});

describe("the comparison itself can fail", () => {
  // Each case changes a copy of the schema the way a forgotten migration would, and expects the exact complaint.
  const cases: Array<[string, (dm: WritableDatamodel) => void, string]> = [
    [
      "a new field",
      (dm) => model(dm, "Doctor").fields.push({ ...field(dm, "Doctor", "name"), name: "nickname" }),
      "column Doctor.nickname is missing",
    ],
    [
      "a changed type",
      (dm) => Object.assign(field(dm, "Post", "headcount"), { type: "BigInt" }),
      "column Post.headcount is integer, the schema says bigint",
    ],
    [
      "a column made optional",
      (dm) => Object.assign(field(dm, "Program", "name"), { isRequired: false }),
      "column Program.name is NOT NULL, the schema says optional",
    ],
    [
      "a changed default",
      (dm) => Object.assign(field(dm, "Program", "status"), { default: "OPEN" }),
      "column Program.status has default 'DRAFT', the schema says 'OPEN'",
    ],
    [
      "a new enum value",
      (dm) => dm.enums.find((e) => e.name === "Sex")!.values.push({ name: "OTHER", dbName: null }),
      "enum Sex has values (MALE, FEMALE), the schema says (MALE, FEMALE, OTHER)",
    ],
    [
      "a new unique",
      (dm) => dm.indexes.push({ model: "Doctor", type: "unique", isDefinedOnField: true, fields: [{ name: "phone" }] }),
      "unique index on Doctor(phone) is missing",
    ],
    [
      "a dropped index",
      (dm) => dm.indexes.splice(dm.indexes.findIndex((i) => i.model === "Doctor" && i.fields[0]?.name === "name"), 1),
      "index Doctor_name_idx on Doctor(name) is not in the schema",
    ],
    [
      "a changed onDelete",
      (dm) => Object.assign(field(dm, "Notification", "user"), { relationOnDelete: "Restrict" }),
      "foreign key Notification(userId) → User(id) (Notification.user) is ON DELETE Cascade, the schema says Restrict",
    ],
    [
      "a removed model",
      (dm) => dm.models.splice(dm.models.findIndex((m) => m.name === "Notification"), 1),
      "table Notification exists in the database but no model maps to it",
    ],
    [
      "a new model",
      (dm) => dm.models.push({ ...model(dm, "CutoffDate"), name: "Holiday", dbName: null }),
      "table Holiday (model Holiday) is missing",
    ],
  ];

  it.each(cases)("reports %s", (_label, change, complaint) => {
    const changed = structuredClone(datamodel) as WritableDatamodel;
    change(changed);
    expect(compareSchema(changed, actual)).toContain(complaint);
  });
});

function model(dm: WritableDatamodel, name: string): WritableDatamodel["models"][number] {
  const found = dm.models.find((m) => m.name === name);
  if (!found) throw new Error(`no model ${name}`);
  return found;
}
function field(dm: WritableDatamodel, modelName: string, fieldName: string): WritableDatamodel["models"][number]["fields"][number] {
  const found = model(dm, modelName).fields.find((f) => f.name === fieldName);
  if (!found) throw new Error(`no field ${modelName}.${fieldName}`);
  return found;
}
