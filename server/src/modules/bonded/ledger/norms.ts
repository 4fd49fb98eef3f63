/**
 * Consumption norms (单耗) of processing trade. Customs defines the unit consumption as the net
 * consumption (净耗: material physically in one unit of product) divided by one minus the process
 * loss rate (工艺损耗率): 单耗 = 净耗 / (1 − 损耗率). Producing Q units consumes Q × 单耗 of the material.
 *
 * Exact decimal arithmetic in BigInt; the result is rounded *up* to the thousandth, so the book
 * never keeps a fraction of material that the factory actually used (a book that keeps too much is
 * the failure customs audits for; one that keeps a thousandth too little is harmless).
 */

const SCALE_DIGITS = 9;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const DECIMAL = /^\d{1,9}(\.\d{1,9})?$/;

export class NormError extends Error {
  constructor(
    readonly field: 'netConsumption' | 'lossRate',
    readonly code: 'invalid_decimal' | 'not_positive' | 'loss_rate_out_of_range',
  ) {
    super(`${field}: ${code}`);
  }
}

/** A non-negative decimal string (≤ 9 integer and 9 fraction digits) as an integer of 10⁻⁹. */
function scaled(value: string, field: NormError['field']): bigint {
  if (!DECIMAL.test(value)) throw new NormError(field, 'invalid_decimal');
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(SCALE_DIGITS, '0'));
}

export interface Norm {
  /** 净耗 per unit of product, in the material's legal unit, e.g. "0.52". */
  netConsumption: string;
  /** 工艺损耗率 as a fraction in [0, 1), e.g. "0.04" for 4 %. */
  lossRate: string;
}

/** Checks a norm; throws NormError naming the bad field. */
export function checkNorm(norm: Norm): void {
  const net = scaled(norm.netConsumption, 'netConsumption');
  if (net <= 0n) throw new NormError('netConsumption', 'not_positive');
  const loss = scaled(norm.lossRate, 'lossRate');
  if (loss >= SCALE) throw new NormError('lossRate', 'loss_rate_out_of_range');
}

/** Material (thousandths of its unit) consumed to produce `producedMilli` thousandths of product. */
export function materialConsumptionMilli(producedMilli: number, norm: Norm): number {
  if (!Number.isSafeInteger(producedMilli) || producedMilli <= 0)
    throw new RangeError('producedMilli must be a positive integer');
  checkNorm(norm);
  const net = scaled(norm.netConsumption, 'netConsumption');
  const keep = SCALE - scaled(norm.lossRate, 'lossRate');
  const numerator = BigInt(producedMilli) * net;
  const consumed = (numerator + keep - 1n) / keep; // ceiling
  if (consumed > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('consumption overflows');
  return Number(consumed);
}
