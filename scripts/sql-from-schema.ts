// Prints the SQL that `prisma migrate diff --from-empty --to-schema prisma/schema.prisma --script`
// produces, rendered from the DMMF (Prisma's CLI cannot download its schema engine here).
//
//   npx tsx scripts/sql-from-schema.ts [schema.prisma] > out.sql
//   npx tsx scripts/sql-from-schema.ts --verify      # compare with Prisma's own engine (needs DATABASE_URL)
//
// A new migration for new models can start from the relevant part of this output. The output
// leaves out the engine's leading `CREATE SCHEMA IF NOT EXISTS "public"`, as `prisma migrate dev`
// does for an init migration. It covers what our schema uses (single-column ids, @unique, @@unique,
// @@index, inline relations, enums, the native types below); anything else throws rather than
// guess. `--verify` runs Prisma's schema engine (shipped as WebAssembly in
// @prisma/schema-engine-wasm, nothing to download) and diffs the two renderings.
import internals from "@prisma/internals";
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Datamodel = DMMF["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

const MAX_IDENTIFIER = 63; // PostgreSQL's NAMEDATALEN - 1
const q = (name: string) => `"${name}"`;
const dbName = (x: { name: string; dbName?: string | null }) => x.dbName ?? x.name;

export async function readDatamodel(schemaPath = "prisma/schema.prisma"): Promise<Datamodel> {
  const datamodel = await readFile(schemaPath, "utf8");
  return (await internals.getDMMF({ datamodel })).datamodel;
}

/** Prisma's default constraint names: `Table_col1_col2_suffix`, truncated to 63 characters. */
export function constraintName(table: string, columns: string[], suffix: "key" | "idx" | "fkey"): string {
  const base = [table, ...columns].join("_");
  const room = MAX_IDENTIFIER - suffix.length - 1;
  return `${base.length > room ? base.slice(0, room) : base}_${suffix}`;
}

function columnOf(model: Model, fieldName: string): string {
  const field = model.fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`${model.name}.${fieldName} does not exist`);
  return dbName(field);
}

function sqlType(field: Field, enumNames: Set<string>): string {
  if (field.kind === "enum" || enumNames.has(field.type)) return q(field.type) + (field.isList ? "[]" : "");
  const [native, args = []] = field.nativeType ?? [];
  const isSerial = typeof field.default === "object" && field.default !== null && "name" in field.default && field.default.name === "autoincrement";
  const withArgs = (t: string) => (args.length ? `${t}(${args.join(",")})` : t);
  let type: string;
  if (native) {
    const natives: Record<string, string> = {
      Text: "TEXT", VarChar: "VARCHAR", Char: "CHAR", Uuid: "UUID", Date: "DATE", Timestamptz: "TIMESTAMPTZ",
      Timestamp: "TIMESTAMP", Time: "TIME", Timetz: "TIMETZ", Integer: "INTEGER", SmallInt: "SMALLINT",
      BigInt: "BIGINT", Decimal: "DECIMAL", Real: "REAL", DoublePrecision: "DOUBLE PRECISION", Boolean: "BOOLEAN",
      Json: "JSON", JsonB: "JSONB", ByteA: "BYTEA", Inet: "INET", Xml: "XML", Citext: "CITEXT",
    };
    const base = natives[native];
    if (!base) throw new Error(`${field.name}: native type @db.${native} is not handled by this script`);
    type = withArgs(base);
  } else {
    const defaults: Record<string, string> = {
      String: "TEXT", Int: "INTEGER", BigInt: "BIGINT", Float: "DOUBLE PRECISION", Decimal: "DECIMAL(65,30)",
      Boolean: "BOOLEAN", DateTime: "TIMESTAMP(3)", Json: "JSONB", Bytes: "BYTEA",
    };
    const base = defaults[field.type];
    if (!base) throw new Error(`${field.name}: type ${field.type} is not handled by this script`);
    type = base;
  }
  if (isSerial) type = { INTEGER: "SERIAL", BIGINT: "BIGSERIAL", SMALLINT: "SMALLSERIAL" }[type] ?? type;
  return type + (field.isList ? "[]" : "");
}

/** The DEFAULT clause, or "" for defaults Prisma applies client-side (cuid(), uuid(), autoincrement via SERIAL). */
function sqlDefault(field: Field): string {
  const value = field.default as unknown;
  if (value === undefined || value === null) return "";
  if (typeof value === "object" && !Array.isArray(value)) {
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === "now") return " DEFAULT CURRENT_TIMESTAMP";
    if (fn.name === "dbgenerated" && typeof fn.args[0] === "string") return ` DEFAULT ${fn.args[0]}`;
    if (["cuid", "uuid", "nanoid", "ulid", "autoincrement"].includes(fn.name)) return "";
    throw new Error(`${field.name}: default ${fn.name}() is not handled by this script`);
  }
  if (Array.isArray(value)) throw new Error(`${field.name}: list defaults are not handled by this script`);
  if (typeof value === "boolean" || typeof value === "number") return ` DEFAULT ${value}`;
  return ` DEFAULT '${String(value).replaceAll("'", "''")}'`;
}

const step = (comment: string, statement: string) => `-- ${comment}\n${statement};\n`;

export function renderSql(datamodel: Datamodel): string {
  const enumNames = new Set(datamodel.enums.map((e) => e.name));
  const steps: string[] = [];

  for (const e of datamodel.enums) {
    const values = e.values.map((v) => `'${dbName(v)}'`).join(", ");
    steps.push(step("CreateEnum", `CREATE TYPE ${q(dbName(e))} AS ENUM (${values})`));
  }

  for (const model of datamodel.models) {
    const table = dbName(model);
    const columns = model.fields
      .filter((f) => f.kind !== "object")
      .map((f) => `    ${q(dbName(f))} ${sqlType(f, enumNames)}${f.isRequired && !f.isList ? " NOT NULL" : ""}${sqlDefault(f)}`);
    const idFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    if (idFields.length === 0) throw new Error(`${model.name} has no id: not handled by this script`);
    const pkName = model.primaryKey?.name ?? `${table}_pkey`;
    const pk = `    CONSTRAINT ${q(pkName)} PRIMARY KEY (${idFields.map((f) => q(columnOf(model, f))).join(",")})`;
    steps.push(step("CreateTable", `CREATE TABLE ${q(table)} (\n${columns.join(",\n")},\n\n${pk}\n)`));
  }

  // Prisma's order: per model, field-level @unique first, then @@index, then @@unique — the DMMF's order.
  for (const model of datamodel.models) {
    const table = dbName(model);
    for (const index of datamodel.indexes.filter((i) => i.model === model.name && i.type !== "id")) {
      if (index.type !== "unique" && index.type !== "normal") throw new Error(`${model.name}: ${index.type} index not handled`);
      if (index.algorithm || index.fields.some((f) => f.sortOrder || f.length || f.operatorClass)) {
        throw new Error(`${model.name}: index options (sort, length, algorithm, ops) are not handled by this script`);
      }
      const cols = index.fields.map((f) => columnOf(model, f.name));
      const name = index.dbName ?? constraintName(table, cols, index.type === "unique" ? "key" : "idx");
      const unique = index.type === "unique" ? "UNIQUE " : "";
      steps.push(step("CreateIndex", `CREATE ${unique}INDEX ${q(name)} ON ${q(table)}(${cols.map(q).join(", ")})`));
    }
  }

  for (const model of datamodel.models) {
    const table = dbName(model);
    for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const target = datamodel.models.find((m) => m.name === field.type);
      if (!target) throw new Error(`${model.name}.${field.name}: unknown model ${field.type}`);
      const from = field.relationFromFields!.map((f) => columnOf(model, f));
      const to = (field.relationToFields ?? []).map((f) => columnOf(target, f));
      const anyRequired = field.relationFromFields!.some((f) => model.fields.find((x) => x.name === f)?.isRequired);
      const onDelete = field.relationOnDelete ?? (anyRequired ? "Restrict" : "SetNull");
      const onUpdate = (field as { relationOnUpdate?: string }).relationOnUpdate ?? "Cascade";
      const action = (a: string) => ({ Cascade: "CASCADE", Restrict: "RESTRICT", NoAction: "NO ACTION", SetNull: "SET NULL", SetDefault: "SET DEFAULT" })[a] ?? a;
      const name = constraintName(table, from, "fkey");
      steps.push(
        step(
          "AddForeignKey",
          `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(name)} FOREIGN KEY (${from.map(q).join(", ")}) REFERENCES ${q(dbName(target))}(${to.map(q).join(", ")}) ON DELETE ${action(onDelete)} ON UPDATE ${action(onUpdate)}`,
        ),
      );
    }
  }

  return steps.join("\n");
}

/** The same diff from Prisma's own schema engine (WebAssembly), minus its CreateSchema step. */
async function renderWithPrismaEngine(schemaPath: string, databaseUrl: string): Promise<string> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const runtime = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
    SchemaEngine: { new: (options: object, debug: (s: string) => void, adapter: object) => Promise<{ diff(params: object): Promise<{ stdout?: string }> }> };
  };
  const wasmPath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmPath)), { "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  const content = await readFile(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl, max: 1 }));
  const engine = await runtime.SchemaEngine.new({ datamodels: [[schemaPath, content]] }, () => {}, adapter);
  const result = await engine.diff({
    from: { tag: "empty" },
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return (result.stdout ?? "").replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, "");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verify = args.includes("--verify");
  const schemaPath = args.find((a) => !a.startsWith("--")) ?? "prisma/schema.prisma";
  const ours = renderSql(await readDatamodel(schemaPath));
  if (!verify) {
    process.stdout.write(ours);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("--verify needs DATABASE_URL (any reachable PostgreSQL; nothing is written to it)");
  const theirs = await renderWithPrismaEngine(schemaPath, url);
  if (theirs === ours) {
    console.log(`OK: identical to Prisma's schema engine output (${ours.length} bytes).`);
    return;
  }
  const a = ours.split("\n");
  const b = theirs.split("\n");
  const line = a.findIndex((l, i) => l !== b[i]);
  console.error(`Differs from Prisma's engine at line ${line + 1}:\n  ours:   ${a[line]}\n  prisma: ${b[line]}`);
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
