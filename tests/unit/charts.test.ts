import { renderToStaticMarkup as html } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fitText, thinLabels } from "@/components/charts/chart-kit";
import { ColumnsChart, LinesChart } from "@/components/charts/plot-charts";
import { BarsChart, TimelineChart } from "@/components/charts/row-charts";

// The server-drawn charts (issue 16, issue 17): what the SVG says, as the browser receives it.

const titles = (markup: string) => [...markup.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
/** The rects' x and width attributes (percent strings) that carry a title. */
const bars = (markup: string) => [...markup.matchAll(/<rect x="([\d.]+)%" y="[\d.]+" width="([\d.]+)%"[^>]*><title>([^<]*)<\/title>/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]), title: m[3] }));

describe("BarsChart", () => {
  const rows = [
    { label: "心血管内科（第1批）", headcount: 2, approved: 1 },
    { label: "急诊科（第1批）", headcount: 3, approved: 3 },
  ];
  const series = [
    { key: "headcount", label: "计划人数" },
    { key: "approved", label: "已确定" },
  ];

  it("is an image named by its label, with a bar per row and series whose title holds the value, and a legend", () => {
    const markup = html(BarsChart({ rows, category: "label", series, label: "图表：岗位到岗情况", locale: "zh-CN" }));
    expect(markup).toMatch(/^<figure role="img" aria-label="图表：岗位到岗情况"/);
    expect(bars(markup).map((b) => b.title)).toEqual(["心血管内科（第1批） · 计划人数: 2", "心血管内科（第1批） · 已确定: 1", "急诊科（第1批） · 计划人数: 3", "急诊科（第1批） · 已确定: 3"]);
    // Widths are shares of the chart's width, the largest value the whole axis (3 of 0..3).
    expect(bars(markup).map((b) => b.width)).toEqual([66.667, 33.333, 100, 100]);
    expect(markup).toContain("<li");
    expect(markup).toMatch(/<li[^>]*>.*计划人数<\/li>/);
    // Counts get whole-number ticks only.
    const ticks = [...markup.matchAll(/<text x="[\d.]+%" y="\d+" font-size="11"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(new Set(ticks)).toEqual(new Set(["0", "1", "2", "3"]));
  });

  it("stacks the series into one bar per row, each segment starting where the last ended", () => {
    const markup = html(BarsChart({ rows: [{ stage: "初审", a: 1, b: 2, c: 1 }], category: "stage", series: ["a", "b", "c"].map((key) => ({ key, label: key.toUpperCase() })), stacked: true, label: "x", locale: "en" }));
    expect(bars(markup).map(({ x, width }) => [x, width])).toEqual([
      [0, 25],
      [25, 50],
      [75, 25],
    ]);
  });

  it("cuts a long row label on a phone-wide chart and keeps the whole of it in a title", () => {
    const long = "浙江省绍兴市第八批援疆医生选派心血管内科主治医师岗位（第1批）· 新疆生产建设兵团第一师医院";
    const markup = html(BarsChart({ rows: [{ label: long, n: 1 }], category: "label", series: [{ key: "n", label: "N" }], label: "x", locale: "zh-CN" }));
    expect(markup).toMatch(/class="@xl:hidden">[^<]+…<title>/);
    expect(titles(markup)).toContain(long);
  });
});

describe("ColumnsChart", () => {
  it("draws stacked columns over the months; a money series reads with two decimals", () => {
    const money = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2 });
    const markup = html(ColumnsChart({
      rows: [
        { month: "2026-01", unit: 1200, bureau: 300.5 },
        { month: "2026-02", unit: 1000, bureau: 0 },
      ],
      category: "month",
      series: [
        { key: "unit", label: "派出单位（元）", format: (v: number) => money.format(v) },
        { key: "bureau", label: "卫生健康局财务（元）", format: (v: number) => money.format(v) },
      ],
      stacked: true,
      label: "图表：补助",
      locale: "zh-CN",
    }));
    expect(titles(markup)).toEqual(["2026-01 · 派出单位（元）: 1,200.00", "2026-01 · 卫生健康局财务（元）: 300.50", "2026-02 · 派出单位（元）: 1,000.00", "2026-02 · 卫生健康局财务（元）: 0.00"]);
    expect(markup).toContain(">2026-01</text>");
    expect(markup).toContain(">2026-02</text>");
  });
  it("keeps a lone column narrow (a single year of grades)", () => {
    const markup = html(ColumnsChart({ rows: [{ year: "2026", excellent: 2, competent: 6 }], category: "year", series: [{ key: "excellent", label: "Excellent" }, { key: "competent", label: "Competent" }], stacked: true, label: "x", locale: "en" }));
    const widths = [...markup.matchAll(/<rect x="([\d.]+)%" width="([\d.]+)%"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(widths).toEqual([
      [44, 12],
      [44, 12],
    ]);
  });
});

describe("LinesChart", () => {
  const rows = [
    { month: "2026-01", outpatients: 1200, operations: 4 },
    { month: "2026-02", outpatients: 1500, operations: null },
    { month: "2026-03", outpatients: 900, operations: 6 },
  ];

  it("reads the later series on a right-hand axis, skips a missing value and shows every value of a month on hover", () => {
    const markup = html(LinesChart({
      rows,
      category: "month",
      series: [
        { key: "outpatients", label: "Outpatients (left axis)" },
        { key: "operations", label: "Operations (right axis)", right: true },
      ],
      label: "Chart: workload",
      locale: "en",
    }));
    expect(markup.match(/<path /g)).toHaveLength(2);
    // Three points of the first line, two of the second (February has no figure).
    expect(markup.match(/<circle /g)).toHaveLength(5);
    expect(titles(markup)).toEqual(["2026-01\nOutpatients (left axis): 1,200\nOperations (right axis): 4", "2026-02\nOutpatients (left axis): 1,500\nOperations (right axis): —", "2026-03\nOutpatients (left axis): 900\nOperations (right axis): 6"]);
    // Two axes: one up to 1 500 on the left, one up to 6 on the right.
    expect(markup).toContain(">1,500</text>");
    expect(markup).toContain(">6</text>");
  });

  it("spans the values only when told not to start at zero, with a suffix on the axis", () => {
    const markup = html(LinesChart({ rows: [{ year: "2024", v: 35.2 }, { year: "2025", v: 38.4 }], category: "year", series: [{ key: "v", label: "Actual" }], fromZero: false, suffix: "%", label: "x", locale: "en" }));
    expect(markup).not.toContain(">0%</text>");
    expect(markup).toContain(">36%</text>");
    expect(titles(markup)).toEqual(["2024\nActual: 35.2%", "2025\nActual: 38.4%"]);
  });
});

describe("TimelineChart", () => {
  it("draws each period from its first to its last day, with the days in its title", () => {
    const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    const markup = html(TimelineChart({
      rows: [
        { label: "张伟 · 第一师医院", from: day("2026-01-01"), to: day("2027-01-01") },
        { label: "李娜 · 第一师医院", from: day("2026-07-01"), to: day("2027-07-01") },
      ],
      category: "label",
      series: { key: "range", label: "服务期" },
      label: "图表：人员分布",
      locale: "zh-CN",
    }));
    const periods = bars(markup);
    expect(periods.map((p) => p.title)).toEqual(["张伟 · 第一师医院 · 服务期: 2026-01-01 – 2026-12-31", "李娜 · 第一师医院 · 服务期: 2026-07-01 – 2027-06-30"]);
    expect(periods[0]!.x).toBe(0);
    expect(periods[1]!.x + periods[1]!.width).toBeCloseTo(100, 1);
    expect(periods[1]!.x).toBeCloseTo((181 / 546) * 100, 1);
  });
});

describe("labels along the width", () => {
  it("thins twelve months to at most five on a phone and shows them all on a wide chart", () => {
    const shown = thinLabels(12);
    const classes = Array.from({ length: 12 }, (_, i) => shown(i));
    expect(classes.filter((c) => c === "").length).toBeLessThanOrEqual(5);
    expect(classes.every((c) => c !== null)).toBe(true);
    const many = thinLabels(36);
    expect(Array.from({ length: 36 }, (_, i) => many(i)).filter((c) => c !== null).length).toBeLessThanOrEqual(12);
  });

  it("cuts text to a width with an ellipsis, by the glyphs' widths", () => {
    expect(fitText("急诊科", 100, 12)).toBe("急诊科");
    expect(fitText("一二三四五六七八九十", 60, 12)).toBe("一二三四…");
    expect(fitText("Emergency medicine", 1000)).toBe("Emergency medicine");
  });
});
