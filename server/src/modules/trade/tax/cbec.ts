// Cross-border e-commerce retail imports (customs.md §4, 财关税〔2018〕49号): limits and the composite tax.
import { findTariffLine } from '../data/tariff.js';
import type { Quantity, Rate, TariffLine } from '../data/types.js';
import { billAmounts, sumLines, type TaxBillLine, type TaxOptions, type TaxTotals } from './bill.js';
import { parsePositive } from './customs-value.js';
import { at, isRecord, type Result, type TaxError, taxError } from './errors.js';
import { consumptionTaxAmount } from './formulas.js';
import { computeLineTaxes, type ParsedTaxItem, parseTaxItems, type QuantityInput } from './line-tax.js';
import { Dec, fenString, isIsoDate, parseDecimal, toFen } from './money.js';
import { fractionInForce, rateInForce } from './rates.js';

/** customs.md §4: CNY 5,000 per transaction and CNY 26,000 per person per year (from 2019-01-01). */
export const CBEC_ORDER_LIMIT_CNY = '5000';
export const CBEC_ANNUAL_LIMIT_CNY = '26000';
/** Within the limits VAT and consumption tax are levied at 70 % of the statutory amount. */
export const CBEC_TAX_SHARE = '0.7';
/** One CBEC order holds at most this many items (a bound of this engine, not a customs rule). */
export const CBEC_ORDER_ITEMS_MAX = 50;

export type CbecTreatment =
  /** Within both limits: duty 0, VAT and consumption tax at 70 %. */
  | 'preferential'
  /** Over the single limit, within the annual one, one indivisible item: CBEC channel, full general-trade tax. */
  | 'fullTax'
  /** Over the annual limit, or over the single limit with more than one item: general trade, not CBEC. */
  | 'generalTrade';

export interface CbecLimitInput {
  /** Order value: retail prices including freight and insurance, CNY. */
  readonly orderValueCny: string;
  /** What the consumer has bought through CBEC so far this calendar year, CNY. */
  readonly yearToDateCny: string;
  /** The order is one item that cannot be split. */
  readonly singleIndivisibleItem: boolean;
}

export interface CbecLimitCheck {
  readonly treatment: CbecTreatment;
  readonly reason: string;
  /** The consumer's year-to-date amount after this order; unchanged when the order is general trade. */
  readonly yearToDateAfterCny: string;
}

/**
 * Classifies an order against the limits. Both limits are inclusive ("within" CNY 5,000 includes 5,000.00), and
 * the annual limit counts this order: an order that would take the year past CNY 26,000 is over it.
 */
export function checkCbecLimits(input: CbecLimitInput): Result<CbecLimitCheck> {
  const errors: TaxError[] = [];
  const order = parsePositive(input.orderValueCny, 'orderValueCny', 'order value', errors);
  const yearToDate = parseDecimal(input.yearToDateCny);
  if (yearToDate === null) {
    errors.push(taxError('INVALID_DECIMAL', 'yearToDateCny', 'year-to-date amount must be a decimal string'));
  }
  if (order === null || yearToDate === null) {
    return { ok: false, errors };
  }
  return { ok: true, value: classify(order, yearToDate, input.singleIndivisibleItem) };
}

function classify(order: Dec, yearToDate: Dec, singleIndivisibleItem: boolean): CbecLimitCheck {
  const after = yearToDate.plus(order);
  const overAnnual = after.greaterThan(CBEC_ANNUAL_LIMIT_CNY);
  const overSingle = order.greaterThan(CBEC_ORDER_LIMIT_CNY);
  if (overAnnual) {
    return {
      treatment: 'generalTrade',
      reason: `the order takes the consumer's year to CNY ${fenString(after)}, over the CNY ${CBEC_ANNUAL_LIMIT_CNY} annual limit`,
      yearToDateAfterCny: fenString(yearToDate),
    };
  }
  if (overSingle && !singleIndivisibleItem) {
    return {
      treatment: 'generalTrade',
      reason: `the order of CNY ${fenString(order)} is over the CNY ${CBEC_ORDER_LIMIT_CNY} single limit and can be split`,
      yearToDateAfterCny: fenString(yearToDate),
    };
  }
  if (overSingle) {
    return {
      treatment: 'fullTax',
      reason: 'one indivisible item over the single limit: full general-trade taxes, counted towards the annual limit',
      yearToDateAfterCny: fenString(after),
    };
  }
  return {
    treatment: 'preferential',
    reason: 'within the single and annual limits: duty 0, VAT and consumption tax at 70 %',
    yearToDateAfterCny: fenString(after),
  };
}

/** Composite rate within the limits (customs.md §4): (CT rate + VAT rate) / (1 − CT rate) × 70 %, unrounded. */
export function cbecCompositeRate(consumptionTaxRate: string, vatRate: string): Result<string> {
  const errors: TaxError[] = [];
  const ct = parseDecimal(consumptionTaxRate);
  const vat = parseDecimal(vatRate);
  if (ct === null || ct.greaterThanOrEqualTo(1)) {
    errors.push(taxError('INVALID_DECIMAL', 'consumptionTaxRate', 'consumption tax rate must be in [0, 1)'));
  }
  if (vat === null) {
    errors.push(taxError('INVALID_DECIMAL', 'vatRate', 'VAT rate must be a decimal string'));
  }
  if (ct === null || vat === null || errors.length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, value: ct.plus(vat).dividedBy(new Dec(1).minus(ct)).times(CBEC_TAX_SHARE).toFixed() };
}

export interface CbecQuantityCapCheck {
  readonly withinCap: boolean;
  /** The line's cap, or null when it has none. */
  readonly cap: Quantity | null;
  readonly yearToDateAfterAmount: string;
}

/**
 * Whether an order stays within the line's yearly quantity cap (customs.md §4: sugar 2 kg, rice 20 kg per
 * person per year). Both amounts are in the cap's unit; `yearToDateAmount` is what the consumer already
 * bought this year. The cap is inclusive: reaching it exactly is allowed.
 */
export function checkCbecQuantityCap(
  line: TariffLine,
  orderAmount: string,
  yearToDateAmount: string,
): Result<CbecQuantityCapCheck> {
  const errors: TaxError[] = [];
  const ordered = parsePositive(orderAmount, 'orderAmount', 'quantity', errors);
  const before = parseDecimal(yearToDateAmount);
  if (before === null) {
    errors.push(taxError('INVALID_DECIMAL', 'yearToDateAmount', 'quantity must be a decimal string'));
  }
  if (ordered === null || before === null) {
    return { ok: false, errors };
  }
  const cap = line.cbec.capPerPersonPerYear;
  const after = before.plus(ordered);
  return {
    ok: true,
    value: { withinCap: withinCap(cap, after), cap, yearToDateAfterAmount: after.toFixed() },
  };
}

function withinCap(cap: Quantity | null, yearToDateAfter: Dec): boolean {
  return cap === null || yearToDateAfter.lessThanOrEqualTo(cap.amount);
}

export interface CbecItemInput {
  readonly code: string;
  /** Retail price of the item including its freight and insurance, CNY. */
  readonly retailPriceCny: string;
  readonly quantities: readonly QuantityInput[];
  readonly originCountry: string;
  /** For a line with a yearly quantity cap: what the consumer already bought this year, in the cap's unit. */
  readonly yearToDateQuantity?: string | undefined;
}

export interface CbecOrderInput {
  /** Order date, YYYY-MM-DD. */
  readonly date: string;
  readonly consumerYearToDateCny: string;
  readonly singleIndivisibleItem?: boolean | undefined;
  readonly items: readonly CbecItemInput[];
}

export interface CbecTaxLine {
  readonly item: number;
  readonly code: string;
  /** The retail price is the dutiable value of a CBEC parcel. */
  readonly customsValueCny: string;
  readonly duty:
    | TaxBillLine['duty']
    | { readonly column: 'cbecWithinLimits'; readonly reason: string; readonly amountCny: string };
  readonly consumptionTax: {
    readonly rate: Rate;
    readonly effectiveFrom: string;
    readonly baseCny: string | null;
    /** The full general-trade amount, to the fen; within the limits 70 % of it is due. */
    readonly statutoryCny?: string;
    readonly amountCny: string;
  } | null;
  readonly vat: {
    readonly rate: string;
    readonly effectiveFrom: string;
    readonly baseCny: string;
    readonly statutoryCny?: string;
    readonly amountCny: string;
  };
  readonly taxCny: string;
}

export interface CbecTaxBill {
  readonly input: CbecOrderInput;
  readonly treatment: CbecTreatment;
  readonly reason: string;
  readonly orderValueCny: string;
  readonly yearToDateAfterCny: string;
  readonly rounding: string;
  readonly lines: readonly CbecTaxLine[];
  readonly totals: TaxTotals;
}

export const CBEC_ROUNDING_RULE =
  'Within the limits, each tax of each line is 70 % of the exact statutory amount, rounded half-up to the fen; otherwise as general trade.';

/**
 * Taxes of a CBEC retail order. Within the limits: duty 0 and 70 % of the statutory consumption tax and VAT,
 * computed with the general formulas on the retail price (which for an ad valorem consumption tax is the
 * composite-rate formula of §4). Over a limit: full general-trade taxes on the retail price, the origin
 * deciding the duty column and no certificate of origin assumed. The positive list and quantity caps bind only
 * orders that go through the CBEC channel.
 */
export function computeCbecOrderTax(input: CbecOrderInput, options: TaxOptions = {}): Result<CbecTaxBill> {
  const findLine = options.findLine ?? findTariffLine;
  const errors: TaxError[] = [];
  if (!isRecord(input)) {
    return { ok: false, errors: [taxError('INVALID_INPUT', '', 'an order must be an object')] };
  }
  if (!isIsoDate(input.date)) {
    errors.push(taxError('INVALID_DATE', 'date', 'date must be a calendar date written YYYY-MM-DD'));
  }
  const yearToDate = parseDecimal(input.consumerYearToDateCny);
  if (yearToDate === null) {
    errors.push(taxError('INVALID_DECIMAL', 'consumerYearToDateCny', 'year-to-date amount must be a decimal string'));
  }
  const items = Array.isArray(input.items) ? input.items : [];
  if (items.length === 0) {
    errors.push(taxError('NO_ITEMS', 'items', 'an order needs at least one item'));
  } else if (items.length > CBEC_ORDER_ITEMS_MAX) {
    errors.push(taxError('TOO_MANY_ITEMS', 'items', `an order holds at most ${CBEC_ORDER_ITEMS_MAX} items`));
  }
  const singleIndivisibleItem = input.singleIndivisibleItem === true;
  if (singleIndivisibleItem && items.length > 1) {
    errors.push(taxError('NOT_SINGLE_ITEM', 'singleIndivisibleItem', 'the order has more than one item'));
  }
  const parsed =
    items.length > CBEC_ORDER_ITEMS_MAX
      ? []
      : parseTaxItems(items, { field: 'retailPriceCny', label: 'retail price' }, findLine, errors);
  if (errors.length > 0 || yearToDate === null) {
    return { ok: false, errors };
  }

  const orderValue = parsed.reduce((sum, item) => sum.plus(item.price), new Dec(0));
  const limits = classify(orderValue, yearToDate, singleIndivisibleItem);
  if (limits.treatment !== 'generalTrade') {
    checkChannelRules(parsed, errors);
  }
  const lines: CbecTaxLine[] = [];
  for (const item of parsed) {
    const path = at('items', item.index);
    const taxes = computeLineTaxes(
      item.line,
      item.price,
      item.quantities,
      {
        date: input.date,
        originCountry: item.input.originCountry,
        certificateOfOrigin: false,
        mfnCountries: options.mfnCountries,
      },
      path,
    );
    if (!taxes.ok) {
      errors.push(...taxes.errors);
      continue;
    }
    const base = { item: item.index, code: item.line.code, customsValueCny: fenString(item.price) };
    if (limits.treatment !== 'preferential') {
      lines.push({ ...base, ...billAmounts(taxes.value) });
      continue;
    }
    lines.push({ ...base, ...preferentialAmounts(item, input.date, path, errors) });
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      input,
      treatment: limits.treatment,
      reason: limits.reason,
      orderValueCny: fenString(orderValue),
      yearToDateAfterCny: limits.yearToDateAfterCny,
      rounding: limits.treatment === 'preferential' ? CBEC_ROUNDING_RULE : 'as general trade',
      lines,
      totals: sumLines(lines),
    },
  };
}

type ParsedCbecItem = ParsedTaxItem<CbecItemInput>;

/** Duty 0; consumption tax and VAT at 70 % of the statutory amounts computed with duty 0. */
function preferentialAmounts(
  item: ParsedCbecItem,
  date: string,
  path: string,
  errors: TaxError[],
): Pick<CbecTaxLine, 'duty' | 'consumptionTax' | 'vat' | 'taxCny'> {
  const share = new Dec(CBEC_TAX_SHARE);
  const zero = new Dec(0);
  const ctRate = rateInForce(item.line.rates.consumptionTax, date);
  let consumptionTax: CbecTaxLine['consumptionTax'] = null;
  let ctStatutory = zero;
  let ctDue = zero;
  if (ctRate !== undefined) {
    const ct = consumptionTaxAmount(ctRate.rate, item.price, zero, item.quantities);
    if (ct === null) {
      errors.push(taxError('MISSING_QUANTITY', at(path, 'quantities'), 'the consumption tax needs a quantity'));
    } else {
      ctStatutory = ct.amount;
      ctDue = toFen(ct.amount.times(share));
      consumptionTax = {
        rate: ctRate.rate,
        effectiveFrom: ctRate.effectiveFrom,
        baseCny: ct.base === null ? null : fenString(ct.base),
        statutoryCny: fenString(ct.amount),
        amountCny: fenString(ctDue),
      };
    }
  }
  // VAT is taken on the exact statutory consumption tax, so that for an ad valorem tax the sum of both equals
  // price × composite rate before each is rounded, as §4's formula has it.
  const vatRate = fractionInForce(item.line.rates.importVat, date);
  const vatFraction = new Dec(vatRate?.fraction ?? '0');
  const vatBase = item.price.plus(ctStatutory);
  const vatStatutory = vatBase.times(vatFraction);
  const vatDue = toFen(vatStatutory.times(share));
  if (vatRate === undefined) {
    errors.push(
      taxError('NO_RATE_IN_FORCE', at(path, 'code'), `${item.line.code} has no VAT rate in force on ${date}`),
    );
  }
  return {
    duty: { column: 'cbecWithinLimits', reason: 'CBEC within limits: duty 0 % (customs.md §4)', amountCny: '0.00' },
    consumptionTax,
    vat: {
      rate: vatFraction.toFixed(),
      effectiveFrom: vatRate?.effectiveFrom ?? date,
      baseCny: fenString(vatBase),
      statutoryCny: fenString(vatStatutory),
      amountCny: fenString(vatDue),
    },
    taxCny: fenString(ctDue.plus(vatDue)),
  };
}

/** Positive list and yearly quantity caps, for orders that go through the CBEC channel. */
function checkChannelRules(items: readonly ParsedCbecItem[], errors: TaxError[]): void {
  for (const item of items) {
    const path = at('items', item.index);
    if (!item.line.cbec.positiveList) {
      errors.push(
        taxError('NOT_ON_POSITIVE_LIST', at(path, 'code'), `${item.line.code} is not on the CBEC positive list`),
      );
      continue;
    }
    const cap = item.line.cbec.capPerPersonPerYear;
    if (cap === null) {
      continue;
    }
    const before =
      item.input.yearToDateQuantity === undefined ? new Dec(0) : parseDecimal(item.input.yearToDateQuantity);
    if (before === null) {
      errors.push(taxError('INVALID_DECIMAL', at(path, 'yearToDateQuantity'), 'quantity must be a decimal string'));
      continue;
    }
    const ordered = item.quantities.get(cap.unit) ?? new Dec(0);
    if (!withinCap(cap, before.plus(ordered))) {
      errors.push(
        taxError(
          'QUANTITY_CAP_EXCEEDED',
          at(path, 'quantities'),
          `${item.line.code} is capped at ${cap.amount} (unit ${cap.unit}) per person per year`,
        ),
      );
    }
  }
}
