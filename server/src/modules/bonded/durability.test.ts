import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openPglite, openPostgres, queryRows } from '../../platform/db/client.js';
import { addItems, createBook } from './books.js';
import { checkLedger } from './checker.js';

/**
 * Durability and concurrency of the write path with real processes: a writer killed with SIGKILL in
 * the middle of a stream of batches, and (on PostgreSQL) two writers posting to the same books.
 */

const serverRoot = path.resolve(import.meta.dirname, '..', '..', '..');
const writerScript = path.join(import.meta.dirname, 'testing', 'writer.ts');
const serverUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A fresh database the child processes can open too: a PGlite directory, or a scratch PostgreSQL database. */
async function scratchDatabase(): Promise<{ location: string; open: () => Promise<Database> }> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scohub-ledger-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    return { location: dir, open: () => openPglite(dir) };
  }
  const name = `scohub_ledger_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  });
  return { location: url.toString(), open: () => openPostgres(url.toString()) };
}

interface Setup {
  bookId: string;
  enterpriseId: string;
  userId: string;
  itemNos: number[];
}

async function setUpBook(database: Database, itemCount: number): Promise<Setup> {
  await database.migrate();
  const enterpriseId = randomUUID();
  const userId = randomUUID();
  return database.db.transaction(async (tx) => {
    const book = await createBook(tx, {
      enterpriseId,
      siteCode: '4227',
      siteType: 'zone',
      batchReleaseApproved: false,
      createdBy: userId,
    });
    const itemNos = Array.from({ length: itemCount }, (_, i) => i + 1);
    await addItems(
      tx,
      book,
      itemNos.map((itemNo) => ({
        itemNo,
        hsCode: '8507600090',
        name: `item ${itemNo}`,
        unitPrice: '1',
        currency: 'USD',
      })),
    );
    return { bookId: book.id, enterpriseId, userId, itemNos };
  });
}

interface Acks {
  posted: string[];
  rejected: string[];
  batches: number;
  done: boolean;
}

/** Starts a writer; resolves `acks` as lines arrive; `onAck` may kill it. */
function startWriter(options: Record<string, unknown>, onAck?: (acks: Acks, child: ChildProcess) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, JSON.stringify(options)], {
    cwd: serverRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Acks = { posted: [], rejected: [], batches: 0, done: false };
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
  });
  child.stdout!.on('data', (chunk) => {
    buffer += String(chunk);
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (line === 'done') acks.done = true;
      if (!line.startsWith('ack ')) continue;
      const parsed = JSON.parse(line.slice(4)) as { posted: string; rejected: string };
      acks.posted.push(...parsed.posted.split(',').filter(Boolean));
      acks.rejected.push(...parsed.rejected.split(',').filter(Boolean));
      acks.batches += 1;
      onAck?.(acks, child);
    }
  });
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { acks, exited };
}

/** Every acknowledged list is there exactly once and whole; no acknowledged refusal left a trace. */
async function verifyAcknowledged(database: Database, enterpriseId: string, acks: Acks) {
  const rows = await queryRows<{ client_id: string; status: string; line_count: number; postings: number }>(
    database.db,
    sql`SELECT l.client_id, l.status, l.line_count, (SELECT count(*)::int FROM bonded_postings p WHERE p.list_id = l.id) AS postings
        FROM bonded_lists l WHERE l.enterprise_id = ${enterpriseId}`,
  );
  const byClient = new Map<string, typeof rows>();
  for (const row of rows) byClient.set(row.client_id, [...(byClient.get(row.client_id) ?? []), row]);
  for (const id of acks.posted) {
    expect(byClient.get(id), id).toHaveLength(1);
    const [row] = byClient.get(id)!;
    expect(row!.status).toBe('posted');
    expect(row!.postings).toBe(row!.line_count);
  }
  for (const id of acks.rejected) expect(byClient.has(id), id).toBe(false);
  return rows.length;
}

describe('a writer killed in the middle of a stream', () => {
  it('leaves every acknowledged list exactly once, nothing half-posted, and a ledger that checks', async () => {
    const scratch = await scratchDatabase();
    let database = await scratch.open();
    const setup = await setUpBook(database, 5);
    // PGlite is one process: the writer gets the directory to itself.
    await database.close();

    const killAfterBatches = 6;
    const { acks, exited } = startWriter(
      { database: scratch.location, ...setup, prefix: 'crash', seed: 7, batches: 400, listsPerBatch: 20 },
      (seen, child) => {
        // The next batch is already on its way: kill while it is in flight.
        if (seen.batches === killAfterBatches) setTimeout(() => child.kill('SIGKILL'), 3);
      },
    );
    const exit = await exited;
    expect(exit.signal, exit.stderr).toBe('SIGKILL');
    expect(acks.done).toBe(false);
    expect(acks.batches).toBeGreaterThanOrEqual(killAfterBatches);
    expect(acks.posted.length).toBeGreaterThan(0);

    // "Restart": open the database again (PGlite replays its WAL; PostgreSQL never stopped).
    database = await scratch.open();
    try {
      const stored = await verifyAcknowledged(database, setup.enterpriseId, acks);
      // At most the one batch in flight may have committed without its acknowledgement reaching us.
      expect(stored - acks.posted.length).toBeLessThanOrEqual(20);
      const report = await checkLedger(database.db, { reconcileDeclarations: false });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);

      // Resending the acknowledged stream posts no list twice. (A refused list left no record, so
      // resent it is judged afresh against today's balances and may post now.)
      const replay = startWriter({
        database: scratch.location,
        ...setup,
        prefix: 'crash',
        seed: 7,
        batches: acks.batches,
        listsPerBatch: 20,
      });
      if (!serverUrl) await database.close();
      const replayExit = await replay.exited;
      expect(replayExit.code, replayExit.stderr).toBe(0);
      if (!serverUrl) database = await scratch.open();
      expect(await verifyAcknowledged(database, setup.enterpriseId, { ...acks, rejected: [] })).toBeGreaterThanOrEqual(
        stored,
      );
      expect((await checkLedger(database.db, { reconcileDeclarations: false })).ok).toBe(true);
    } finally {
      await database.close();
    }
  }, 120_000);
});

describe.skipIf(!serverUrl)('two server processes posting to the same books (PostgreSQL)', () => {
  it('never takes a balance below zero and leaves a ledger that checks', async () => {
    const scratch = await scratchDatabase();
    const database = await scratch.open();
    try {
      // Three items shared by both writers: most batches contend for the same rows.
      const setup = await setUpBook(database, 3);
      const writers = [1, 2].map((n) =>
        startWriter({
          database: scratch.location,
          ...setup,
          prefix: `w${n}`,
          seed: 100 + n,
          batches: 60,
          listsPerBatch: 25,
        }),
      );
      const exits = await Promise.all(writers.map((w) => w.exited));
      for (const exit of exits) expect(exit.code, exit.stderr).toBe(0);
      const acks: Acks = {
        posted: writers.flatMap((w) => w.acks.posted),
        rejected: writers.flatMap((w) => w.acks.rejected),
        batches: 0,
        done: true,
      };
      // Both writers' refusals prove they competed for stock (exits outrun entries at times).
      expect(acks.rejected.length).toBeGreaterThan(0);
      expect(await verifyAcknowledged(database, setup.enterpriseId, acks)).toBe(acks.posted.length);
      const report = await checkLedger(database.db, { reconcileDeclarations: false });
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      const [lowest] = await queryRows<{ min: string }>(
        database.db,
        sql`SELECT min(balance_milli)::text AS min FROM bonded_accounts WHERE kind = 'item'`,
      );
      expect(Number(lowest!.min)).toBeGreaterThanOrEqual(0);
    } finally {
      await database.close();
    }
  }, 120_000);
});
