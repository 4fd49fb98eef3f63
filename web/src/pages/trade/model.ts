// Pure helpers of the trade centre's pages: exact percent ↔ fraction strings, durations, the fast lane's
// deadline, and where a server field error belongs on the declaration form. No React, no I/O.
import type { Dayjs } from 'dayjs';
import type {
  Channel,
  DeclarationItemInput,
  DeclarationRequest,
  DeclarationStatus,
  DeclarationSummary,
  DocumentInput,
  DocumentKind,
  LicenceCode,
  SupervisionMode,
  TermsOfSale,
  TradeDirection,
  TransportModeCode,
} from '../../api/trade';
import type { LegMode } from '../../api/types';

const DECIMAL = /^\d+(\.\d+)?$/;

/** Moves the decimal point of a non-negative decimal string by `places` (positive: right), exactly. */
function shiftDecimal(text: string, places: number): string {
  const [whole = '0', fraction = ''] = text.split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${integer}.${rest}` : integer;
}

/** "0.015" → "1.5", "0.13" → "13", "1" → "100": a decimal fraction as a percentage, without floats. */
export function fractionToPercent(fraction: string): string {
  return DECIMAL.test(fraction.trim()) ? shiftDecimal(fraction.trim(), 2) : fraction;
}

/** "1.5" → "0.015", "100" → "1": a percentage as the decimal fraction the server takes; null if not a number. */
export function percentToFraction(percent: string): string | null {
  const text = percent.trim().replace(',', '.');
  if (!DECIMAL.test(text)) return null;
  return shiftDecimal(text, -2);
}

/** Minutes as "1 h 25 min" / "1 ч 25 мин" / "1小时25分钟", in the reader's language. */
export function formatDuration(minutes: number, locale: string): string {
  const total = Math.max(0, Math.round(minutes));
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(unit(days, 'day'));
  if (hours > 0) parts.push(unit(hours, 'hour'));
  if (mins > 0 || parts.length === 0) parts.push(unit(mins, 'minute'));
  return parts.join(' ');
}

export type DeadlineState = 'on_target' | 'overdue' | 'open' | 'at_risk';

/**
 * Where a fast-lane declaration stands against its target release time: released in time (`on_target`) or
 * late (`overdue`), or still open and within it (`open`), within its last quarter hour (`at_risk`), or past
 * it (`overdue`). Null when there is no target.
 */
export function deadlineState(
  declaration: Pick<DeclarationSummary, 'targetReleaseAt' | 'status' | 'decidedAt'>,
  now: number,
): DeadlineState | null {
  if (!declaration.targetReleaseAt) return null;
  const target = Date.parse(declaration.targetReleaseAt);
  if (declaration.status === 'released' && declaration.decidedAt) {
    return Date.parse(declaration.decidedAt) <= target ? 'on_target' : 'overdue';
  }
  if (declaration.status === 'rejected') return null;
  if (now > target) return 'overdue';
  return target - now <= 15 * 60_000 ? 'at_risk' : 'open';
}

/** Minutes from submission to release (or to now while the declaration is open). */
export function elapsedMinutes(
  declaration: Pick<DeclarationSummary, 'submittedAt' | 'decidedAt' | 'status'>,
  now: number,
): number | null {
  if (!declaration.submittedAt) return null;
  const end =
    declaration.decidedAt && (declaration.status === 'released' || declaration.status === 'rejected')
      ? Date.parse(declaration.decidedAt)
      : now;
  return (end - Date.parse(declaration.submittedAt)) / 60_000;
}

export const CHANNEL_COLORS: Record<Channel, string> = {
  auto_release: 'green',
  document_review: 'gold',
  inspection: 'red',
};

export const STATUS_COLORS: Record<DeclarationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  documents_requested: 'orange',
  inspection: 'volcano',
  released: 'success',
  rejected: 'error',
};

/** The customs transport mode of a shipment: the main carriage's mode (its first rail or sea trip, else road, air). */
export function transportModeOf(modes: readonly LegMode[]): TransportModeCode | null {
  if (modes.includes('rail')) return '3';
  if (modes.includes('sea')) return '2';
  if (modes.includes('road')) return '4';
  if (modes.includes('air')) return '5';
  return null;
}

/**
 * Where a server field error of the declaration ('body.items.0.code') belongs on the form. The form mirrors
 * the request except for quantities, which are two fields per item (`quantity1`, `quantity2`), so
 * 'items.0.quantities.1.amount' goes to items[0].quantity2 and 'items.0.quantities' to the first quantity.
 * Returns the form path, or null when the problem concerns the whole declaration.
 */
export function declarationFormPath(field: string): (string | number)[] | null {
  const parts = field
    .replace(/^body\.?/, '')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [head, index, name, sub] = parts;
  if (head === undefined) return null;
  if (head === 'items') {
    if (typeof index !== 'number') return null;
    if (name === undefined) return ['items', index, 'code'];
    if (name === 'quantities') return ['items', index, sub === 1 ? 'quantity2' : 'quantity1'];
    if (name === 'licences') return ['items', index, 'licences'];
    return ['items', index, name];
  }
  if (head === 'documents') {
    if (typeof index !== 'number') return ['documents'];
    return ['documents', index, typeof name === 'string' ? name : 'reference'];
  }
  if (head === 'foreignParty') return typeof index === 'string' ? ['foreignParty', index] : ['foreignParty', 'name'];
  return [head];
}

/** A form path as a map key: ['items', 0, 'code'] → 'items.0.code'. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

// --- the declaration form ------------------------------------------------------------------------

export interface DocumentValues {
  kind?: DocumentKind;
  reference?: string;
  issuer?: string;
  validUntil?: Dayjs | null;
}

export interface ItemValues {
  code?: string;
  description?: string;
  quantity1?: string;
  unit1?: string;
  quantity2?: string;
  /** Set (to the line's second legal unit) only when the line has one. */
  unit2?: string;
  priceAmount?: string;
  originCountry?: string;
  certificateOfOrigin?: boolean;
  licences?: { code?: LicenceCode; number?: string }[];
}

export interface DeclarationValues {
  direction: TradeDirection;
  supervisionMode?: SupervisionMode;
  transportMode?: TransportModeCode;
  termsOfSale?: TermsOfSale;
  loadingPort?: string;
  dischargePort?: string;
  foreignParty?: { name?: string; country?: string; aeo?: boolean };
  tradeCountry?: string;
  currency?: string;
  freightAmount?: string;
  insuranceAmount?: string;
  blNumber?: string;
  declarationDate?: Dayjs | null;
  twoStep?: boolean;
  items?: ItemValues[];
  documents?: DocumentValues[];
}

/** The server's decimal strings: up to 15 integer and 10 fraction digits. */
export const DECIMAL_PATTERN = /^\d{1,15}(\.\d{1,10})?$/;
const CODE_PATTERN = /^\d{10}$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/** The rows the user has filled in (a kind and a reference), as the server takes them. */
export function toDocumentInputs(rows: readonly DocumentValues[] | undefined): DocumentInput[] {
  return (rows ?? []).flatMap((row) => {
    const reference = row.reference?.trim();
    if (!row.kind || !reference) return [];
    const document: DocumentInput = { kind: row.kind, reference };
    const issuer = row.issuer?.trim();
    if (issuer) document.issuer = issuer;
    if (row.validUntil) document.validUntil = row.validUntil.format('YYYY-MM-DD');
    return [document];
  });
}

function toItem(item: ItemValues): DeclarationItemInput | null {
  const code = item.code?.trim() ?? '';
  const description = item.description?.trim() ?? '';
  const quantity1 = item.quantity1?.trim() ?? '';
  const quantity2 = item.quantity2?.trim() ?? '';
  const price = item.priceAmount?.trim() ?? '';
  if (!CODE_PATTERN.test(code) || !description || !item.unit1 || !item.originCountry) return null;
  if (!DECIMAL_PATTERN.test(quantity1) || !DECIMAL_PATTERN.test(price)) return null;
  if (item.unit2 && !DECIMAL_PATTERN.test(quantity2)) return null;
  const result: DeclarationItemInput = {
    code,
    description,
    quantities: [
      { amount: quantity1, unit: item.unit1 },
      ...(item.unit2 ? [{ amount: quantity2, unit: item.unit2 }] : []),
    ],
    priceAmount: price,
    originCountry: item.originCountry,
  };
  if (item.certificateOfOrigin) result.certificateOfOrigin = true;
  const licences = (item.licences ?? []).flatMap((licence) => {
    const number = licence.number?.trim();
    return licence.code && number ? [{ code: licence.code, number }] : [];
  });
  if (licences.length > 0) result.licences = licences;
  return result;
}

/**
 * The request the form's values make, or null while they are not complete enough to be worth asking the
 * server about (a header field or an item's code, description, quantities, price or origin still missing
 * or malformed). Optional fields left empty are left out.
 */
export function toDeclarationRequest(values: DeclarationValues): DeclarationRequest | null {
  const party = values.foreignParty ?? {};
  const name = party.name?.trim() ?? '';
  if (
    !values.direction ||
    !values.supervisionMode ||
    !values.transportMode ||
    !values.termsOfSale ||
    !values.loadingPort ||
    !values.dischargePort ||
    !name ||
    !COUNTRY_PATTERN.test(party.country ?? '') ||
    !COUNTRY_PATTERN.test(values.tradeCountry ?? '') ||
    !values.currency
  ) {
    return null;
  }
  const items = (values.items ?? []).map(toItem);
  if (items.length === 0 || items.some((item) => item === null)) return null;
  const freight = values.freightAmount?.trim();
  const insurance = values.insuranceAmount?.trim();
  if ((freight && !DECIMAL_PATTERN.test(freight)) || (insurance && !DECIMAL_PATTERN.test(insurance))) return null;
  const request: DeclarationRequest = {
    direction: values.direction,
    supervisionMode: values.supervisionMode,
    transportMode: values.transportMode,
    termsOfSale: values.termsOfSale,
    loadingPort: values.loadingPort,
    dischargePort: values.dischargePort,
    foreignParty: { name, country: party.country ?? '', ...(party.aeo ? { aeo: true } : {}) },
    tradeCountry: values.tradeCountry ?? '',
    currency: values.currency,
    items: items as DeclarationItemInput[],
  };
  if (freight) request.freightAmount = freight;
  if (insurance) request.insuranceAmount = insurance;
  if (values.blNumber) request.blNumber = values.blNumber;
  if (values.declarationDate) request.declarationDate = values.declarationDate.format('YYYY-MM-DD');
  if (values.twoStep) request.twoStep = true;
  const documents = toDocumentInputs(values.documents);
  if (documents.length > 0) request.documents = documents;
  return request;
}

export interface PlacedErrors {
  /** Messages by form path key ('items.0.code'). */
  byPath: Map<string, string[]>;
  /** Messages about the declaration as a whole, for an alert. */
  unplaced: string[];
}

/** Sorts a problem's field errors onto the declaration form (see declarationFormPath). */
export function placeFieldErrors(errors: readonly { field: string; message: string }[]): PlacedErrors {
  const byPath = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const error of errors) {
    const path = declarationFormPath(error.field);
    if (!path) {
      unplaced.push(error.message);
      continue;
    }
    const key = pathKey(path);
    byPath.set(key, [...(byPath.get(key) ?? []), error.message]);
  }
  return { byPath, unplaced };
}
