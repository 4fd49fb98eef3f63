// One line of a bulk file, validated on its own: pure, so 1,000,000 of them cost only CPU. Every problem
// names its column; the processor turns them into the downloadable error report.
import { createHmac } from 'node:crypto';
import { maskResidentId, validateResidentId } from '../../lib/identifiers/index.js';
import { findTariffLine, type TariffLine } from '../trade/index.js';

export interface LineIssue {
  field: string;
  code: string;
}

/** A record as a CSV row or a JSON object gives it: strings, or JSON scalars coerced to strings. */
export type RawRecord = Record<string, unknown>;

const ORDER_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DECIMAL = /^\d{1,12}(\.\d{1,6})?$/;
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
const COUNTRY = /^[A-Z]{2}$/;
const CODE = /^\d{10}$/;

function text(record: RawRecord, field: string): string {
  const value = record[field];
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}

/** Fen from a money string with at most two decimals, in integers only. */
export function fenOf(money: string): number {
  const [whole = '0', fraction = ''] = money.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** quantity × price in fen, rounded half-up to the fen, exactly: the quantity has at most 6 decimals. */
export function timesFen(quantity: string, fen: number): number {
  const [whole = '0', fraction = ''] = quantity.split('.');
  const micro = BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
  return Number((micro * BigInt(fen) + 500_000n) / 1_000_000n);
}

export class ConsumerIds {
  constructor(private readonly key: Buffer) {}
  /** Keyed hash for matching: without the key, a hash cannot be tested against candidate ID numbers. */
  hash(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url');
  }
}

function required(record: RawRecord, field: string, pattern: RegExp, issues: LineIssue[]): string {
  const value = text(record, field);
  if (value === '') issues.push({ field, code: 'required' });
  else if (!pattern.test(value)) issues.push({ field, code: 'invalid_format' });
  return value;
}

function residentId(record: RawRecord, field: string, issues: LineIssue[]): string {
  const value = text(record, field).toUpperCase();
  if (value === '') {
    issues.push({ field, code: 'required' });
    return value;
  }
  const check = validateResidentId(value);
  if (!check.ok) issues.push({ field, code: check.problem === 'check' ? 'check_digit' : 'invalid_format' });
  return value;
}

function positiveDecimal(record: RawRecord, field: string, issues: LineIssue[], pattern = DECIMAL): string {
  const value = required(record, field, pattern, issues);
  if (pattern.test(value) && Number(value) <= 0) issues.push({ field, code: 'not_positive' });
  return value;
}

function optionalMoney(record: RawRecord, field: string, issues: LineIssue[]): string {
  const value = text(record, field);
  if (value !== '' && !MONEY.test(value)) issues.push({ field, code: 'invalid_format' });
  return value === '' ? '0' : value;
}

function commodity(
  record: RawRecord,
  issues: LineIssue[],
  options: { positiveList: boolean },
): { line: TariffLine | null; code: string; quantity: string; unit: string; secondQuantity: string } {
  const code = required(record, 'code', CODE, issues);
  const line = CODE.test(code) ? (findTariffLine(code) ?? null) : null;
  if (CODE.test(code) && !line) issues.push({ field: 'code', code: 'unknown_commodity' });
  if (line && options.positiveList && !line.cbec.positiveList)
    issues.push({ field: 'code', code: 'not_on_positive_list' });
  const quantity = positiveDecimal(record, 'quantity', issues);
  const unit = required(record, 'unit', /^\d{3}$/, issues);
  if (line && /^\d{3}$/.test(unit) && unit !== line.firstUnit) issues.push({ field: 'unit', code: 'unit_not_legal' });
  let secondQuantity = '';
  if (line?.secondUnit) {
    secondQuantity = positiveDecimal(record, 'secondQuantity', issues);
  }
  return { line, code, quantity, unit, secondQuantity };
}

export interface OrderLine {
  orderNo: string;
  mode: '1210' | '9610';
  consumerHash: string;
  consumerMasked: string;
  orderDate: string;
  code: string;
  line: TariffLine;
  quantity: string;
  unit: string;
  secondQuantity: string;
  /** quantity × unit price, in fen. */
  goodsFen: number;
  freightFen: number;
  insuranceFen: number;
  originCountry: string;
}

/** An order line (one item; an order of several items repeats its number on consecutive lines). */
export function parseOrderLine(
  record: RawRecord,
  ids: ConsumerIds,
  countries: ReadonlySet<string>,
): { ok: true; value: OrderLine } | { ok: false; issues: LineIssue[] } {
  const issues: LineIssue[] = [];
  const orderNo = required(record, 'orderNo', ORDER_NO, issues);
  const mode = text(record, 'mode');
  if (mode !== '1210' && mode !== '9610')
    issues.push({ field: 'mode', code: mode === '' ? 'required' : 'invalid_format' });
  const consumer = residentId(record, 'consumerId', issues);
  const orderDate = required(record, 'orderDate', DATE, issues);
  const item = commodity(record, issues, { positiveList: true });
  const unitPrice = positiveDecimal(record, 'unitPriceCny', issues, MONEY);
  const freight = optionalMoney(record, 'freightCny', issues);
  const insurance = optionalMoney(record, 'insuranceCny', issues);
  const originCountry = required(record, 'originCountry', COUNTRY, issues);
  if (COUNTRY.test(originCountry) && !countries.has(originCountry)) {
    issues.push({ field: 'originCountry', code: 'unknown_country' });
  }
  if (issues.length > 0 || !item.line) return { ok: false, issues };
  const goodsFen = timesFen(item.quantity, fenOf(unitPrice));
  return {
    ok: true,
    value: {
      orderNo,
      mode: mode as '1210' | '9610',
      consumerHash: ids.hash(consumer),
      consumerMasked: maskResidentId(consumer),
      orderDate,
      code: item.code,
      line: item.line,
      quantity: item.quantity,
      unit: item.unit,
      secondQuantity: item.secondQuantity,
      goodsFen,
      freightFen: fenOf(freight),
      insuranceFen: fenOf(insurance),
      originCountry,
    },
  };
}

export interface PaymentLine {
  paymentNo: string;
  orderNo: string;
  payerHash: string;
  amountFen: number;
}

export function parsePaymentLine(
  record: RawRecord,
  ids: ConsumerIds,
): { ok: true; value: PaymentLine } | { ok: false; issues: LineIssue[] } {
  const issues: LineIssue[] = [];
  const paymentNo = required(record, 'paymentNo', ORDER_NO, issues);
  const orderNo = required(record, 'orderNo', ORDER_NO, issues);
  const payer = residentId(record, 'payerId', issues);
  const amount = positiveDecimal(record, 'amountCny', issues, MONEY);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { paymentNo, orderNo, payerHash: ids.hash(payer), amountFen: fenOf(amount) } };
}

export interface WaybillLine {
  waybillNo: string;
  orderNo: string;
  consigneeHash: string;
}

export function parseWaybillLine(
  record: RawRecord,
  ids: ConsumerIds,
): { ok: true; value: WaybillLine } | { ok: false; issues: LineIssue[] } {
  const issues: LineIssue[] = [];
  const waybillNo = required(record, 'waybillNo', ORDER_NO, issues);
  const orderNo = required(record, 'orderNo', ORDER_NO, issues);
  const consignee = residentId(record, 'consigneeId', issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { waybillNo, orderNo, consigneeHash: ids.hash(consignee) } };
}

export interface ExportListLine {
  listNo: string;
  mode: '9610' | '9710' | '9810';
  code: string;
  quantity: string;
  unit: string;
  valueFen: number;
  destinationCountry: string;
  warehouse: string | null;
  month: string;
}

export function parseExportListLine(
  record: RawRecord,
  countries: ReadonlySet<string>,
): { ok: true; value: ExportListLine } | { ok: false; issues: LineIssue[] } {
  const issues: LineIssue[] = [];
  const listNo = required(record, 'listNo', ORDER_NO, issues);
  const mode = text(record, 'mode');
  if (mode !== '9610' && mode !== '9710' && mode !== '9810') {
    issues.push({ field: 'mode', code: mode === '' ? 'required' : 'invalid_format' });
  }
  const item = commodity(record, issues, { positiveList: false });
  const value = positiveDecimal(record, 'valueCny', issues, MONEY);
  const destinationCountry = required(record, 'destinationCountry', COUNTRY, issues);
  if (COUNTRY.test(destinationCountry) && !countries.has(destinationCountry)) {
    issues.push({ field: 'destinationCountry', code: 'unknown_country' });
  }
  const warehouse = text(record, 'warehouse');
  // 9810 exports go to an overseas warehouse, which the list must name.
  if (mode === '9810' && warehouse === '') issues.push({ field: 'warehouse', code: 'required' });
  const date = required(record, 'exportDate', DATE, issues);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      listNo,
      mode: mode as ExportListLine['mode'],
      code: item.code,
      quantity: item.quantity,
      unit: item.unit,
      valueFen: fenOf(value),
      destinationCountry,
      warehouse: warehouse === '' ? null : warehouse,
      month: date.slice(0, 7),
    },
  };
}
