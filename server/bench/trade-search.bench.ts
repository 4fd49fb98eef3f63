/**
 * Tariff search benchmark: TariffIndex.search and .classify on the demo catalogue, beside a naive baseline
 * measured in the same run on the same machine (these machines are shared and noisy: medians and ratios).
 *
 *   npx tsx server/bench/trade-search.bench.ts            (a few seconds; prints a markdown table, writes no file)
 *   TRADE_SEARCH_BENCH_ROUNDS=200 npx tsx server/bench/trade-search.bench.ts
 *
 * The baseline is the obvious linear scan: split the query on spaces and punctuation, lower-case it, and count
 * for every line how many query words occur as substrings of its names (names lower-cased once, up front). It
 * has no segmentation, stemming, keywords or weighting, so it is also a floor for the quality column: the share
 * of queries whose first hit falls under the code prefix a customs broker would pick.
 *
 * Paper estimate (before measuring): a query is one jieba cut (~10 µs for a short phrase) plus at most 64
 * posting lists of ≤ 220 lines, ~10^4 additions: 20–100 µs, far under the goal of a 10 ms median. The
 * baseline does ~220 lines × 3 names × a few words of `includes`: similar order, ~20–50 µs.
 */
import { TARIFF_LINES } from '../src/modules/trade/data/tariff.js';
import type { TariffLine } from '../src/modules/trade/data/types.js';
import { TariffIndex } from '../src/modules/trade/search/tariff-index.js';
import { analyse } from '../src/modules/trade/search/tokenize.js';

const ROUNDS = Number(process.env.TRADE_SEARCH_BENCH_ROUNDS ?? 50);
const GOAL_MEDIAN_MS = 10;

/** A query and the code prefix its first hit should fall under (null: no single right answer). */
type Query = readonly [text: string, expected: string | null];

// biome-ignore format: one query per line reads as a table
const QUERIES: readonly Query[] = [
  // Chinese: names, trade words, single characters and descriptions.
  ['锂离子蓄电池', '850760'],
  ['锂电池', '850760'],
  ['光伏组件', '854143'],
  ['新能源汽车', '870380'],
  ['纯电动乘用车 续航600公里', '870380'],
  ['冻去骨牛肉', '020230'],
  ['葵花籽油', '1512'],
  ['硬粒小麦', '100119'],
  ['空调', '841510'],
  ['煤', '2701'],
  ['冷轧卷材', '720917'],
  ['棉制男式长裤', '620342'],
  ['智能手机', '851713'],
  ['液化天然气', '271111'],
  ['进口红酒 750毫升 12瓶/箱', '220421'],
  // English.
  ['lithium-ion accumulators', '850760'],
  ['solar panels', '854143'],
  ['electric car', '870380'],
  ['frozen beef', '0202'],
  ['sunflower oil', '1512'],
  ['durum wheat', '100119'],
  ['air conditioner', '841510'],
  ['coking coal', '270112'],
  ['laptop', '847130'],
  ['crude oil', '2709'],
  ['rebar', '721420'],
  ['potash', '310420'],
  ['cotton T-shirts, knitted', '610910'],
  ['550W monocrystalline solar panels, 144 cells', '854143'],
  ['3.2V 280Ah LiFePO4 battery cells', '850760'],
  // Russian.
  ['литий-ионные аккумуляторы', '850760'],
  ['солнечные панели', '854143'],
  ['электромобиль', '870380'],
  ['говядина мороженая', '0202'],
  ['подсолнечное масло', '1512'],
  ['пшеница твёрдых сортов', '100119'],
  ['кондиционеры', '8415'],
  ['уголь коксующийся', '270112'],
  ['ноутбук', '847130'],
  ['нефть сырая', '2709'],
  ['арматура', '721420'],
  ['хлорид калия', '310420'],
  ['футболки из хлопка', '610910'],
  ['легковой электромобиль, новый, запас хода 500 км', '870380'],
  ['чай чёрный листовой, упаковка 100 г', '090230'],
  // Codes and prefixes.
  ['8507', '8507'],
  ['8507.60', '850760'],
  ['8507 60', '850760'],
  ['8703800000', '8703800000'],
  ['02', '02'],
  ['2701', '2701'],
  ['8541.43', '854143'],
  ['1001 19', '100119'],
  ['HS 8541.43 photovoltaic modules', '854143'],
  ['7403', '7403'],
  // Mixed and noise.
  ['Li-ion battery pack 锂电池 литиевая батарея', '850760'],
  ['EV 电动汽车 электромобиль', '870380'],
  ['xyzzy qwerty', null],
  ['的 of и', null],
  ['plywood birch 胶合板 фанера', '441233'],
];

interface Hit {
  readonly code: string;
}

function naiveIndex(lines: readonly TariffLine[]) {
  const texts = lines.map((line) => ({
    code: line.code,
    names: [line.names.zh, line.names.en, line.names.ru].map((name) => name.toLowerCase()),
  }));
  return (query: string, limit = 20): Hit[] => {
    const words = query
      .toLowerCase()
      .split(/[\s,.;:!?()/\-–—，。、]+/u)
      .filter((word) => word.length > 0);
    if (words.length === 0) return [];
    const hits: { code: string; count: number }[] = [];
    for (const { code, names } of texts) {
      let count = 0;
      for (const word of words) if (names.some((name) => name.includes(word))) count += 1;
      if (count > 0) hits.push({ code, count });
    }
    hits.sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    return hits.slice(0, limit);
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const microseconds = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function timeEach(run: (query: string) => readonly Hit[]): { samples: number[]; top1: number; judged: number } {
  for (const [text] of QUERIES) run(text); // warm-up: JIT, and jieba's first cuts
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [text] of QUERIES) {
      const started = process.hrtime.bigint();
      run(text);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  let top1 = 0;
  let judged = 0;
  for (const [text, expected] of QUERIES) {
    const first = run(text)[0];
    judged += 1;
    if (expected === null ? first === undefined : first?.code.startsWith(expected)) top1 += 1;
  }
  return { samples, top1, judged };
}

function main() {
  // The first Chinese text analysed loads the jieba dictionary; time that apart from the first build.
  const jiebaStarted = process.hrtime.bigint();
  analyse('中文');
  const jiebaMs = Number(process.hrtime.bigint() - jiebaStarted) / 1e6;
  const coldStarted = process.hrtime.bigint();
  const index = new TariffIndex(TARIFF_LINES);
  const coldMs = Number(process.hrtime.bigint() - coldStarted) / 1e6;
  const rebuilds: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    const started = process.hrtime.bigint();
    new TariffIndex(TARIFF_LINES);
    rebuilds.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const naive = naiveIndex(TARIFF_LINES);

  const rows: [string, ReturnType<typeof timeEach>][] = [
    ['TariffIndex.search', timeEach((query) => index.search(query))],
    ['TariffIndex.classify', timeEach((query) => index.classify(query))],
    ['naive substring scan (baseline)', timeEach((query) => naive(query))],
  ];
  const baselineMedian = percentile((rows[2] as (typeof rows)[number])[1].samples, 50);

  const lines = [
    `Tariff search on ${TARIFF_LINES.length} lines, ${QUERIES.length} queries × ${ROUNDS} rounds, Node ${process.version}`,
    '',
    '| method | median | p95 | median ÷ baseline | first hit right |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(([name, { samples, top1, judged }]) => {
      const median = percentile(samples, 50);
      return `| ${name} | ${microseconds(median)} | ${microseconds(percentile(samples, 95))} | ${(median / baselineMedian).toFixed(1)}× | ${top1}/${judged} |`;
    }),
    '',
    '| index build | time |',
    '|---|---:|',
    `| loading the jieba dictionary (once per process) | ${jiebaMs.toFixed(1)} ms |`,
    `| first build (cold JIT) | ${coldMs.toFixed(1)} ms |`,
    `| rebuild, median of 10 | ${percentile(rebuilds, 50).toFixed(1)} ms |`,
    '',
  ];
  const searchMedian = percentile((rows[0] as (typeof rows)[number])[1].samples, 50);
  const classifyMedian = percentile((rows[1] as (typeof rows)[number])[1].samples, 50);
  const met = Math.max(searchMedian, classifyMedian) <= GOAL_MEDIAN_MS;
  lines.push(`Goal: median ≤ ${GOAL_MEDIAN_MS} ms for search and classify — ${met ? 'met' : 'NOT met'}.`);
  console.log(lines.join('\n'));
  if (!met) process.exitCode = 1;
}

main();
