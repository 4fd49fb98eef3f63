/**
 * A stand-alone ledger writer for the crash and two-process tests: opens the database the way the
 * server does, then posts a deterministic stream of batches through the real write path
 * (planLists → commitPlans in one transaction) and prints `ack <clientId,…>` after each commit —
 * the moment a client would have its answer. The test kills it with SIGKILL mid-stream, or runs two
 * at once against the same books.
 *
 *   node --import tsx writer.ts '<json options>'
 */
import { openPglite, openPostgres } from '../../../platform/db/client.js';
import { commitPlans, ItemDirectory, type ListInput, planLists } from '../posting.js';

interface Options {
  /** postgres://… or a PGlite data directory. */
  database: string;
  bookId: string;
  enterpriseId: string;
  userId: string;
  prefix: string;
  seed: number;
  batches: number;
  listsPerBatch: number;
  itemNos: number[];
}

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const database = options.database.startsWith('postgres')
  ? await openPostgres(options.database)
  : await openPglite(options.database);
const directory = new ItemDirectory();

// xorshift32: the same seed gives the same stream, so a test can re-create what was sent.
let state = options.seed || 1;
const random = () => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4_294_967_296;
};
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;

for (let batch = 0; batch < options.batches; batch += 1) {
  const inputs: ListInput[] = [];
  for (let n = 0; n < options.listsPerBatch; n += 1) {
    const kind =
      random() < 0.55 ? 'first_line_entry' : pick(['first_line_exit', 'second_line_exit', 'destruction'] as const);
    const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      itemNo: pick(options.itemNos),
      quantityMilli: 1 + Math.floor(random() * 5_000),
    }));
    inputs.push({ clientId: `${options.prefix}-${batch}-${n}`, bookId: options.bookId, kind, lines });
  }
  const actor = { userId: options.userId, enterpriseId: options.enterpriseId };
  const { plans } = await planLists(database.db, directory, actor, inputs, (i) => `lists.${i}`);
  let outcomes: Awaited<ReturnType<typeof commitPlans>> | null = null;
  for (let attempt = 0; outcomes === null; attempt += 1) {
    try {
      outcomes = await database.db.transaction((tx) => commitPlans(tx, plans));
    } catch (error) {
      // Two writers may still deadlock on PostgreSQL's own structures (index pages); retry as a client would.
      if (attempt > 5) throw error;
    }
  }
  const all = [...outcomes.values()].flat();
  const ids = (status: string) =>
    all
      .filter((o) => o.status === status)
      .map((o) => o.clientId)
      .join(',');
  process.stdout.write(`ack ${JSON.stringify({ posted: ids('posted'), rejected: ids('rejected') })}\n`);
}
await database.close();
process.stdout.write('done\n');
