// Types of the tariff catalogue. Every rate column is a list of dated entries so that a rate can change
// on 1 January (or mid-year) without losing the history a past declaration was taxed under (customs.md:
// "Always store them with an effective_from date").
import type { UnitCode } from './units.js';

export interface LocalisedText {
  readonly zh: string;
  readonly en: string;
  readonly ru: string;
}

/** A decimal fraction written as a string: "0.15" is 15 %. Never a binary float. */
export type DecimalString = string;

/** Duty or consumption-tax rate: ad valorem, specific (CNY per legal unit), or compound (both, summed). */
export type Rate =
  | { readonly kind: 'adValorem'; readonly adValorem: DecimalString }
  | { readonly kind: 'specific'; readonly cnyPerUnit: DecimalString; readonly unit: UnitCode }
  | {
      readonly kind: 'compound';
      readonly adValorem: DecimalString;
      readonly cnyPerUnit: DecimalString;
      readonly unit: UnitCode;
    };

/**
 * One entry of a rate column. `rate: null` withdraws the column from that date on (coal's 0 % provisional
 * rate ended on 2023-12-31, so the column holds 0 from 2022 and null from 2024-01-01).
 */
export interface DatedRate {
  readonly effectiveFrom: string;
  readonly rate: Rate | null;
}

/** A dated plain fraction: import VAT and export rebate rates, which are always ad valorem. */
export interface DatedFraction {
  readonly effectiveFrom: string;
  readonly fraction: DecimalString;
}

/** Conventional (协定) rates for originating goods of one FTA partner, usable only with a certificate of origin. */
export interface AgreementColumn {
  /** ISO 3166-1 alpha-2 code of the partner country. */
  readonly partnerCountry: string;
  /** Short name of the agreement, e.g. "China–X FTA". */
  readonly agreement: string;
  readonly rates: readonly DatedRate[];
}

/** Licence codes (监管证件代码) from customs.md §1: 4 export licence, 7 automatic import licence, A inbound
 * inspection, B outbound inspection, t tariff-quota certificate, x/y processing-trade licences. */
export type LicenceCode = '4' | '7' | 'A' | 'B' | 't' | 'x' | 'y';

/** CIQ inspection codes from customs.md §1 (M/N commodity inspection, P/Q quarantine, R/S food, L CCC). */
export type InspectionCode = 'M' | 'N' | 'P' | 'Q' | 'R' | 'S' | 'L';

export interface Quantity {
  readonly amount: DecimalString;
  readonly unit: UnitCode;
}

export interface CbecEligibility {
  /** On the CBEC Retail Import Positive List (跨境电子商务零售进口商品清单). */
  readonly positiveList: boolean;
  /**
   * Quantity cap per person per year, where the positive list sets one (customs.md §4: sugar 2 kg, rice
   * 20 kg per person per year). The reference gives yearly caps only, so there is no per-order cap field.
   */
  readonly capPerPersonPerYear: Quantity | null;
}

export interface TariffLine {
  /** China's 10-digit commodity code (商品编号): 8-digit tariff line + 2-digit extension. */
  readonly code: string;
  readonly names: LocalisedText;
  /** First and second legal units (法定第一/第二计量单位); quantities are declared in these. */
  readonly firstUnit: UnitCode;
  readonly secondUnit: UnitCode | null;
  /**
   * Tariff-quota status selected by this 10-digit line (customs.md §9: "…01 in quota vs …90 out of
   * quota"); null for lines outside quota management.
   */
  readonly quota: 'in' | 'out' | null;
  readonly rates: {
    readonly mfn: readonly DatedRate[];
    readonly general: readonly DatedRate[];
    readonly provisional: readonly DatedRate[];
    /** In-quota rate (关税配额税率); only in-quota lines carry it. */
    readonly tariffQuota: readonly DatedRate[];
    /** No SCO-relevant agreement is given in customs.md, so every line in the demo catalogue has none. */
    readonly agreement: readonly AgreementColumn[];
    readonly importVat: readonly DatedFraction[];
    /** Empty when the goods bear no consumption tax. */
    readonly consumptionTax: readonly DatedRate[];
    readonly exportRebate: readonly DatedFraction[];
  };
  readonly licenceCodes: readonly LicenceCode[];
  readonly inspectionCodes: readonly InspectionCode[];
  readonly cbec: CbecEligibility;
  /** customs.md §8: a used vehicle of this line needs an export licence (licence code 4) to leave China. */
  readonly usedVehicleExportLicence: boolean;
  /** True only when every rate on the line is given by customs.md with an [H] or [G] source mark. */
  readonly confirmed: boolean;
  /** Where the figures come from, or why they are demo values. */
  readonly basis: string;
}
