// Runs one bulk upload: reads CSV or JSON Lines from a stream (never the whole file in memory), feeds the
// processor, and keeps the upload row's progress and outcome. The web client polls the row for its bar.
import { createHash, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { DomainError } from '../../platform/http/problem.js';
import { activeRules, loadRiskSettings } from '../trade/index.js';
import { UPLOAD_LINES_MAX, type UploadCounts, UploadProcessor } from './bulk.js';
import { ConsumerIds, type RawRecord } from './lines.js';
import { settings, type UploadKind, uploads } from './schema.js';

/** A CSV record or JSON line longer than this is not one of ours. */
const RECORD_BYTES_MAX = 64 * 1024;

export class TooManyLinesError extends Error {
  constructor() {
    super(`an upload holds at most ${UPLOAD_LINES_MAX} lines`);
  }
}

/** The consumer-ID HMAC key: configured, or generated once and kept in the database (never in the repo). */
export async function consumerIdKey(db: Db, configured: string | null): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  await db
    .insert(settings)
    .values({ id: 1, idHashKey: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  return Buffer.from(row!.idHashKey, 'base64');
}

async function countryCodes(db: Db): Promise<Set<string>> {
  const rows = await queryRows<{ alpha2: string }>(db, sql`select alpha2 from ref_countries`);
  return new Set(rows.map((r) => r.alpha2));
}

export interface UploadRequest {
  id: string;
  enterpriseId: string;
  userId: string;
  kind: UploadKind;
  format: 'csv' | 'ndjson';
  body: Readable;
  /** The stream is cut off (413) past this many bytes. */
  limitBytes: number;
}

/**
 * Streams the body through the processor, which writes each batch while the next is read (bulk.ts). Batches commit
 * in order as they fill, so an upload cut off half-way keeps
 * what it wrote; sending the same file again completes it (lines already written count as duplicates).
 */
export async function runUpload(
  db: Db,
  key: Buffer,
  request: UploadRequest,
): Promise<UploadCounts & { sha256: string; bytes: number }> {
  await db.insert(uploads).values({
    id: request.id,
    enterpriseId: request.enterpriseId,
    kind: request.kind,
    format: request.format,
    status: 'processing',
    createdBy: request.userId,
  });
  const [countries, rules, risk] = await Promise.all([countryCodes(db), activeRules(db), loadRiskSettings(db)]);
  const processor = new UploadProcessor(db, {
    uploadId: request.id,
    enterpriseId: request.enterpriseId,
    kind: request.kind,
    ids: new ConsumerIds(key),
    countries,
    risk: { rules, policy: risk.policy, seed: risk.seed },
  });
  const hash = createHash('sha256');
  let bytes = 0;
  // Attached in the same tick as the reader below: a 'data' listener starts the flow, and chunks flowing
  // before the reader is attached would be lost.
  const tap = () =>
    request.body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      if (bytes > request.limitBytes) request.body.destroy(new DomainError('payload_too_large', 413));
    });
  try {
    let lines = 0;
    const guard = () => {
      lines += 1;
      if (lines > UPLOAD_LINES_MAX) throw new TooManyLinesError();
    };
    if (request.format === 'csv') {
      tap();
      const parser = parse({
        columns: true,
        info: true,
        bom: true,
        trim: true,
        skip_empty_lines: true,
        max_record_size: RECORD_BYTES_MAX,
        skip_records_with_error: true,
        on_skip: (error) => {
          guard();
          // The parser tells us the physical line where it gave up on the record.
          processor.addUnreadable(
            Number((error as { lines?: unknown } | undefined)?.lines ?? 0),
            'unreadable_csv_record',
          );
        },
      });
      // pipeline, not pipe: a body that breaks or runs past the size limit destroys the parser with its
      // error, so the loop below throws instead of waiting for input that never comes. The loop reports
      // the error; the callback only keeps it from being unhandled.
      pipeline(request.body, parser, () => {});
      for await (const { record, info } of parser as AsyncIterable<{ record: RawRecord; info: { lines: number } }>) {
        guard();
        await processor.add(record, info.lines);
      }
    } else {
      let lineNo = 0;
      const reader = createInterface({ input: request.body, crlfDelay: Number.POSITIVE_INFINITY });
      tap();
      for await (const line of reader) {
        lineNo += 1;
        if (line.trim() === '') continue;
        guard();
        if (line.length > RECORD_BYTES_MAX) {
          processor.addUnreadable(lineNo, 'line_too_long');
          continue;
        }
        let record: unknown;
        try {
          record = JSON.parse(line);
        } catch {
          processor.addUnreadable(lineNo, 'invalid_json');
          continue;
        }
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
          processor.addUnreadable(lineNo, 'invalid_json');
          continue;
        }
        await processor.add(record as RawRecord, lineNo);
      }
    }
    const counts = await processor.finish();
    const sha256 = hash.digest('hex');
    await db
      .update(uploads)
      .set({ ...counts, status: 'completed', sha256, bytes, finishedAt: new Date() })
      .where(eq(uploads.id, request.id));
    return { ...counts, sha256, bytes };
  } catch (caught) {
    // The reader may fail (the stream broke, too many lines) while a batch is still being written: that batch
    // ends first, as in a serial upload, where it would have been written before the reader read on; if it
    // failed, its error is the upload's (it came first in the file). The counts are then the writer's, final.
    const inFlight = await processor.settle();
    const error = inFlight ? inFlight.error : caught;
    await db
      .update(uploads)
      .set({
        ...processor.counts,
        status: 'failed',
        bytes,
        failure: error instanceof TooManyLinesError ? 'too_many_lines' : 'stream_failed',
        finishedAt: new Date(),
      })
      .where(eq(uploads.id, request.id));
    throw error;
  }
}
