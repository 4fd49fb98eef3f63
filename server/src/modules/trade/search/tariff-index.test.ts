import { beforeAll, describe, expect, it } from 'vitest';
import { TARIFF_LINES } from '../data/tariff.js';
import type { TariffLine } from '../data/types.js';
import { TARIFF_KEYWORDS } from './keywords.js';
import {
  QUERY_LENGTH_MAX,
  RESULT_LIMIT_DEFAULT,
  RESULT_LIMIT_MAX,
  type TariffHit,
  TariffIndex,
} from './tariff-index.js';

const codesStartingWith = (prefix: string) =>
  TARIFF_LINES.map((line) => line.code).filter((code) => code.startsWith(prefix));
const codesOf = (hits: readonly TariffHit[]) => hits.map((hit) => hit.code);
const termsOf = (hit: TariffHit | undefined) => (hit?.matched ?? []).map((term) => term.term);

/** Ranked by score, highest first, ties by code ascending. */
function expectRanked(hits: readonly TariffHit[]) {
  for (let position = 1; position < hits.length; position += 1) {
    const previous = hits[position - 1] as TariffHit;
    const current = hits[position] as TariffHit;
    expect(previous.score > current.score || (previous.score === current.score && previous.code < current.code)).toBe(
      true,
    );
  }
}

let index: TariffIndex;
beforeAll(() => {
  index = new TariffIndex(TARIFF_LINES);
});

describe('TariffIndex.search by code prefix', () => {
  it('answers "8507" with every 8507 line and nothing else, in code order', () => {
    const hits = index.search('8507');
    expect(codesOf(hits)).toEqual(codesStartingWith('8507'));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.matched.length === 1 && hit.matched[0]?.field === 'code')).toBe(true);
  });

  it('narrows with more digits, ignoring dots and spaces', () => {
    // The catalogue's two 8507 lines are both 8507.60, so the narrowing shows on 8703 (nine lines) → 8703.80 (one).
    const heading = index.search('8507');
    const subheading = index.search('8507.60');
    expect(codesOf(subheading)).toEqual(codesStartingWith('850760'));
    expect(codesOf(index.search('8507 60'))).toEqual(codesOf(subheading));
    expect(subheading[0]?.score).toBeGreaterThan(heading[0]?.score ?? 1);

    expect(codesOf(index.search('8703'))).toEqual(codesStartingWith('8703'));
    expect(codesStartingWith('8703')).toHaveLength(9);
    expect(codesOf(index.search('8703.80'))).toEqual(['8703800000']);
  });

  it('gives a full 10-digit code score 1 and an impossible prefix nothing', () => {
    expect(index.search('8507600090')).toEqual([
      { code: '8507600090', score: 1, matched: [{ term: '8507600090', language: 'code', field: 'code' }] },
    ]);
    expect(index.search('85076000901')).toEqual([]);
    expect(index.search('9999')).toEqual([]);
  });
});

describe('TariffIndex.search by words', () => {
  it('puts an 8507.60 line first for lithium-ion accumulators in each language', () => {
    const queries = [
      ['锂离子蓄电池', 'zh'],
      ['lithium-ion accumulators', 'en'],
      ['литий-ионные аккумуляторы', 'ru'],
    ] as const;
    for (const [query, language] of queries) {
      const [first] = index.search(query);
      expect(first?.code, query).toBe('8507600090');
      expect(first?.score).toBe(1);
      expect(first?.matched.every((term) => term.language === language && term.field === 'name')).toBe(true);
    }
    expect(termsOf(index.search('锂离子蓄电池')[0])).toEqual(['锂离子蓄电池']);
    expect(termsOf(index.search('lithium-ion accumulators')[0])).toEqual(['lithium', 'ion', 'accumulators']);
  });

  it('indexes jieba search-mode words, so 乘用车 and 用车 both find the passenger-car lines', () => {
    for (const query of ['乘用车', '用车']) {
      expect(codesOf(index.search(query))).toEqual(['8703600000', '8703800000']);
    }
  });

  it('falls back to character bigrams where jieba cuts name and query differently', () => {
    // jieba keeps 插电式 whole in 8703.60's name but cuts 或插电式 into 插 / 电式 in 8507.60.00.30's name.
    const hits = index.search('插电式');
    expect(codesOf(hits)).toEqual(['8703600000', '8507600030']);
    expect(termsOf(hits[1])).toEqual(['插电式']);
  });

  it('finds a Chinese character that stands alone, which jieba never cuts out of 无烟煤 or 褐煤', () => {
    const coal = codesOf(index.search('煤')).sort();
    expect(coal).toEqual([...codesStartingWith('2701'), ...codesStartingWith('2702')]);
  });

  it('stems English and Russian plurals and adjective endings', () => {
    expect(index.search('solar panel')[0]?.code).toBe('8541430000');
    expect(codesOf(index.search('мороженая говядина')).slice(0, 2)).toEqual(['0202200000', '0202300000']);
    expect(codesOf(index.search('frozen bovine cut')).slice(0, 1)).toEqual(['0202200000']);
  });

  it('reports each matched query term once', () => {
    const [first] = index.search('lithium Lithium LITHIUM');
    expect(first?.matched).toEqual([{ term: 'lithium', language: 'en', field: 'name' }]);
  });

  it('returns nothing for empty, nonsense or stop-word-only queries', () => {
    for (const query of ['', '   ', 'xyzzy qwerty', 'the of and', '的的的', 'и или не', '!!! ???']) {
      expect(index.search(query), query).toEqual([]);
      expect(index.classify(query), query).toEqual([]);
    }
  });
});

describe('TariffIndex.classify', () => {
  it('classifies a solar panel description as 8541.43, with "solar" among the reasons', () => {
    const hits = index.classify('550W monocrystalline solar panels, 144 cells');
    expect(hits[0]?.code).toBe('8541430000');
    expect(hits[0]?.matched).toContainEqual({ term: 'solar panel', language: 'en', field: 'keyword' });
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
    // "550W" and "144" are not codes.
    expect(hits.flatMap((hit) => hit.matched).some((term) => term.field === 'code')).toBe(false);
  });

  it('classifies a Chinese EV description as 8703.80', () => {
    const [first] = index.classify('进口纯电动乘用车，新能源汽车，续航600公里，5座');
    expect(first?.code).toBe('8703800000');
    expect(termsOf(first)).toEqual(['新能源汽车', '乘用车', '纯电动']);
  });

  it('classifies Russian and mixed-language descriptions', () => {
    expect(index.classify('Электромобиль легковой, новый, запас хода 500 км')[0]?.code).toBe('8703800000');
    const [battery] = index.classify('3.2V 280Ah LiFePO4 battery cells 锂电池 литиевая батарея');
    expect(battery?.code).toBe('8507600030');
    expect(new Set(battery?.matched.map((term) => term.language))).toEqual(new Set(['zh', 'en', 'ru']));
  });

  it('lets a code prefix written in the description outweigh every word', () => {
    const hits = index.classify('lithium-ion accumulators, HS 8541.43');
    expect(codesOf(hits).slice(0, 2)).toEqual(['8541430000', '8507600090']);
    expect(hits[0]?.matched).toEqual([{ term: '8541.43', language: 'code', field: 'code' }]);

    expect(index.classify('goods of heading 8507, cells')[0]?.code).toBe('8507600030');
    expect(index.classify('海关编码8703800000')[0]).toEqual({
      code: '8703800000',
      score: 1,
      matched: [{ term: '8703800000', language: 'code', field: 'code' }],
    });
  });

  it('does not read quantities and units as codes', () => {
    const hits = index.classify("Men's cotton trousers, 1200 pcs, 3.2 kg, 99.9935 %, 12046 kcal, x2000");
    expect(hits[0]?.code).toBe('6203420000');
    expect(hits.flatMap((hit) => hit.matched).filter((term) => term.field === 'code')).toEqual([]);
  });
});

describe('TariffIndex ordering and bounds', () => {
  it('ranks deterministically, ties by code, whatever the order of the input lines', () => {
    const reversed = new TariffIndex([...TARIFF_LINES].reverse());
    for (const query of ['frozen', '冷冻', 'мороженая', 'cotton', '8703', '小麦']) {
      const hits = index.search(query, { limit: 100 });
      expectRanked(hits);
      expect(index.search(query, { limit: 100 })).toEqual(hits);
      expect(reversed.search(query, { limit: 100 })).toEqual(hits);
    }
    expectRanked(index.classify('frozen fish fillets, chilled meat', { limit: 100 }));
    // Ties: 空调 is a keyword for the three 8415.10 lines and in none of their names, so all three score 1.
    const tied = index.search('空调');
    expect(codesOf(tied)).toEqual(['8415101000', '8415102100', '8415102200']);
    expect(tied.map((hit) => hit.score)).toEqual([1, 1, 1]);
  });

  it('respects the limit and clamps it to 1..100', () => {
    const chapterZero = codesStartingWith('0');
    expect(chapterZero.length).toBeGreaterThan(RESULT_LIMIT_DEFAULT);
    expect(index.search('0')).toHaveLength(RESULT_LIMIT_DEFAULT);
    expect(codesOf(index.search('0', { limit: 5 }))).toEqual(chapterZero.slice(0, 5));
    expect(index.search('0', { limit: 0 })).toHaveLength(1);
    expect(index.search('0', { limit: -3 })).toHaveLength(1);
    expect(index.search('0', { limit: 2.7 })).toHaveLength(2);
    expect(index.search('0', { limit: Number.NaN })).toHaveLength(RESULT_LIMIT_DEFAULT);
    expect(index.classify('frozen', { limit: 1 })).toHaveLength(1);

    // 150 copies of one line under made-up codes: more hits than the cap.
    const template = TARIFF_LINES[0] as TariffLine;
    const many = new TariffIndex(
      Array.from({ length: 150 }, (_, copy) => ({ ...template, code: `99${String(copy).padStart(8, '0')}` })),
    );
    expect(many.search('99', { limit: 1000 })).toHaveLength(RESULT_LIMIT_MAX);
    expect(many.search('bovine', { limit: 1000 })).toHaveLength(RESULT_LIMIT_MAX);
  });

  it('reads at most 500 characters and 64 known terms of a query', () => {
    expect(index.search(`${'x '.repeat(QUERY_LENGTH_MAX / 2)}lithium`)).toEqual([]);
    expect(index.search(`${'x '.repeat(QUERY_LENGTH_MAX / 2 - 10)}lithium`)[0]?.code).toBe('8507600090');
    // ~150 Chinese characters of names give well over 64 known terms before "lithium".
    const chinese = TARIFF_LINES.slice(0, 20)
      .map((line) => line.names.zh)
      .join('');
    expect(chinese.length).toBeLessThan(QUERY_LENGTH_MAX - 10);
    const hits = index.search(`${chinese} lithium`, { limit: 100 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.flatMap((hit) => termsOf(hit))).not.toContain('lithium');
    // A very long query is cut, not refused.
    expect(index.classify('锂电池'.repeat(10_000))[0]?.code).toBe('8507600090');
  });
});

describe('keyword table', () => {
  it('points every prefix at lines of the catalogue', () => {
    for (const keyword of TARIFF_KEYWORDS) {
      for (const prefix of keyword.codes) {
        expect(/^\d{2,10}$/.test(prefix), prefix).toBe(true);
        expect(codesStartingWith(prefix).length, prefix).toBeGreaterThan(0);
      }
    }
  });

  it('finds every phrase, alone, as a keyword reason on a line under its own prefixes', () => {
    for (const keyword of TARIFF_KEYWORDS) {
      for (const phrase of [...keyword.zh, ...keyword.en, ...keyword.ru]) {
        const hits = index.search(phrase, { limit: 100 });
        const reasoned = hits.filter((hit) =>
          hit.matched.some((term) => term.field === 'keyword' && term.term === phrase),
        );
        expect(reasoned.length, phrase).toBeGreaterThan(0);
        expect(
          reasoned.every((hit) => keyword.codes.some((prefix) => hit.code.startsWith(prefix))),
          phrase,
        ).toBe(true);
      }
    }
  });

  it('lets the longest phrase win: солнечная батарея is a solar panel, not a battery', () => {
    const hits = index.search('солнечная батарея');
    expect(codesOf(hits)).toEqual(['8541430000']);
    expect(index.search('batteries')[0]?.code).toBe('8507600030');
  });
});
