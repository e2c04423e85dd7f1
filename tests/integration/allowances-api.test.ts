// Allowances through /api/v1 against real PostgreSQL with the demo seed: every allowance operation of
// the registry called through its route handler with bearer tokens, as an integration would, and
// every answer — success or error — validated against the schemas the OpenAPI document is built
// from (money in whole fen). Bad input (negative, fractional or absurd amounts, an item without a
// payer, a line marked twice, a paid line edited or removed, another bureau's line, a role that may
// not) is a clear 4xx in words with nothing written. The payment sheet is opened with exceljs and its
// subtotals, total and totals sheet are checked against the lines to the fen. The routes use the real
// clock (today is 3 Dec 2026 in the session; the dispatch runs from 1 Jan of this year).
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { operations, type ApiOperation } from "@/lib/api/openapi";
import * as r from "@/lib/api/responses";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { sumFen } from "@/lib/domain/money";
import { addDays } from "@/lib/domain/service-period";
import { issueApiToken } from "@/lib/server/api-tokens";
import { WZ_PROGRAM, allowanceWorld, makeDispatch, type Username } from "./setup/allowance-fixtures";

const w = allowanceWorld();
const TODAY = shanghaiDay(new Date());
const YEAR = TODAY.slice(0, 4);
const tokens: Partial<Record<Username, string>> = {};
const answered = new Set<string>();
let programId = "";
let dispatchId = "";

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON once validated */
type Json = Record<string, any>;
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
/* eslint-enable @typescript-eslint/no-explicit-any */
type OperationId = keyof typeof operations;
const ALLOWANCE_OPS = (Object.keys(operations) as OperationId[]).filter((id) => operations[id].path.startsWith("/allowances"));

const routeModules: Record<string, () => Promise<Record<string, Handler>>> = {
  "/allowances/programs/{programId}/items": () => import("@/app/api/v1/allowances/programs/[programId]/items/route"),
  "/allowances/programs/{programId}/templates": () => import("@/app/api/v1/allowances/programs/[programId]/templates/route"),
  "/allowances/items/{itemId}": () => import("@/app/api/v1/allowances/items/[itemId]/route"),
  "/allowances/dispatches/{dispatchId}": () => import("@/app/api/v1/allowances/dispatches/[dispatchId]/route"),
  "/allowances/dispatches/{dispatchId}/events": () => import("@/app/api/v1/allowances/dispatches/[dispatchId]/events/route"),
  "/allowances/lines/{lineId}/adjustments": () => import("@/app/api/v1/allowances/lines/[lineId]/adjustments/route"),
  "/allowances/lines/{lineId}/removal": () => import("@/app/api/v1/allowances/lines/[lineId]/removal/route"),
  "/allowances/due": () => import("@/app/api/v1/allowances/due/route"),
  "/allowances/payments": () => import("@/app/api/v1/allowances/payments/route"),
  "/allowances/totals": () => import("@/app/api/v1/allowances/totals/route"),
  "/allowances/payment-sheet": () => import("@/app/api/v1/allowances/payment-sheet/route"),
  "/allowances/totals/export": () => import("@/app/api/v1/allowances/totals/export/route"),
};

/** Calls the operation's handler and checks the answer against the document. */
async function api(id: OperationId, user: Username, options: { params?: Record<string, string>; query?: string; body?: unknown; rawBody?: string; lang?: string } = {}) {
  const op: ApiOperation = operations[id];
  const handler = (await routeModules[op.path]!())[op.method.toUpperCase()]!;
  const url = "http://localhost/api/v1" + op.path.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? "") + (options.query ? `?${options.query}` : "");
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[user]}`, "content-type": "application/json" };
  if (options.lang) headers["accept-language"] = options.lang;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await handler(new NextRequest(url, { method: op.method.toUpperCase(), headers, body }), { params: Promise.resolve(options.params ?? {}) });
  if (response.status < 400 && "file" in op.response) {
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    answered.add(id);
    return { status: response.status, json: {} as Json, file: Buffer.from(await response.arrayBuffer()) };
  }
  const json = JSON.parse(await response.text()) as Json;
  if (response.status < 400) {
    expect(response.status, `${id} status`).toBe(op.status ?? 200);
    const parsed = (op.response as import("zod").ZodType).safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues, `${id} answer matches the document`).toEqual([]);
    answered.add(id);
  } else {
    const parsed = r.errorResponseSchema.safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues, `${id} error matches the document`).toEqual([]);
  }
  return { status: response.status, json, file: null };
}

/** What a refusal must leave: the same items, lines and audit rows. */
async function footprint() {
  const [items, lines, paid, audits] = await Promise.all([
    w.db.prisma.allowanceItem.count(),
    w.db.prisma.allowanceLine.count(),
    w.db.prisma.allowanceLine.count({ where: { status: "PAID" } }),
    w.db.prisma.auditLog.count(),
  ]);
  return { items, lines, paid, audits };
}

async function refusedApi(id: OperationId, user: Username, options: Parameters<typeof api>[2], status: number, key?: string) {
  const before = await footprint();
  const answer = await api(id, user, options);
  expect(answer.status, `${id} as ${user}: ${JSON.stringify(answer.json)}`).toBe(status);
  if (key) expect(answer.json.error.key === key || Object.values(answer.json.error.fieldErrorKeys ?? {}).flat().includes(key), `${id}: ${key} in ${JSON.stringify(answer.json.error)}`).toBe(true);
  expect(answer.json.error.message).toMatch(/\S/);
  expect(await footprint()).toEqual(before);
  return answer.json.error as Json;
}

beforeAll(async () => {
  (globalThis as { prisma?: unknown }).prisma = w.db.prisma;
  const everywhere = { ...w.s.admin, subtreeIds: (await w.db.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id) };
  for (const user of ["wz-admin", "finance", "sx-finance", "staff", "wz-receiver", "doctor", "auditor"] as Username[]) {
    tokens[user] = (await issueApiToken(w.db.prisma, everywhere, { userId: w.userId(user), name: "allowances" })).token;
  }
  programId = w.program(WZ_PROGRAM);
  const base = { programId, receivingOrgId: w.org("重庆市万州区分水镇中心卫生院"), employerId: w.org("重庆市万州区人民医院"), createdById: w.userId("wz-admin") };
  dispatchId = (await makeDispatch(w.db.prisma, { ...base, startDate: `${YEAR}-01-10`, doctorName: "接口医生" })).dispatchId;
});

describe("the policy through /api/v1", () => {
  it("seed 001's template (bureau staff only), the policy read back in whole fen", async () => {
    await refusedApi("applyAllowanceTemplate", "finance", { params: { programId }, body: { template: "countyHireTownshipUse" } }, 403);
    await refusedApi("applyAllowanceTemplate", "staff", { params: { programId }, body: { template: "countyHireTownshipUse" } }, 404);
    await refusedApi("applyAllowanceTemplate", "wz-admin", { params: { programId }, body: { template: "nope" } }, 422, "templateRequired");
    await refusedApi("applyAllowanceTemplate", "wz-admin", { params: { programId }, rawBody: "{" }, 400);
    const applied = await api("applyAllowanceTemplate", "wz-admin", { params: { programId }, body: { template: "countyHireTownshipUse" } });
    expect(applied.json.added.map((i: Json) => [i.name, i.amountFen])).toEqual([
      ["资金池补助（交通、伙食、住房）", 100_000],
      ["年度考核优秀奖", 150_000],
    ]);
    const policy = await api("getAllowancePolicy", "finance", { params: { programId } });
    expect(policy.json.can).toEqual({ manage: false, finance: true });
    expect(policy.json.items[0]).toMatchObject({ amountFen: 100_000, payer: "FUND_POOL", payee: "RECEIVING_UNIT" });
  });

  it("refuses negative, zero, fractional and absurd amounts and an item without a payer, in words, writing nothing", async () => {
    const item = { name: "年度体检费", kind: "PER_EVENT", amountFen: 50_000, payer: "BUREAU_FINANCE", payee: "DOCTOR", startsAt: "ARRIVAL" };
    const on = (body: unknown, lang?: string) => ({ params: { programId }, body, lang });
    await refusedApi("createAllowanceItem", "wz-admin", on({ ...item, amountFen: -100 }), 422, "amountPositive");
    await refusedApi("createAllowanceItem", "wz-admin", on({ ...item, amountFen: 0 }), 422, "amountPositive");
    await refusedApi("createAllowanceItem", "wz-admin", on({ ...item, amountFen: 12.5 }), 422, "amountInvalid");
    await refusedApi("createAllowanceItem", "wz-admin", on({ ...item, amountFen: "5000" }), 422, "amountInvalid");
    const absurd = await refusedApi("createAllowanceItem", "wz-admin", on({ ...item, amountFen: 1e12 }), 422, "amountTooLarge");
    expect(absurd.fieldErrors.amountFen).toEqual(["金额超过100万元，请检查是否多输了位数。"]);
    const { payer: _payer, ...noPayer } = item;
    const missing = await refusedApi("createAllowanceItem", "wz-admin", on(noPayer, "en"), 422, "payerRequired");
    expect(missing.fieldErrors.payer).toEqual(["Please choose who pays."]);
    await refusedApi("createAllowanceItem", "finance", on(item), 403);
    const created = await api("createAllowanceItem", "wz-admin", on(item));
    expect(created.status).toBe(201);
    expect(created.json.item).toMatchObject({ amountFen: 50_000, version: 1 });
    await refusedApi("createAllowanceItem", "wz-admin", on(item), 422, "nameTaken");
  });
});

describe("schedules, payments and corrections through /api/v1", () => {
  it("the schedule: one line a month, January pro-rated by days (22/31 × 1 000.00 = 709.68), totals the sum of the lines", async () => {
    const schedule = await api("getAllowanceSchedule", "wz-admin", { params: { dispatchId } });
    const lines = schedule.json.lines as Json[];
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines[0]).toMatchObject({ periodStart: `${YEAR}-01-10`, periodEnd: `${YEAR}-01-31`, daysServed: 22, monthDays: 31, rateFen: 100_000, amountFen: 70_968, payeeName: "重庆市万州区分水镇中心卫生院", accountHolder: "重庆市万州区分水镇中心卫生院" });
    expect(schedule.json.totals.totalFen).toBe(sumFen(lines.map((l) => l.amountFen)));
    await refusedApi("getAllowanceSchedule", "doctor", { params: { dispatchId } }, 404);
    await refusedApi("getAllowanceSchedule", "staff", { params: { dispatchId } }, 404);
  });

  it("finance marks the past months paid in bulk; twice, another bureau's officer, a role that may not, a future day: refused, nothing written", async () => {
    const due = await api("allowancesDue", "finance", { query: `status=due&programId=${programId}` });
    const ours = (due.json.rows as Json[]).filter((l) => l.dispatchId === dispatchId);
    expect(ours.length).toBeGreaterThanOrEqual(12);
    expect(ours.every((l) => l.can.pay)).toBe(true);
    const past = ours.filter((l) => l.dueDate < `${TODAY.slice(0, 7)}-01`).map((l) => l.id as string);
    const body = { lineIds: past, voucherNumber: "记-2026-11-017", paidOn: addDays(TODAY, -3) };
    await refusedApi("markAllowancesPaid", "wz-admin", { body }, 403);
    await refusedApi("markAllowancesPaid", "auditor", { body }, 403);
    await refusedApi("markAllowancesPaid", "sx-finance", { body }, 404);
    await refusedApi("markAllowancesPaid", "finance", { body: { ...body, paidOn: addDays(TODAY, 1) } }, 422, "paidOnFuture");
    await refusedApi("markAllowancesPaid", "finance", { body: { ...body, voucherNumber: "" } }, 422, "voucherRequired");
    await refusedApi("markAllowancesPaid", "finance", { body: { ...body, lineIds: [...past, "cm0000000000000000000000"] } }, 404);
    const paid = await api("markAllowancesPaid", "finance", { body });
    expect(paid.json).toEqual({ paid: past.length, totalFen: sumFen(ours.filter((l) => past.includes(l.id)).map((l) => l.amountFen)), voucherNumber: "记-2026-11-017", paidOn: body.paidOn });
    const twice = await refusedApi("markAllowancesPaid", "finance", { body: { ...body, lineIds: [past[0]!] } }, 409, "alreadyPaid");
    expect(twice.message).toContain("记-2026-11-017");
    expect(twice.message).toContain("接口医生");
    // This month's line is paid singly with its own voucher.
    const current = ours.find((l) => l.dueDate.startsWith(TODAY.slice(0, 7)))!;
    expect((await api("markAllowancesPaid", "finance", { body: { lineIds: [current.id], voucherNumber: "记-2026-12-003", paidOn: TODAY } })).json.paid).toBe(1);
  });

  it("a paid line is never edited or removed: a correction is a new line; an unpaid line needs none; an item edit leaves paid lines alone", async () => {
    const schedule = (await api("getAllowanceSchedule", "wz-admin", { params: { dispatchId } })).json;
    const paid = (schedule.lines as Json[]).find((l) => l.status === "PAID")!;
    const unpaid = (schedule.lines as Json[]).find((l) => l.status === "UNPAID")!;
    await refusedApi("removeAllowanceLine", "wz-admin", { params: { lineId: paid.id }, body: { reason: "想删掉这笔" } }, 409, "linePaid");
    await refusedApi("adjustAllowanceLine", "wz-admin", { params: { lineId: unpaid.id }, body: { amountFen: -500, reason: "多算了" } }, 409, "adjustUnpaid");
    await refusedApi("adjustAllowanceLine", "wz-admin", { params: { lineId: paid.id }, body: { amountFen: 0, reason: "多算了" } }, 422, "amountNonZero");
    await refusedApi("adjustAllowanceLine", "finance", { params: { lineId: paid.id }, body: { amountFen: -500, reason: "多算了" } }, 403);
    const adjusted = await api("adjustAllowanceLine", "wz-admin", { params: { lineId: paid.id }, body: { amountFen: -968, reason: "1月到岗日期更正为12日" } });
    expect(adjusted.status).toBe(201);
    expect(adjusted.json).toMatchObject({ kind: "ADJUSTMENT", amountFen: -968, adjustsLineId: paid.id, paidBeforeFen: paid.amountFen, status: "UNPAID" });

    const policy = (await api("getAllowancePolicy", "wz-admin", { params: { programId } })).json;
    const monthly = (policy.items as Json[]).find((i) => i.kind === "MONTHLY")!;
    const edit = { name: monthly.name, kind: "MONTHLY", amountFen: 120_000, payer: monthly.payer, payee: monthly.payee, startsAt: monthly.startsAt, note: null, isActive: true };
    await refusedApi("updateAllowanceItem", "wz-admin", { params: { itemId: monthly.id }, body: { ...edit, version: 99 } }, 409, "staleVersion");
    await refusedApi("updateAllowanceItem", "wz-admin", { params: { itemId: monthly.id }, body: { ...edit, version: monthly.version, kind: "ONE_TIME" } }, 422, "kindFixedOnceUsed");
    const paidBefore = await w.db.prisma.allowanceLine.findMany({ where: { dispatchId, status: "PAID" }, orderBy: { id: "asc" } });
    const updated = await api("updateAllowanceItem", "wz-admin", { params: { itemId: monthly.id }, body: { ...edit, version: monthly.version } });
    expect(updated.json.item).toMatchObject({ amountFen: 120_000, version: monthly.version + 1 });
    expect(await w.db.prisma.allowanceLine.findMany({ where: { dispatchId, status: "PAID" }, orderBy: { id: "asc" } })).toEqual(paidBefore);
  });

  it("an event line by hand with its reason, removed while unpaid", async () => {
    const award = (await w.db.prisma.allowanceItem.findFirstOrThrow({ where: { programId, kind: "PER_EVENT", name: "年度考核优秀奖" } })).id;
    await refusedApi("addAllowanceEventLine", "wz-admin", { params: { dispatchId }, body: { itemId: award, eventDate: TODAY, reason: "" } }, 422, "reasonRequired");
    const line = await api("addAllowanceEventLine", "wz-admin", { params: { dispatchId }, body: { itemId: award, eventDate: TODAY, reason: `${YEAR}年度考核优秀` } });
    expect(line.status).toBe(201);
    expect(line.json).toMatchObject({ kind: "EVENT", amountFen: 150_000, payer: "FUND_POOL", payee: "DOCTOR" });
    const removed = await api("removeAllowanceLine", "wz-admin", { params: { lineId: line.json.id }, body: { reason: "录入重复" } });
    expect(removed.json).toEqual({ id: line.json.id, dispatchId, removed: true });
  });
});

describe("totals and the payment sheet match the lines to the fen", () => {
  it("totals by month, payer and item are the sums of the lines; only finance, bureau and auditors read them", async () => {
    const totals = await api("allowanceTotals", "finance", { query: `from=${YEAR}-01&to=${YEAR}-12&programId=${programId}` });
    const lines = await w.db.prisma.allowanceLine.findMany({ where: { dispatch: { programId }, dueDate: { gte: new Date(`${YEAR}-01-01`), lte: new Date(`${YEAR}-12-31`) } } });
    expect(totals.json.grandTotal.paidFen + totals.json.grandTotal.unpaidFen).toBe(sumFen(lines.map((l) => l.amountFen)));
    expect(totals.json.grandTotal.paidFen).toBe(sumFen(lines.filter((l) => l.status === "PAID").map((l) => l.amountFen)));
    await refusedApi("allowanceTotals", "wz-receiver", {}, 403);
    expect((await api("exportAllowanceTotals", "finance", { query: `from=${YEAR}-01&to=${YEAR}-12` })).file!.byteLength).toBeGreaterThan(0);
  });

  it("the month's payment sheet: one row per line, subtotals per payer, the total and the signature rows; a totals sheet", async () => {
    const month = TODAY.slice(0, 7);
    const sheet = await api("exportPaymentSheet", "finance", { query: `month=${month}&status=all&programId=${programId}` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.file! as unknown as ArrayBuffer);
    const main = workbook.worksheets[0]!;
    const text = (row: ExcelJS.Row) => row.values as unknown[];
    const rows = main.getRows(1, main.rowCount)!;
    expect(String(rows[0]!.getCell(1).value)).toContain("津贴补助发放表");
    expect(text(rows[1]!)).toEqual(expect.arrayContaining(["收款方", "户名", "津贴项目", "所属期间", "金额（元）"]));
    const amountCol = (rows[1]!.values as unknown[]).indexOf("金额（元）");
    const lineRows = rows.filter((row) => typeof row.getCell(1).value === "number");
    const fen = (v: unknown) => Math.round(Number(v) * 100);
    const linesFen = lineRows.map((row) => fen(row.getCell(amountCol).value));
    const subtotals = rows.filter((row) => String(row.getCell(2).value ?? "").endsWith("小计"));
    const grand = rows.find((row) => row.getCell(2).value === "合计")!;
    expect(subtotals.length).toBeGreaterThanOrEqual(1);
    expect(sumFen(subtotals.map((row) => fen(row.getCell(amountCol).value)))).toBe(sumFen(linesFen));
    expect(fen(grand.getCell(amountCol).value)).toBe(sumFen(linesFen));
    expect(main.getCell(grand.getCell(amountCol).address).numFmt).toBe("#,##0.00");
    // The same lines as the API's month (due and paid in it), to the fen.
    const [due, paid] = await Promise.all(["due", "paid"].map((status) => api("allowancesDue", "finance", { query: `month=${month}&status=${status}&programId=${programId}` })));
    const apiFen = sumFen([...due!.json.rows, ...paid!.json.rows].map((l: Json) => l.amountFen));
    expect(sumFen(linesFen)).toBe(apiFen);
    expect(rows.some((row) => (row.values as unknown[]).includes("审核人："))).toBe(true);
    const totalsSheet = workbook.worksheets[1]!;
    const last = totalsSheet.getRow(totalsSheet.rowCount);
    expect(last.getCell(1).value).toBe("合计");
    expect(fen(last.getCell(7).value)).toBe(apiFen);
    await refusedApi("exportPaymentSheet", "doctor", {}, 403);
    await refusedApi("exportPaymentSheet", "wz-receiver", {}, 403);
  });

  it("the receiving unit reads what it receives; a doctor's due list is theirs only", async () => {
    const received = await api("allowancesDue", "wz-receiver", { query: "status=paid" });
    expect(received.json.rows.length).toBeGreaterThan(0);
    expect((received.json.rows as Json[]).every((l) => l.payee === "RECEIVING_UNIT" && !l.can.pay)).toBe(true);
    expect((await api("allowancesDue", "doctor", {})).json.rows).toEqual([]);
  });

  it("every allowance operation of the document was answered successfully", () => {
    expect(ALLOWANCE_OPS.filter((id) => !answered.has(id))).toEqual([]);
  });
});
