// The bulk path: lines arrive one by one from a stream, are validated alone (lines.ts), gathered into
// batches, and each batch is written in one transaction with one statement per table (unnest of column
// arrays). Each written order, payment or waybill then tries to meet its two partners (三单对碰); an order
// whose three documents meet becomes a retail import list: matched, taxed, checked against the consumer's
// annual limit under a row lock, and risk-screened. Lines are idempotent on their document numbers, so
// sending a file again writes nothing new and counts its lines as duplicates.
//
// Reading and writing overlap, one batch apart: while batch N's transaction runs, the reader parses and validates
// batch N + 1 (pure CPU, no database). The writes stay strictly serial and in file order — batch N + 1's
// transaction starts only after batch N's has committed — so matching, the limits and idempotency see exactly
// what a serial upload sees; everything that reads the database (matching, limits, duplicates) is on the write
// side. A full batch waits for the one in flight before it is handed over, so at most one batch is parsed ahead
// and the reader (and the stream behind it) stops meanwhile. The two sides share no state: the reader fills its
// own batch and read counts, which the batch carries to the writer; `counts` is the writer's view, so an upload
// that fails reports the counts a serial upload would (those of the batch that failed, nothing read after it).
import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../platform/db/client.js';
import {
  assessRisk,
  CBEC_ANNUAL_LIMIT_CNY,
  CBEC_ORDER_LIMIT_CNY,
  type CbecTaxBill,
  computeCbecOrderTax,
  findTariffLine,
  type RiskRule,
  type SamplingPolicy,
} from '../trade/index.js';
import {
  type ConsumerIds,
  type ExportListLine,
  fenOf,
  type LineIssue,
  type OrderLine,
  type PaymentLine,
  parseExportListLine,
  parseOrderLine,
  parsePaymentLine,
  parseWaybillLine,
  type RawRecord,
  type WaybillLine,
} from './lines.js';
import type { UploadKind } from './schema.js';

/** The issue's bound: one file holds at most a million lines. */
export const UPLOAD_LINES_MAX = 1_000_000;
/** Lines per transaction: big enough that statements are few, small enough that locks are short. */
export const BATCH_LINES = 5_000;
/** An order holds at most this many lines (items). */
export const ORDER_ITEMS_MAX = 50;
/** Distinct tax computations remembered per upload (orders of a platform repeat the same goods and prices). */
const TAX_CACHE_MAX = 50_000;

const ORDER_LIMIT_FEN = fenOf(CBEC_ORDER_LIMIT_CNY);
const ANNUAL_LIMIT_FEN = fenOf(CBEC_ANNUAL_LIMIT_CNY);

export interface UploadCounts {
  linesRead: number;
  linesAccepted: number;
  linesDuplicate: number;
  linesRejected: number;
  listsReleased: number;
  listsInspection: number;
  listsRejected: number;
}

export interface UploadContext {
  uploadId: string;
  enterpriseId: string;
  kind: UploadKind;
  ids: ConsumerIds;
  countries: ReadonlySet<string>;
  risk: { rules: readonly RiskRule[]; policy: SamplingPolicy; seed: string };
}

/** An order item as stored in the order's jsonb. */
interface StoredItem {
  code: string;
  quantity: string;
  unit: string;
  secondQuantity: string | null;
  secondUnit: string | null;
  valueFen: number;
  originCountry: string;
}

interface LineError extends LineIssue {
  lineNo: number;
}

interface Order {
  orderNo: string;
  lineNos: number[];
  lines: OrderLine[];
  issues: LineError[];
}

/** What the reader hands the writer: one batch's valid lines and line errors, and the read counts at its cut. */
interface Batch {
  orders: Order[];
  payments: { lineNo: number; value: PaymentLine }[];
  waybills: { lineNo: number; value: WaybillLine }[];
  exports: { lineNo: number; value: ExportListLine }[];
  errors: LineError[];
  linesRead: number;
  linesRejected: number;
}

const emptyBatch = (): Omit<Batch, 'linesRead' | 'linesRejected'> => ({
  orders: [],
  payments: [],
  waybills: [],
  exports: [],
  errors: [],
});

interface ListRow {
  orderNo: string;
  enterpriseId: string;
  mode: string;
  status: 'released' | 'inspection' | 'rejected';
  reason: string | null;
  treatment: string | null;
  consumerHash: string;
  year: number;
  valueFen: number;
  taxFen: number;
}

const param = <T, R>(rows: readonly T[], pick: (row: T) => R) => sql.param(rows.map(pick));

/** Streams lines in, batches them, writes each batch in one transaction; see the file comment. */
export class UploadProcessor {
  /** The writer's counts: those of the batches handed to the writer so far, as the upload row shows them. */
  readonly counts: UploadCounts = {
    linesRead: 0,
    linesAccepted: 0,
    linesDuplicate: 0,
    linesRejected: 0,
    listsReleased: 0,
    listsInspection: 0,
    listsRejected: 0,
  };
  // The reader's side: the batch being filled, the order still open, and the lines read and rejected so far.
  private batch = emptyBatch();
  private openOrder: Order | null = null;
  private pendingLines = 0;
  private readonly read = { linesRead: 0, linesRejected: 0 };
  // The writer's side: the batch in flight (settled once its transaction has ended), its failure once known,
  // and the matching problems of the batch being written.
  private writing: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;
  private matchErrors: LineError[] = [];
  private readonly taxCache = new Map<string, CbecTaxBill>();

  constructor(
    private readonly db: Db,
    private readonly ctx: UploadContext,
    private readonly onBatch: (counts: UploadCounts) => void = () => {},
  ) {}

  /** A line the reader could not even parse (bad CSV quoting, bad JSON); written with the next batch. */
  addUnreadable(lineNo: number, code: string): void {
    this.read.linesRead += 1;
    this.reject([{ lineNo, field: '', code }]);
  }

  /** Validates a line into the batch being filled; when it is full, waits for the batch in flight and hands it over. */
  async add(record: RawRecord, lineNo: number): Promise<void> {
    // A batch that failed stops the upload: nothing read after it is handed over.
    if (this.failure) throw this.failure.error;
    this.read.linesRead += 1;
    const { ids, countries } = this.ctx;
    switch (this.ctx.kind) {
      case 'orders':
        this.addOrderLine(record, lineNo);
        break;
      case 'payments': {
        const parsed = parsePaymentLine(record, ids);
        if (parsed.ok) this.batch.payments.push({ lineNo, value: parsed.value });
        else this.reject(parsed.issues.map((i) => ({ ...i, lineNo })));
        break;
      }
      case 'waybills': {
        const parsed = parseWaybillLine(record, ids);
        if (parsed.ok) this.batch.waybills.push({ lineNo, value: parsed.value });
        else this.reject(parsed.issues.map((i) => ({ ...i, lineNo })));
        break;
      }
      case 'export_lists': {
        const parsed = parseExportListLine(record, countries);
        if (parsed.ok) this.batch.exports.push({ lineNo, value: parsed.value });
        else this.reject(parsed.issues.map((i) => ({ ...i, lineNo })));
        break;
      }
    }
    this.pendingLines += 1;
    if (this.pendingLines >= BATCH_LINES) await this.handOver(this.cut());
  }

  /** Closes the last order, writes the last batch (always, so the upload row gets its final counts) and waits for it. */
  async finish(): Promise<UploadCounts> {
    this.closeOrder();
    await this.handOver(this.cut());
    await this.writing;
    return this.counts;
  }

  /**
   * Waits until no batch is in flight, and tells how the last one ended: `{ error }` if it failed. For the reader's
   * own failures (the stream broke, too many lines): the batch in flight ends as it would have before the reader
   * read on, and its failure, if any, came first in the file's order.
   */
  async settle(): Promise<{ error: unknown } | null> {
    try {
      await this.writing;
      return null;
    } catch (error) {
      return { error };
    }
  }

  private reject(issues: LineError[]): void {
    const lines = new Set(issues.map((i) => i.lineNo));
    this.read.linesRejected += lines.size;
    this.batch.errors.push(...issues);
  }

  /** Lines of one order are consecutive; an order is complete when a line with another number arrives. */
  private addOrderLine(record: RawRecord, lineNo: number): void {
    const orderNo = typeof record.orderNo === 'string' ? record.orderNo.trim() : String(record.orderNo ?? '');
    if (this.openOrder && this.openOrder.orderNo !== orderNo) this.closeOrder();
    this.openOrder ??= { orderNo, lineNos: [], lines: [], issues: [] };
    const order = this.openOrder;
    order.lineNos.push(lineNo);
    const parsed = parseOrderLine(record, this.ctx.ids, this.ctx.countries);
    if (!parsed.ok) {
      order.issues.push(...parsed.issues.map((i) => ({ ...i, lineNo })));
      return;
    }
    const first = order.lines[0];
    const line = parsed.value;
    if (
      first &&
      (first.mode !== line.mode || first.consumerHash !== line.consumerHash || first.orderDate !== line.orderDate)
    ) {
      order.issues.push({ lineNo, field: 'orderNo', code: 'order_lines_disagree' });
      return;
    }
    if (order.lineNos.length > ORDER_ITEMS_MAX) {
      order.issues.push({ lineNo, field: 'orderNo', code: 'too_many_items' });
      return;
    }
    order.lines.push(line);
  }

  private closeOrder(): void {
    const order = this.openOrder;
    this.openOrder = null;
    if (!order) return;
    if (order.issues.length > 0) {
      // One bad line spoils its order: the other lines are named too, so the report explains every line.
      const named = new Set(order.issues.map((i) => i.lineNo));
      const others = order.lineNos
        .filter((n) => !named.has(n))
        .map((lineNo) => ({ lineNo, field: 'orderNo', code: 'order_has_invalid_line' }));
      this.reject([...order.issues, ...others]);
      return;
    }
    this.batch.orders.push(order);
  }

  /** Takes the batch being filled, with the read counts so far; the open order goes on into the next batch. */
  private cut(): Batch {
    const batch = { ...this.batch, ...this.read };
    this.batch = emptyBatch();
    this.pendingLines = this.openOrder ? this.openOrder.lineNos.length : 0;
    return batch;
  }

  /**
   * Waits for the batch in flight to commit (its failure is thrown here, and this batch is dropped), then starts
   * writing this one without waiting for it: the reader goes on with the next batch meanwhile.
   */
  private async handOver(batch: Batch): Promise<void> {
    await this.writing;
    this.writing = this.write(batch);
    this.writing.catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  private async write(batch: Batch): Promise<void> {
    // Now the counts are those a serial upload would have at this batch: read up to its cut, written up to here.
    this.counts.linesRead = batch.linesRead;
    this.counts.linesRejected = batch.linesRejected;
    this.matchErrors = [];
    await this.db.transaction(async (tx) => {
      if (batch.orders.length > 0) await this.writeOrders(tx, batch.orders);
      if (batch.payments.length > 0) await this.writePayments(tx, batch.payments);
      if (batch.waybills.length > 0) await this.writeWaybills(tx, batch.waybills);
      if (batch.exports.length > 0) await this.writeExports(tx, batch.exports);
      await this.writeErrors(tx, [...batch.errors, ...this.matchErrors]);
      this.matchErrors = [];
      await tx.execute(sql`
        update ecommerce_uploads set
          lines_read = ${this.counts.linesRead}, lines_accepted = ${this.counts.linesAccepted},
          lines_duplicate = ${this.counts.linesDuplicate}, lines_rejected = ${this.counts.linesRejected},
          lists_released = ${this.counts.listsReleased}, lists_inspection = ${this.counts.listsInspection},
          lists_rejected = ${this.counts.listsRejected}
        where id = ${this.ctx.uploadId}`);
    });
    this.onBatch({ ...this.counts });
  }

  private async writeErrors(tx: Tx, errors: readonly LineError[]): Promise<void> {
    if (errors.length === 0) return;
    const seqs = new Map<number, number>();
    const rows = errors.map((e) => {
      const seq = (seqs.get(e.lineNo) ?? 0) + 1;
      seqs.set(e.lineNo, seq);
      return { ...e, seq };
    });
    await tx.execute(sql`
      insert into ecommerce_upload_errors (upload_id, line_no, seq, field, code)
      select ${this.ctx.uploadId}::uuid, l, s, f, c
      from unnest(${param(rows, (r) => r.lineNo)}::int[], ${param(rows, (r) => r.seq)}::int[],
                  ${param(rows, (r) => r.field)}::text[], ${param(rows, (r) => r.code)}::text[]) as u(l, s, f, c)
      on conflict do nothing`);
  }

  private async writeOrders(tx: Tx, orders: readonly Order[]): Promise<void> {
    const rows = orders.map((o) => {
      const first = o.lines[0]!;
      const totalFen = o.lines.reduce((sum, l) => sum + l.goodsFen + l.freightFen + l.insuranceFen, 0);
      const items = o.lines.map((l) => ({
        code: l.code,
        quantity: l.quantity,
        unit: l.unit,
        secondQuantity: l.secondQuantity || null,
        secondUnit: l.line.secondUnit,
        valueFen: l.goodsFen + l.freightFen + l.insuranceFen,
        originCountry: l.originCountry,
      }));
      return { o, first, totalFen, items: JSON.stringify(items) };
    });
    const inserted = await queryRows<{ order_no: string }>(
      tx,
      sql`insert into ecommerce_orders (order_no, enterprise_id, upload_id, line_no, mode, consumer_hash,
            consumer_masked, order_date, total_fen, items)
          select n, ${this.ctx.enterpriseId}::uuid, ${this.ctx.uploadId}::uuid, l, m, h, k, d, t, i::jsonb
          from unnest(${param(rows, (r) => r.o.orderNo)}::text[], ${param(rows, (r) => r.o.lineNos[0])}::int[],
                      ${param(rows, (r) => r.first.mode)}::text[], ${param(rows, (r) => r.first.consumerHash)}::text[],
                      ${param(rows, (r) => r.first.consumerMasked)}::text[], ${param(rows, (r) => r.first.orderDate)}::text[],
                      ${param(rows, (r) => r.totalFen)}::bigint[], ${param(rows, (r) => r.items)}::text[])
               as u(n, l, m, h, k, d, t, i)
          on conflict (order_no) do nothing
          returning order_no`,
    );
    const fresh = new Set(inserted.map((r) => r.order_no));
    const lineOf = new Map<string, number>();
    for (const order of orders) {
      const count = order.lineNos.length;
      if (fresh.has(order.orderNo)) {
        this.counts.linesAccepted += count;
        lineOf.set(order.orderNo, order.lineNos[0]!);
        fresh.delete(order.orderNo);
      } else {
        this.counts.linesDuplicate += count;
      }
    }
    await this.matchAndList(tx, lineOf, 'orderNo');
  }

  private async writePayments(tx: Tx, lines: readonly { lineNo: number; value: PaymentLine }[]): Promise<void> {
    const inserted = await queryRows<{ payment_no: string }>(
      tx,
      sql`insert into ecommerce_payments (payment_no, order_no, enterprise_id, upload_id, line_no, payer_hash, amount_fen)
          select p, o, ${this.ctx.enterpriseId}::uuid, ${this.ctx.uploadId}::uuid, l, h, a
          from unnest(${param(lines, (r) => r.value.paymentNo)}::text[], ${param(lines, (r) => r.value.orderNo)}::text[],
                      ${param(lines, (r) => r.lineNo)}::int[], ${param(lines, (r) => r.value.payerHash)}::text[],
                      ${param(lines, (r) => r.value.amountFen)}::bigint[]) as u(p, o, l, h, a)
          on conflict (payment_no) do nothing
          returning payment_no`,
    );
    await this.afterInsert(
      tx,
      lines,
      new Set(inserted.map((r) => r.payment_no)),
      (l) => l.value.paymentNo,
      'paymentNo',
    );
  }

  private async writeWaybills(tx: Tx, lines: readonly { lineNo: number; value: WaybillLine }[]): Promise<void> {
    const inserted = await queryRows<{ waybill_no: string }>(
      tx,
      sql`insert into ecommerce_waybills (waybill_no, order_no, enterprise_id, upload_id, line_no, consignee_hash)
          select w, o, ${this.ctx.enterpriseId}::uuid, ${this.ctx.uploadId}::uuid, l, h
          from unnest(${param(lines, (r) => r.value.waybillNo)}::text[], ${param(lines, (r) => r.value.orderNo)}::text[],
                      ${param(lines, (r) => r.lineNo)}::int[], ${param(lines, (r) => r.value.consigneeHash)}::text[])
               as u(w, o, l, h)
          on conflict (waybill_no) do nothing
          returning waybill_no`,
    );
    await this.afterInsert(
      tx,
      lines,
      new Set(inserted.map((r) => r.waybill_no)),
      (l) => l.value.waybillNo,
      'waybillNo',
    );
  }

  private async afterInsert<T extends { lineNo: number; value: { orderNo: string } }>(
    tx: Tx,
    lines: readonly T[],
    fresh: Set<string>,
    key: (line: T) => string,
    field: string,
  ): Promise<void> {
    const lineOf = new Map<string, number>();
    for (const line of lines) {
      if (fresh.delete(key(line))) {
        this.counts.linesAccepted += 1;
        lineOf.set(line.value.orderNo, line.lineNo);
      } else {
        this.counts.linesDuplicate += 1;
      }
    }
    await this.matchAndList(tx, lineOf, field);
  }

  private async writeExports(tx: Tx, lines: readonly { lineNo: number; value: ExportListLine }[]): Promise<void> {
    const { policy, seed, rules } = this.ctx.risk;
    const rows = lines.map((l) => {
      const v = l.value;
      const decision = assessRisk(
        {
          declarationId: v.listNo,
          direction: 'export',
          enterpriseId: this.ctx.enterpriseId,
          creditClass: 'regular',
          tradeCountry: v.destinationCountry,
          firstTimeDeclarant: false,
          aeoPartner: false,
          items: [
            {
              index: 0,
              code: v.code,
              originCountry: 'CN',
              customsValueCny: (v.valueFen / 100).toFixed(2),
              quantity: v.quantity,
              unit: v.unit,
            },
          ],
        },
        rules,
        policy,
        seed,
      );
      return { ...l, status: decision.channel === 'inspection' ? 'inspection' : 'released' };
    });
    const inserted = await queryRows<{ list_no: string; status: string }>(
      tx,
      sql`insert into ecommerce_export_lists (list_no, enterprise_id, upload_id, line_no, mode, code, quantity, unit,
            value_fen, destination_country, warehouse, month, status)
          select n, ${this.ctx.enterpriseId}::uuid, ${this.ctx.uploadId}::uuid, l, m, c, q, u, v, d, w, mo, s
          from unnest(${param(rows, (r) => r.value.listNo)}::text[], ${param(rows, (r) => r.lineNo)}::int[],
                      ${param(rows, (r) => r.value.mode)}::text[], ${param(rows, (r) => r.value.code)}::text[],
                      ${param(rows, (r) => r.value.quantity)}::text[], ${param(rows, (r) => r.value.unit)}::text[],
                      ${param(rows, (r) => r.value.valueFen)}::bigint[], ${param(rows, (r) => r.value.destinationCountry)}::text[],
                      ${param(rows, (r) => r.value.warehouse)}::text[], ${param(rows, (r) => r.value.month)}::text[],
                      ${param(rows, (r) => r.status)}::text[]) as x(n, l, m, c, q, u, v, d, w, mo, s)
          on conflict (list_no) do nothing
          returning list_no, status`,
    );
    this.counts.linesAccepted += inserted.length;
    this.counts.linesDuplicate += lines.length - inserted.length;
    for (const row of inserted) {
      if (row.status === 'inspection') this.counts.listsInspection += 1;
      else this.counts.listsReleased += 1;
    }
  }

  /**
   * Orders among `lineOf`'s keys whose three documents are all here and that have no list yet become lists.
   * Problems of matching are reported on the line that completed the triple (`field` names its column).
   */
  private async matchAndList(tx: Tx, lineOf: ReadonlyMap<string, number>, field: string): Promise<void> {
    if (lineOf.size === 0) return;
    const triples = await queryRows<{
      order_no: string;
      enterprise_id: string;
      mode: string;
      consumer_hash: string;
      order_date: string;
      total_fen: string | number;
      items: StoredItem[];
      payer_hash: string;
      amount_fen: string | number;
      consignee_hash: string;
    }>(
      tx,
      sql`select distinct on (o.order_no) o.order_no, o.enterprise_id, o.mode, o.consumer_hash, o.order_date, o.total_fen,
            o.items, p.payer_hash, p.amount_fen, w.consignee_hash
          from ecommerce_orders o
          join ecommerce_payments p on p.order_no = o.order_no
          join ecommerce_waybills w on w.order_no = o.order_no
          where o.order_no = any(${sql.param([...lineOf.keys()])}::text[])
            and not exists (select 1 from ecommerce_lists l where l.order_no = o.order_no)
          order by o.order_no, p.payment_no, w.waybill_no`,
    );
    if (triples.length === 0) return;

    const lists: ListRow[] = [];
    const candidates: typeof triples = [];
    const mismatch = (t: (typeof triples)[number], reason: string, column: string) => {
      lists.push(this.rejectedList(t, reason));
      this.matchErrors.push({ lineNo: lineOf.get(t.order_no)!, field: column, code: reason });
    };
    for (const t of triples) {
      if (Number(t.amount_fen) !== Number(t.total_fen))
        mismatch(t, 'amount_mismatch', field === 'paymentNo' ? 'amountCny' : field);
      else if (t.payer_hash !== t.consumer_hash)
        mismatch(t, 'payer_mismatch', field === 'paymentNo' ? 'payerId' : field);
      else if (t.consignee_hash !== t.consumer_hash) {
        mismatch(t, 'consignee_mismatch', field === 'waybillNo' ? 'consigneeId' : field);
      } else candidates.push(t);
    }

    // The annual limit: lock every consumer-year row this batch touches, in one order (no deadlocks between
    // concurrent uploads), then apply this batch's orders one by one against the locked totals.
    const keys = [...new Set(candidates.map((t) => `${t.consumer_hash}|${t.order_date.slice(0, 4)}`))].sort();
    const totals = new Map<string, number>();
    if (keys.length > 0) {
      const hashes = keys.map((k) => k.split('|')[0]!);
      const years = keys.map((k) => Number(k.split('|')[1]));
      await tx.execute(sql`
        insert into ecommerce_consumer_years (consumer_hash, year, total_fen)
        select h, y, 0 from unnest(${sql.param(hashes)}::text[], ${sql.param(years)}::int[]) as u(h, y)
        on conflict do nothing`);
      const locked = await queryRows<{ consumer_hash: string; year: number; total_fen: string | number }>(
        tx,
        sql`select c.consumer_hash, c.year, c.total_fen from ecommerce_consumer_years c
            join unnest(${sql.param(hashes)}::text[], ${sql.param(years)}::int[]) as u(h, y)
              on c.consumer_hash = u.h and c.year = u.y
            order by c.consumer_hash, c.year
            for update of c`,
      );
      for (const row of locked) totals.set(`${row.consumer_hash}|${row.year}`, Number(row.total_fen));
    }
    // A concurrent upload holding these locks before us (the payment and the waybill of one order arriving
    // at once) may have listed some of our candidates: it committed before releasing them, so we see its lists.
    const listed =
      candidates.length === 0
        ? new Set<string>()
        : new Set(
            (
              await queryRows<{ order_no: string }>(
                tx,
                sql`select order_no from ecommerce_lists
                    where order_no = any(${sql.param(candidates.map((t) => t.order_no))}::text[])`,
              )
            ).map((r) => r.order_no),
          );
    const caps = await this.lockCaps(tx, candidates);
    const changed = new Set<string>();
    for (const t of candidates.sort((a, b) => (a.order_no < b.order_no ? -1 : 1))) {
      if (listed.has(t.order_no)) continue;
      const key = `${t.consumer_hash}|${t.order_date.slice(0, 4)}`;
      const valueFen = Number(t.total_fen);
      const ytd = totals.get(key) ?? 0;
      const line = lineOf.get(t.order_no)!;
      const single = t.items.length === 1 && Number(t.items[0]!.quantity) === 1;
      if (ytd + valueFen > ANNUAL_LIMIT_FEN) {
        lists.push(this.rejectedList(t, 'annual_limit_exceeded'));
        this.matchErrors.push({ lineNo: line, field, code: 'annual_limit_exceeded' });
        continue;
      }
      if (valueFen > ORDER_LIMIT_FEN && !single) {
        lists.push(this.rejectedList(t, 'order_limit_exceeded'));
        this.matchErrors.push({ lineNo: line, field, code: 'order_limit_exceeded' });
        continue;
      }
      const capped = caps.exceeded(t);
      if (capped) {
        lists.push(this.rejectedList(t, 'quantity_cap_exceeded'));
        this.matchErrors.push({ lineNo: line, field, code: 'quantity_cap_exceeded' });
        continue;
      }
      const bill = this.tax(t.order_date, t.items);
      if (!bill) {
        lists.push(this.rejectedList(t, 'tax_not_computable'));
        this.matchErrors.push({ lineNo: line, field, code: 'tax_not_computable' });
        continue;
      }
      const decision = assessRisk(
        {
          declarationId: t.order_no,
          direction: 'import',
          enterpriseId: t.enterprise_id,
          creditClass: 'regular',
          tradeCountry: t.items[0]!.originCountry,
          firstTimeDeclarant: false,
          aeoPartner: false,
          items: t.items.map((item, index) => ({
            index,
            code: item.code,
            originCountry: item.originCountry,
            customsValueCny: (item.valueFen / 100).toFixed(2),
            quantity: item.quantity,
            unit: item.unit,
          })),
        },
        this.ctx.risk.rules,
        this.ctx.risk.policy,
        this.ctx.risk.seed,
      );
      totals.set(key, ytd + valueFen);
      changed.add(key);
      caps.take(t);
      lists.push({
        orderNo: t.order_no,
        enterpriseId: t.enterprise_id,
        mode: t.mode,
        status: decision.channel === 'inspection' ? 'inspection' : 'released',
        reason: decision.channel === 'inspection' ? (decision.reasons[0]?.code ?? 'sampling') : null,
        treatment: bill.treatment,
        consumerHash: t.consumer_hash,
        year: Number(t.order_date.slice(0, 4)),
        valueFen,
        taxFen: fenOf(bill.totals.taxCny),
      });
    }
    await this.writeLists(tx, lists);
    await caps.write();
    if (changed.size > 0) {
      const rows = [...changed].map((k) => ({ key: k, total: totals.get(k)! }));
      await tx.execute(sql`
        update ecommerce_consumer_years c set total_fen = u.t
        from unnest(${param(rows, (r) => r.key.split('|')[0])}::text[], ${param(rows, (r) => Number(r.key.split('|')[1]))}::int[],
                    ${param(rows, (r) => r.total)}::bigint[]) as u(h, y, t)
        where c.consumer_hash = u.h and c.year = u.y`);
    }
  }

  /**
   * The yearly quantity caps of the batch's capped lines, locked like the amounts (same order, so no
   * deadlocks): `exceeded` tells whether an order would pass a cap, `take` books it, `write` stores the totals.
   */
  private async lockCaps(
    tx: Tx,
    candidates: readonly { consumer_hash: string; order_date: string; items: StoredItem[] }[],
  ) {
    const capOf = (code: string) => findTariffLine(code)?.cbec.capPerPersonPerYear ?? null;
    const keyOf = (hash: string, date: string, code: string) => `${hash}|${date.slice(0, 4)}|${code}`;
    const keys = [
      ...new Set(
        candidates.flatMap((t) =>
          t.items.filter((i) => capOf(i.code)).map((i) => keyOf(t.consumer_hash, t.order_date, i.code)),
        ),
      ),
    ].sort();
    const quantities = new Map<string, number>();
    if (keys.length > 0) {
      const parts = keys.map((k) => k.split('|'));
      const hashes = parts.map((p) => p[0]!);
      const years = parts.map((p) => Number(p[1]));
      const codes = parts.map((p) => p[2]!);
      await tx.execute(sql`
        insert into ecommerce_consumer_quantities (consumer_hash, year, code, quantity)
        select h, y, c, 0 from unnest(${sql.param(hashes)}::text[], ${sql.param(years)}::int[], ${sql.param(codes)}::text[]) as u(h, y, c)
        on conflict do nothing`);
      const rows = await queryRows<{ consumer_hash: string; year: number; code: string; quantity: string }>(
        tx,
        sql`select q.consumer_hash, q.year, q.code, q.quantity::text as quantity from ecommerce_consumer_quantities q
            join unnest(${sql.param(hashes)}::text[], ${sql.param(years)}::int[], ${sql.param(codes)}::text[]) as u(h, y, c)
              on q.consumer_hash = u.h and q.year = u.y and q.code = u.c
            order by q.consumer_hash, q.year, q.code
            for update of q`,
      );
      // Quantities have at most 6 decimals: counted in millionths, as integers.
      for (const r of rows)
        quantities.set(`${r.consumer_hash}|${r.year}|${r.code}`, Math.round(Number(r.quantity) * 1e6));
    }
    const changed = new Set<string>();
    const micro = (q: string) => Math.round(Number(q) * 1e6);
    return {
      exceeded: (t: { consumer_hash: string; order_date: string; items: StoredItem[] }) =>
        t.items.some((i) => {
          const cap = capOf(i.code);
          if (!cap || cap.unit !== i.unit) return false;
          const key = keyOf(t.consumer_hash, t.order_date, i.code);
          return (quantities.get(key) ?? 0) + micro(i.quantity) > micro(cap.amount);
        }),
      take: (t: { consumer_hash: string; order_date: string; items: StoredItem[] }) => {
        for (const i of t.items) {
          if (!capOf(i.code)) continue;
          const key = keyOf(t.consumer_hash, t.order_date, i.code);
          quantities.set(key, (quantities.get(key) ?? 0) + micro(i.quantity));
          changed.add(key);
        }
      },
      write: async () => {
        if (changed.size === 0) return;
        const rows = [...changed].map((k) => [...k.split('|'), (quantities.get(k)! / 1e6).toFixed(6)] as const);
        await tx.execute(sql`
          update ecommerce_consumer_quantities q set quantity = u.n::numeric
          from unnest(${param(rows, (r) => r[0])}::text[], ${param(rows, (r) => Number(r[1]))}::int[],
                      ${param(rows, (r) => r[2])}::text[], ${param(rows, (r) => r[3])}::text[]) as u(h, y, c, n)
          where q.consumer_hash = u.h and q.year = u.y and q.code = u.c`);
      },
    };
  }

  private rejectedList(
    t: {
      order_no: string;
      enterprise_id: string;
      mode: string;
      consumer_hash: string;
      order_date: string;
      total_fen: string | number;
    },
    reason: string,
  ): ListRow {
    return {
      orderNo: t.order_no,
      enterpriseId: t.enterprise_id,
      mode: t.mode,
      status: 'rejected',
      reason,
      treatment: null,
      consumerHash: t.consumer_hash,
      year: Number(t.order_date.slice(0, 4)),
      valueFen: Number(t.total_fen),
      taxFen: 0,
    };
  }

  /** The CBEC tax of an order's items; within the limits it depends on the goods and the date only, so cached. */
  private tax(date: string, items: readonly StoredItem[]): CbecTaxBill | null {
    const key = `${date}|${items.map((i) => `${i.code}:${i.quantity}:${i.secondQuantity}:${i.valueFen}:${i.originCountry}`).join(';')}`;
    const cached = this.taxCache.get(key);
    if (cached) return cached;
    const result = computeCbecOrderTax({
      date,
      // Limits were applied above against the locked totals; zero here makes the bill depend on the goods only.
      consumerYearToDateCny: '0',
      singleIndivisibleItem: items.length === 1 && Number(items[0]!.quantity) === 1,
      items: items.map((i) => ({
        code: i.code,
        retailPriceCny: (i.valueFen / 100).toFixed(2),
        quantities: [
          { amount: i.quantity, unit: i.unit },
          ...(i.secondQuantity && i.secondUnit ? [{ amount: i.secondQuantity, unit: i.secondUnit }] : []),
        ],
        originCountry: i.originCountry,
      })),
    });
    if (!result.ok) return null;
    if (this.taxCache.size >= TAX_CACHE_MAX) this.taxCache.clear();
    this.taxCache.set(key, result.value);
    return result.value;
  }

  private async writeLists(tx: Tx, lists: readonly ListRow[]): Promise<void> {
    if (lists.length === 0) return;
    const inserted = await queryRows<{ status: string }>(
      tx,
      sql`insert into ecommerce_lists (order_no, enterprise_id, mode, status, reason, treatment, consumer_hash, year,
            value_fen, tax_fen, upload_id)
          select o, e, m, s, r, t, h, y, v, x, ${this.ctx.uploadId}::uuid
          from unnest(${param(lists, (l) => l.orderNo)}::text[], ${param(lists, (l) => l.enterpriseId)}::uuid[],
                      ${param(lists, (l) => l.mode)}::text[], ${param(lists, (l) => l.status)}::text[],
                      ${param(lists, (l) => l.reason)}::text[], ${param(lists, (l) => l.treatment)}::text[],
                      ${param(lists, (l) => l.consumerHash)}::text[], ${param(lists, (l) => l.year)}::int[],
                      ${param(lists, (l) => l.valueFen)}::bigint[], ${param(lists, (l) => l.taxFen)}::bigint[])
               as u(o, e, m, s, r, t, h, y, v, x)
          on conflict (order_no) do nothing
          returning status`,
    );
    // The order rows were locked by the consumer-year locks' callers or are new in this transaction, so a list
    // exists at most once; a conflict here would mean a concurrent upload listed it first, and it then counted it.
    for (const row of inserted) {
      if (row.status === 'released') this.counts.listsReleased += 1;
      else if (row.status === 'inspection') this.counts.listsInspection += 1;
      else this.counts.listsRejected += 1;
    }
  }
}
