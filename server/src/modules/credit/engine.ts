// The public credit grade (公共信用, 信用分级分类监管) as a pure function: an enterprise's counted facts in,
// a score from 0 to 100, a grade A–D and every factor's contribution out. No I/O, no clock, so it is
// property-tested alone (engine.test.ts) and the service only has to count facts.
//
// Shape of the score (our choice, see docs/credit.md; the weights are not from any published rule):
//   score = BASE (80) + track record (0 … +20) − penalties (0 … −80)
// The penalty caps add up to exactly BASE and the track record caps to 100 − BASE, so the score stays
// within 0…100 without clamping and the contributions always sum to the score.

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** Every kind of fact the credit module records; the service maps events onto these. */
export const FACT_KINDS = [
  'declaration_submitted',
  'declaration_released',
  'declaration_rejected',
  'declaration_amended',
  'inspection_discrepancy',
  'inspection_clean',
  'duty_paid_on_time',
  'duty_paid_late',
  'stocktake_adjustment',
  'consolidation_overdue',
  'shipment_cancelled',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Facts that lower the score; adding one never raises it (the property test's monotonicity). */
export const BAD_FACT_KINDS = [
  'declaration_rejected',
  'declaration_amended',
  'inspection_discrepancy',
  'duty_paid_late',
  'stocktake_adjustment',
  'consolidation_overdue',
  'shipment_cancelled',
] as const satisfies readonly FactKind[];

export type FactCounts = Partial<Record<FactKind, number>>;

export const SCORE_BASE = 80;

interface PenaltyFactor {
  factor: string;
  kind: (typeof BAD_FACT_KINDS)[number];
  /** Points taken per counted fact. */
  pointsEach: number;
  /** The most this factor can take. */
  cap: number;
}

interface RecordFactor {
  factor: string;
  kind: FactKind;
  /** One point per this many facts. */
  factsPerPoint: number;
  cap: number;
}

/**
 * Penalties. Inspection findings and overdue consolidated declarations weigh most (customs found a real
 * discrepancy, or the enterprise missed a statutory deadline); a cancelled shipment weighs least.
 */
export const PENALTIES: readonly PenaltyFactor[] = [
  { factor: 'declaration_accuracy', kind: 'declaration_rejected', pointsEach: 3, cap: 12 },
  { factor: 'amendments', kind: 'declaration_amended', pointsEach: 2, cap: 8 },
  { factor: 'inspection_findings', kind: 'inspection_discrepancy', pointsEach: 5, cap: 20 },
  { factor: 'duty_timeliness', kind: 'duty_paid_late', pointsEach: 4, cap: 12 },
  { factor: 'bonded_discrepancies', kind: 'stocktake_adjustment', pointsEach: 3, cap: 9 },
  { factor: 'overdue_consolidations', kind: 'consolidation_overdue', pointsEach: 5, cap: 15 },
  { factor: 'logistics_cancellations', kind: 'shipment_cancelled', pointsEach: 1, cap: 4 },
];

/** Track record: a history of released declarations and duty paid on time earns up to 20 points. */
export const RECORDS: readonly RecordFactor[] = [
  { factor: 'release_record', kind: 'declaration_released', factsPerPoint: 5, cap: 10 },
  { factor: 'duty_record', kind: 'duty_paid_on_time', factsPerPoint: 5, cap: 10 },
];

/** Lowest score of each grade, best first: A ≥ 90, B ≥ 75, C ≥ 60, D below. */
export const GRADE_FLOORS: Readonly<Record<Grade, number>> = { A: 90, B: 75, C: 60, D: 0 };

export interface FactorContribution {
  factor: string;
  /** The fact kind counted. */
  kind: FactKind | 'base';
  /** Facts counted (repaired ones excluded). */
  count: number;
  /** Signed points: positive for the base and track record, negative or zero for penalties. */
  points: number;
  /** The factor's limit in points (absolute value). */
  cap: number;
  /** Message key `credit.factor.<factor>` with {count} {points} {cap} parameters, in three languages. */
  reasonKey: string;
}

export interface CreditAssessment {
  score: number;
  grade: Grade;
  factors: FactorContribution[];
}

function countOf(counts: FactCounts, kind: FactKind): number {
  const value = counts[kind] ?? 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`fact count for ${kind} must be a non-negative integer, got ${value}`);
  }
  return value;
}

/** The grade of a score in 0…100. */
export function gradeOf(score: number): Grade {
  if (!Number.isInteger(score) || score < 0 || score > 100) throw new RangeError(`score out of range: ${score}`);
  return GRADES.find((grade) => score >= GRADE_FLOORS[grade]) ?? 'D';
}

/** Scores an enterprise from its counted facts. Deterministic; factors come in a fixed order. */
export function assessCredit(counts: FactCounts): CreditAssessment {
  const factors: FactorContribution[] = [
    { factor: 'base', kind: 'base', count: 0, points: SCORE_BASE, cap: SCORE_BASE, reasonKey: 'credit.factor.base' },
  ];
  for (const record of RECORDS) {
    const count = countOf(counts, record.kind);
    factors.push({
      factor: record.factor,
      kind: record.kind,
      count,
      points: Math.min(record.cap, Math.floor(count / record.factsPerPoint)),
      cap: record.cap,
      reasonKey: `credit.factor.${record.factor}`,
    });
  }
  for (const penalty of PENALTIES) {
    const count = countOf(counts, penalty.kind);
    // `0 - x` rather than `-x`: a penalty of nothing is 0, not -0, which JSON and equality tests prefer.
    factors.push({
      factor: penalty.factor,
      kind: penalty.kind,
      count,
      points: 0 - Math.min(penalty.cap, count * penalty.pointsEach),
      cap: penalty.cap,
      reasonKey: `credit.factor.${penalty.factor}`,
    });
  }
  const score = factors.reduce((sum, factor) => sum + factor.points, 0);
  if (score < 0 || score > 100) throw new Error(`credit weights are inconsistent: score ${score}`);
  return { score, grade: gradeOf(score), factors };
}

/** The factor names in the order assessCredit lists them (the web's chart order). */
export const FACTOR_NAMES: readonly string[] = [
  'base',
  ...RECORDS.map((record) => record.factor),
  ...PENALTIES.map((penalty) => penalty.factor),
];
