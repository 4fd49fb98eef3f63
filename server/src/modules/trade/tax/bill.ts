// The tax bill of an import declaration: per line customs value, duty (with the column and rate used),
// consumption tax and VAT, and the totals — every amount a two-decimal string, the input echoed, so that an
// integrator can redo the arithmetic.
import { findTariffLine } from '../data/tariff.js';
import type { Rate, TariffLine } from '../data/types.js';
import {
  type Adjustments,
  cifParts,
  isTermsOfSale,
  parseAdjustments,
  parsePositive,
  TERMS_OF_SALE,
  type TermsOfSale,
} from './customs-value.js';
import { at, isRecord, type Result, type TaxError, taxError } from './errors.js';
import { computeLineTaxes, type LineTaxes, parseTaxItems, type QuantityInput } from './line-tax.js';
import { Dec, exactString, fenString, isIsoDate } from './money.js';
import type { DutyColumn } from './rates.js';

/** A declaration form holds at most 50 items (memory of the Single Window's limit; verify). */
export const DECLARATION_ITEMS_MAX = 50;

const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface DeclarationItemInput {
  /** 10-digit commodity code. */
  readonly code: string;
  /** Price of the item under the declaration's terms of sale, in the declaration's currency. */
  readonly priceAmount: string;
  /** Quantities in the line's legal units: the first always, the second when the line has one. */
  readonly quantities: readonly QuantityInput[];
  /** ISO 3166-1 alpha-2. */
  readonly originCountry: string;
  readonly certificateOfOrigin?: boolean | undefined;
}

/** Customs exchange rates of one month (customs.md §3: "the rate published for the month"). */
export interface ExchangeRateTable {
  /** YYYY-MM; must be the month of the declaration date. */
  readonly month: string;
  /** CNY per one unit of each currency, as decimal strings. */
  readonly cnyPerUnit: Readonly<Record<string, string>>;
}

export interface DeclarationInput {
  /** Declaration date, YYYY-MM-DD: selects the rates in force and the exchange-rate month. */
  readonly date: string;
  readonly termsOfSale: TermsOfSale;
  /** ISO 4217 currency of the prices, freight and insurance. */
  readonly currency: string;
  /** Freight of the whole declaration (a header field of the form), spread over the items by price. */
  readonly freightAmount?: string | undefined;
  /** Insurance of the whole declaration, spread by price; omitted → the default rate on price + freight. */
  readonly insuranceAmount?: string | undefined;
  readonly exchangeRates: ExchangeRateTable;
  readonly items: readonly DeclarationItemInput[];
}

export interface TaxOptions {
  /** Tariff catalogue lookup; defaults to the demo catalogue. */
  readonly findLine?: ((code: string) => TariffLine | undefined) | undefined;
  /** Origins entitled to MFN treatment; defaults to MFN_COUNTRIES_DEFAULT. */
  readonly mfnCountries?: ReadonlySet<string> | undefined;
}

export interface TaxBillLine {
  /** Index of the item in the input. */
  readonly item: number;
  readonly code: string;
  readonly originCountry: string;
  /** Freight and insurance added to this item's price, in the declaration currency (exact, unrounded). */
  readonly freightAmount: string;
  readonly insuranceAmount: string;
  readonly insuranceDefaulted: boolean;
  /** price + freight + insurance, in the declaration currency (exact, unrounded). */
  readonly cifAmount: string;
  /** cifAmount × cnyPerUnit, rounded half-up to the fen. */
  readonly customsValueCny: string;
  readonly duty: {
    readonly column: DutyColumn;
    readonly agreement: string | null;
    readonly reason: string;
    readonly rate: Rate;
    readonly effectiveFrom: string;
    readonly amountCny: string;
  };
  readonly consumptionTax: {
    readonly rate: Rate;
    readonly effectiveFrom: string;
    /** Composite price to the fen; for an ad valorem or compound tax it equals value + duty + consumption tax. */
    readonly baseCny: string | null;
    readonly amountCny: string;
  } | null;
  readonly vat: {
    readonly rate: string;
    readonly effectiveFrom: string;
    /** value + duty + consumption tax. */
    readonly baseCny: string;
    readonly amountCny: string;
  };
  /** duty + consumption tax + VAT. */
  readonly taxCny: string;
}

export interface TaxTotals {
  readonly customsValueCny: string;
  readonly dutyCny: string;
  readonly consumptionTaxCny: string;
  readonly vatCny: string;
  readonly taxCny: string;
}

export interface TaxBill {
  readonly input: DeclarationInput;
  readonly cnyPerUnit: string;
  readonly rounding: string;
  readonly lines: readonly TaxBillLine[];
  /** Sums of the rounded line amounts. */
  readonly totals: TaxTotals;
}

export const ROUNDING_RULE =
  'Customs value and each tax of each line rounded half-up to the fen; later taxes use the rounded earlier ones; totals are sums of line amounts.';

/** Computes the tax bill of an import declaration; bad input answers with every problem found, never throws. */
export function computeTaxBill(input: DeclarationInput, options: TaxOptions = {}): Result<TaxBill> {
  const findLine = options.findLine ?? findTariffLine;
  const errors: TaxError[] = [];
  if (!isRecord(input)) {
    return { ok: false, errors: [taxError('INVALID_INPUT', '', 'a declaration must be an object')] };
  }
  if (!isIsoDate(input.date)) {
    errors.push(taxError('INVALID_DATE', 'date', 'date must be a calendar date written YYYY-MM-DD'));
  }
  const termsValid = isTermsOfSale(input.termsOfSale);
  if (!termsValid) {
    errors.push(taxError('INVALID_TERMS', 'termsOfSale', `terms of sale must be one of ${TERMS_OF_SALE.join(', ')}`));
  }
  const cnyPerUnit = exchangeRate(input, errors);
  let adjustments: Adjustments | null = null;
  if (termsValid) {
    const parsed = parseAdjustments(input.termsOfSale, input.freightAmount, input.insuranceAmount, {
      freight: 'freightAmount',
      insurance: 'insuranceAmount',
    });
    if (parsed.ok) {
      adjustments = parsed.value;
    } else {
      errors.push(...parsed.errors);
    }
  }

  const items = Array.isArray(input.items) ? input.items : [];
  if (items.length === 0) {
    errors.push(taxError('NO_ITEMS', 'items', 'a declaration needs at least one item'));
  } else if (items.length > DECLARATION_ITEMS_MAX) {
    errors.push(taxError('TOO_MANY_ITEMS', 'items', `a declaration holds at most ${DECLARATION_ITEMS_MAX} items`));
  }
  const parsedItems =
    items.length > DECLARATION_ITEMS_MAX
      ? []
      : parseTaxItems(items, { field: 'priceAmount', label: 'price' }, findLine, errors);

  if (errors.length > 0 || cnyPerUnit === null || adjustments === null) {
    return { ok: false, errors };
  }

  // Header freight and insurance are spread over the items in proportion to price, without intermediate
  // rounding, so each item's share depends only on its own price and the totals — not on the item order.
  const totalPrice = parsedItems.reduce((sum, item) => sum.plus(item.price), new Dec(0));
  const lines: TaxBillLine[] = [];
  for (const item of parsedItems) {
    const share = item.price.dividedBy(totalPrice);
    const itemAdjustments: Adjustments = {
      freight: adjustments.freight.times(share),
      insurance: adjustments.insurance === null ? null : adjustments.insurance.times(share),
    };
    const cif = cifParts(item.price, itemAdjustments, cnyPerUnit);
    const path = at('items', item.index);
    const taxes = computeLineTaxes(
      item.line,
      cif.customsValueCny,
      item.quantities,
      {
        date: input.date,
        originCountry: item.input.originCountry,
        certificateOfOrigin: item.input.certificateOfOrigin === true,
        mfnCountries: options.mfnCountries,
      },
      path,
    );
    if (!taxes.ok) {
      errors.push(...taxes.errors);
      continue;
    }
    lines.push({
      item: item.index,
      code: item.line.code,
      originCountry: item.input.originCountry,
      freightAmount: exactString(cif.freightAmount),
      insuranceAmount: exactString(cif.insuranceAmount),
      insuranceDefaulted: cif.insuranceDefaulted,
      cifAmount: exactString(cif.cifAmount),
      customsValueCny: fenString(cif.customsValueCny),
      ...billAmounts(taxes.value),
    });
  }
  if (errors.length > 0) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      input,
      cnyPerUnit: cnyPerUnit.toFixed(),
      rounding: ROUNDING_RULE,
      lines,
      totals: sumLines(lines),
    },
  };
}

/** The duty, consumption tax and VAT parts of a bill line, as fen strings. */
export function billAmounts(taxes: LineTaxes): Pick<TaxBillLine, 'duty' | 'consumptionTax' | 'vat' | 'taxCny'> {
  const consumptionTaxCny = taxes.consumptionTax?.amountCny ?? new Dec(0);
  return {
    duty: {
      column: taxes.selection.column,
      agreement: taxes.selection.agreement,
      reason: taxes.selection.reason,
      rate: taxes.selection.rate,
      effectiveFrom: taxes.selection.effectiveFrom,
      amountCny: fenString(taxes.dutyCny),
    },
    consumptionTax:
      taxes.consumptionTax === null
        ? null
        : {
            rate: taxes.consumptionTax.rate,
            effectiveFrom: taxes.consumptionTax.effectiveFrom,
            baseCny: taxes.consumptionTax.base === null ? null : fenString(taxes.consumptionTax.base),
            amountCny: fenString(taxes.consumptionTax.amountCny),
          },
    vat: {
      rate: taxes.vat.rate.fraction,
      effectiveFrom: taxes.vat.rate.effectiveFrom,
      baseCny: fenString(taxes.vat.base),
      amountCny: fenString(taxes.vat.amountCny),
    },
    taxCny: fenString(taxes.dutyCny.plus(consumptionTaxCny).plus(taxes.vat.amountCny)),
  };
}

/** Totals as sums of the lines' fen strings. */
export function sumLines(
  lines: readonly {
    readonly customsValueCny: string;
    readonly duty: { readonly amountCny: string };
    readonly consumptionTax: { readonly amountCny: string } | null;
    readonly vat: { readonly amountCny: string };
    readonly taxCny: string;
  }[],
): TaxTotals {
  const sum = (pick: (line: (typeof lines)[number]) => string) =>
    fenString(lines.reduce((total, line) => total.plus(pick(line)), new Dec(0)));
  return {
    customsValueCny: sum((line) => line.customsValueCny),
    dutyCny: sum((line) => line.duty.amountCny),
    consumptionTaxCny: sum((line) => line.consumptionTax?.amountCny ?? '0'),
    vatCny: sum((line) => line.vat.amountCny),
    taxCny: sum((line) => line.taxCny),
  };
}

/** CNY per unit of the declaration currency, or null with the problem recorded. */
function exchangeRate(input: DeclarationInput, errors: TaxError[]): Dec | null {
  if (typeof input.currency !== 'string' || !CURRENCY_PATTERN.test(input.currency)) {
    errors.push(taxError('INVALID_CURRENCY', 'currency', 'currency must be an ISO 4217 code such as USD'));
    return null;
  }
  if (input.currency === 'CNY') {
    return new Dec(1);
  }
  const table = input.exchangeRates;
  if (typeof table?.month !== 'string' || !MONTH_PATTERN.test(table.month)) {
    errors.push(taxError('INVALID_DATE', 'exchangeRates.month', 'month must be written YYYY-MM'));
    return null;
  }
  if (typeof input.date === 'string' && table.month !== input.date.slice(0, 7)) {
    errors.push(
      taxError(
        'RATE_MONTH_MISMATCH',
        'exchangeRates.month',
        `the rates of ${table.month} do not apply on ${input.date}`,
      ),
    );
    return null;
  }
  const text = Object.hasOwn(table.cnyPerUnit ?? {}, input.currency) ? table.cnyPerUnit[input.currency] : undefined;
  if (text === undefined) {
    errors.push(
      taxError('UNKNOWN_CURRENCY_RATE', 'currency', `no customs exchange rate for ${input.currency} in ${table.month}`),
    );
    return null;
  }
  return parsePositive(text, at('exchangeRates.cnyPerUnit', input.currency), 'exchange rate', errors);
}
