// The allowance items the seed documents name, as starting points for a programme's policy. Pure.
// Seed 000 (绍兴市第八批援疆医生选派, 四、政策待遇 2): "赴疆前由派出单位一次性发给制装费10000元，生活补助费援疆
// 一年半的8000元，进疆后每月生活补助费2000元 … 所需经费由派出单位支付". The accident insurance and the
// yearly health check it also promises have no amount in the document: staff add them with theirs.
// Seed 001 (万州区“县聘乡用”, 四(四)2): "按每人每月1000元标准补助给接收单位 … 年度考核为优秀的，给予考核优秀奖
// 1500元", both from the district's fund pool (资金池).
import type { AllowanceKind, AllowancePayee, AllowancePayer, AllowanceStart } from "./allowance-schedule";

export interface ItemTemplate {
  name: string;
  kind: AllowanceKind;
  amountFen: number;
  payer: AllowancePayer;
  payee: AllowancePayee;
  startsAt: AllowanceStart;
  note: string;
}

export const ALLOWANCE_TEMPLATES: Record<"longTermAid" | "countyHireTownshipUse", ItemTemplate[]> = {
  longTermAid: [
    { name: "制装费", kind: "ONE_TIME", amountFen: 1_000_000, payer: "DISPATCHING_UNIT", payee: "DOCTOR", startsAt: "DEPARTURE", note: "赴疆前由派出单位一次性发给" },
    { name: "生活补助费（援疆一年半）", kind: "ONE_TIME", amountFen: 800_000, payer: "DISPATCHING_UNIT", payee: "DOCTOR", startsAt: "DEPARTURE", note: "赴疆前由派出单位一次性发给" },
    { name: "进疆后每月生活补助费", kind: "MONTHLY", amountFen: 200_000, payer: "DISPATCHING_UNIT", payee: "DOCTOR", startsAt: "ARRIVAL", note: "进疆后每月发放，不满一月按天折算" },
  ],
  countyHireTownshipUse: [
    { name: "资金池补助（交通、伙食、住房）", kind: "MONTHLY", amountFen: 100_000, payer: "FUND_POOL", payee: "RECEIVING_UNIT", startsAt: "ARRIVAL", note: "按每人每月1000元标准补助给接收单位" },
    { name: "年度考核优秀奖", kind: "PER_EVENT", amountFen: 150_000, payer: "FUND_POOL", payee: "DOCTOR", startsAt: "ARRIVAL", note: "年度考核为优秀的给予奖励" },
  ],
};
