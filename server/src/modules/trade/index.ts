/**
 * The trade centre's pure foundations: the tariff catalogue (China 10-digit lines for China–SCO trade) and the
 * import tax engine (customs value, duty column selection, duty, consumption tax, VAT, CBEC composite tax).
 * No I/O: callers pass dates, exchange rates and consumers' year-to-date amounts in.
 */
export { findTariffLine, TARIFF_LINES } from './data/tariff.js';
export type {
  AgreementColumn,
  CbecEligibility,
  DatedFraction,
  DatedRate,
  DecimalString,
  InspectionCode,
  LicenceCode,
  LocalisedText,
  Quantity,
  Rate,
  TariffLine,
} from './data/types.js';
export { isUnitCode, UNITS, type UnitCode, type UnitInfo } from './data/units.js';
export {
  computeTaxBill,
  DECLARATION_ITEMS_MAX,
  type DeclarationInput,
  type DeclarationItemInput,
  type ExchangeRateTable,
  ROUNDING_RULE,
  type TaxBill,
  type TaxBillLine,
  type TaxOptions,
  type TaxTotals,
} from './tax/bill.js';
export {
  CBEC_ANNUAL_LIMIT_CNY,
  CBEC_ORDER_ITEMS_MAX,
  CBEC_ORDER_LIMIT_CNY,
  CBEC_TAX_SHARE,
  type CbecItemInput,
  type CbecLimitCheck,
  type CbecLimitInput,
  type CbecOrderInput,
  type CbecQuantityCapCheck,
  type CbecTaxBill,
  type CbecTaxLine,
  type CbecTreatment,
  cbecCompositeRate,
  checkCbecLimits,
  checkCbecQuantityCap,
  computeCbecOrderTax,
} from './tax/cbec.js';
export {
  type CustomsValue,
  type CustomsValueInput,
  customsValue,
  INSURANCE_RATE_DEFAULT,
  TERMS_OF_SALE,
  type TermsOfSale,
} from './tax/customs-value.js';
export type { Result, TaxError, TaxErrorCode } from './tax/errors.js';
export type { QuantityInput } from './tax/line-tax.js';
export { MFN_COUNTRIES_DEFAULT } from './tax/mfn-countries.js';
export {
  type DutyColumn,
  entryInForce,
  type RateSelection,
  type RateSelectionContext,
  selectDutyRate,
} from './tax/rates.js';
