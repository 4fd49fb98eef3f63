import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../../../platform/i18n/index.js';
import {
  DG_DOCUMENT_KINDS,
  type DgDocumentKind,
  FAST_LANE_TARGET_MINUTES,
  FAST_LANE_TRANSPORT_MODES,
  type FastLaneTransportMode,
  fastLaneTarget,
  missingDocuments,
  NEW_THREE_CATEGORIES,
  type NewThreeCategory,
  newThreeCategory,
  requiredDocuments,
} from './fast-lane.js';
import { documentMessageKey } from './messages.js';

// Replay a failure with RISK_SEED=<seed> (fast-check also prints the seed and the shrunk counterexample).
const SEED = Number(process.env.RISK_SEED ?? Date.now() % 2_147_483_647);
const RUNS = Number(process.env.RISK_RUNS ?? 300);

describe('"new three" categories', () => {
  const CASES: [string, NewThreeCategory | null][] = [
    ['8703800000', 'ev'],
    ['8703800090', 'ev'],
    ['8507600030', 'li_ion_battery'],
    ['8507600090', 'li_ion_battery'],
    ['8541420000', 'pv'],
    ['8541430000', 'pv'],
    ['85414300', 'pv'],
    ['870380', 'ev'],
    // Hybrids, other accumulators and other semiconductor devices are not "new three".
    ['8703600000', null],
    ['8703400000', null],
    ['8507100000', null],
    ['8541410000', null],
    ['2709000000', null],
    // Not a commodity code at all.
    ['8703.80', null],
    ['87038', null],
    ['87038000001', null],
    ['', null],
  ];

  // Each code of customs.md §7's table maps to its category; neighbouring codes and malformed input to null.
  it.each(CASES)('%s → %s', (code, category) => {
    expect(newThreeCategory(code)).toBe(category);
  });
});

type Expected = Record<FastLaneTransportMode, DgDocumentKind[]>;
const EXPECTED: Record<NewThreeCategory, Expected> = {
  li_ion_battery: {
    sea: ['un38_3_summary', 'sds', 'dg_packaging_certificate', 'transport_condition_report', 'msa_dg_declaration'],
    air: ['un38_3_summary', 'sds', 'dg_packaging_certificate', 'transport_condition_report'],
    rail: ['un38_3_summary', 'sds', 'dg_packaging_certificate'],
    road: ['un38_3_summary', 'sds', 'dg_packaging_certificate'],
  },
  ev: {
    sea: ['un38_3_summary', 'sds', 'msa_dg_declaration'],
    air: ['un38_3_summary', 'sds', 'transport_condition_report'],
    rail: ['un38_3_summary', 'sds'],
    road: ['un38_3_summary', 'sds'],
  },
  pv: { sea: [], air: [], rail: [], road: [] },
};

const COMBINATIONS = NEW_THREE_CATEGORIES.flatMap((category) =>
  FAST_LANE_TRANSPORT_MODES.map((mode) => ({ category, mode, documents: EXPECTED[category][mode] })),
);

describe('dangerous-goods documents', () => {
  // Every category and mode needs exactly the documents decided in fast-lane.ts.
  it.each(COMBINATIONS)('$category by $mode', ({ category, mode, documents }) => {
    expect(requiredDocuments(category, mode)).toEqual(documents);
  });

  // The reference's two hard facts: EVs by sea need the MSA declaration but no packaging certificate, and
  // batteries by sea need all five documents.
  it('follows customs.md §7', () => {
    expect(requiredDocuments('ev', 'sea')).toContain('msa_dg_declaration');
    expect(requiredDocuments('ev', 'sea')).not.toContain('dg_packaging_certificate');
    expect(requiredDocuments('li_ion_battery', 'sea')).toEqual([...DG_DOCUMENT_KINDS]);
    for (const mode of FAST_LANE_TRANSPORT_MODES) {
      expect(requiredDocuments('li_ion_battery', mode)).toEqual(expect.arrayContaining(['un38_3_summary', 'sds']));
      // The MSA is a maritime authority: only sea voyages are declared to it.
      expect(requiredDocuments('li_ion_battery', mode).includes('msa_dg_declaration')).toBe(mode === 'sea');
    }
  });

  // The caller gets a copy: changing it does not change the next answer.
  it('returns a fresh list', () => {
    requiredDocuments('ev', 'sea').push('sds');
    expect(requiredDocuments('ev', 'sea')).toEqual(EXPECTED.ev.sea);
  });

  // Missing documents are the required ones not provided; unknown kinds and extras are ignored.
  it('lists missing documents', () => {
    expect(missingDocuments('li_ion_battery', 'sea', ['sds', 'un38_3_summary', 'invoice'])).toEqual([
      'dg_packaging_certificate',
      'transport_condition_report',
      'msa_dg_declaration',
    ]);
    expect(missingDocuments('li_ion_battery', 'air', [...DG_DOCUMENT_KINDS])).toEqual([]);
    expect(missingDocuments('ev', 'rail', [])).toEqual(['un38_3_summary', 'sds']);
    expect(missingDocuments('ev', 'sea', ['msa_dg_declaration', 'sds'])).toEqual(['un38_3_summary']);
    expect(missingDocuments('pv', 'sea', [])).toEqual([]);
  });

  // For any set of provided documents, missing = required − provided, in DG_DOCUMENT_KINDS order.
  it('computes missing as a set difference', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NEW_THREE_CATEGORIES),
        fc.constantFrom(...FAST_LANE_TRANSPORT_MODES),
        fc.subarray([...DG_DOCUMENT_KINDS, 'invoice', 'packing_list']),
        (category, mode, provided) => {
          const missing = missingDocuments(category, mode, provided);
          const required = requiredDocuments(category, mode);
          expect(missing).toEqual(required.filter((kind) => !provided.includes(kind)));
          const order = missing.map((kind) => DG_DOCUMENT_KINDS.indexOf(kind));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        },
      ),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
  });

  // Every document kind has a name in each language.
  it('names every document in three languages', () => {
    for (const kind of DG_DOCUMENT_KINDS) {
      for (const locale of LOCALES) {
        expect(translate(locale, documentMessageKey(kind)), `${kind} in ${locale}`).not.toBe(documentMessageKey(kind));
      }
    }
  });
});

describe('fast-lane target', () => {
  // The target is two hours after submission, to the millisecond, across a day boundary too.
  it('adds the target minutes', () => {
    expect(FAST_LANE_TARGET_MINUTES).toBe(120);
    expect(fastLaneTarget(new Date('2026-05-01T08:00:00.000Z')).toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(fastLaneTarget(new Date('2026-05-01T23:30:15.250Z')).toISOString()).toBe('2026-05-02T01:30:15.250Z');
  });

  // An invalid date is refused rather than turned into another invalid date.
  it('refuses an invalid date', () => {
    expect(() => fastLaneTarget(new Date('not a date'))).toThrow(RangeError);
  });
});
