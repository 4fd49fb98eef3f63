/**
 * Route-planner benchmark: our engine against the peer `raptor-journey-planner` in the same run, on the same
 * machine, on the same generated network and queries (these machines are shared and noisy: medians, p99, ratios).
 *
 *   npx tsx server/bench/planner/planner.bench.ts
 *
 * The script re-launches itself under `node --expose-gc --max-old-space-size=4096 --import tsx` so that heap is
 * measured after a full collection and the peer (one JS object per stop time) has room. PLANNER_BENCH_SEED picks the
 * network, PLANNER_BENCH_QUERIES the number of queries (default 200). Writes test-output/bench-planner.md. The paper
 * estimate these numbers are compared with is at the top of server/src/modules/logistics/planner/mcraptor.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type PlanQuery,
  RESULTS_MAX_DEFAULT,
  ROUNDS_MAX_DEFAULT,
  ROUNDS_MAX_LIMIT,
  RoutePlanner,
  type Timetable,
  TimetableBuilder,
} from '../../src/modules/logistics/planner/index.js';
import { itineraryProblems } from '../../src/modules/logistics/planner/testing.js';
import {
  addNetwork,
  BASE_MINUTE,
  generateNetwork,
  LARGE_NETWORK,
  type NetworkShape,
  type NetworkSpec,
  networkInput,
  SMALL_NETWORK,
  seededRandom,
  withoutConnectionTimes,
} from './network.js';
import { buildPeer, disablePeerRouteScanCache, PEER_DIRECTORY } from './peer.js';

const QUERY_COUNT = Number(process.env.PLANNER_BENCH_QUERIES ?? 200);
const WARMUP_QUERIES = 20;
const BOOKED_TRIP_SHARE = 0.03;
const GOAL_SPEEDUP = 2;
const GOAL_PARETO_MEDIAN_MS = 100;
const GOAL_PARETO_P99_MS = 400;
const GOAL_SMALL_MEDIAN_MS = 5;
const GOAL_HEAP_BYTES = 1024 ** 3;
const HEAP_LIMIT_MB = 4_096;
const ROUNDS_MAX_EXAMPLE = 8;

const scriptPath = fileURLToPath(import.meta.url);
const repositoryRoot = path.resolve(path.dirname(scriptPath), '../../..');
const collectGarbage = (globalThis as { gc?: () => void }).gc;

if (collectGarbage === undefined) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${HEAP_LIMIT_MB}`, '--import', 'tsx', scriptPath, ...process.argv.slice(2)],
    { stdio: 'inherit', cwd: repositoryRoot },
  );
  process.exit(child.status ?? 1);
}

const rows: string[][] = [];
function report(measure: string, ours: string, against: string, verdict: string): void {
  rows.push([measure, ours, against, verdict]);
  console.log(`${measure}: ${ours}  |  ${against}  |  ${verdict}`);
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

const median = (samples: readonly number[]) => quantile(samples, 0.5);
const milliseconds = (value: number) =>
  value >= 10 ? value.toFixed(0) : value < 1 ? value.toFixed(3) : value.toFixed(2);
const mebibytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

function heapBytes(): number {
  collectGarbage!();
  collectGarbage!();
  const usage = process.memoryUsage();
  // Typed arrays live in ArrayBuffers outside the V8 heap; count them, or the engine would look free.
  return usage.heapUsed + usage.arrayBuffers;
}

/** Runs a warm-up pass (results dropped), then times each item once; returns the timings and the results. */
function timeEach<T, R>(items: readonly T[], body: (item: T) => R): { samples: number[]; results: R[] } {
  for (const item of items.slice(0, WARMUP_QUERIES)) body(item);
  const samples: number[] = [];
  const results: R[] = [];
  for (const item of items) {
    const started = performance.now();
    results.push(body(item));
    samples.push(performance.now() - started);
  }
  return { samples, results };
}

const timing = (samples: readonly number[]) =>
  `${milliseconds(median(samples))} ms (p99 ${milliseconds(quantile(samples, 0.99))})`;

function randomQueries(network: NetworkSpec, seed: number): PlanQuery[] {
  const random = seededRandom(seed);
  const served = network.servedStops;
  const queries: PlanQuery[] = [];
  while (queries.length < QUERY_COUNT) {
    const originStop = served[Math.floor(random() * served.length)]!;
    const destinationStop = served[Math.floor(random() * served.length)]!;
    if (originStop === destinationStop) continue;
    // Minute ≥ 1 after midnight: the peer treats a departure time of 0 as "not reached".
    const departAfterMinute = BASE_MINUTE + 1 + Math.floor(random() * 12 * 60);
    queries.push({ originStop, destinationStop, departAfterMinute, cargo: { units: 1, reefer: false } });
  }
  return queries;
}

/** Mostly dry cargo, one query in ten reefer and one in ten UN3480 (class 9). */
function withCargoMix(queries: readonly PlanQuery[], roundsMax: number): PlanQuery[] {
  return queries.map((query, index) => ({
    ...query,
    cargo:
      index % 10 === 0
        ? { units: 1, reefer: true }
        : index % 10 === 1
          ? { units: 1, reefer: false, dangerousGoodsClass: '9' }
          : { units: 1, reefer: false },
    options: { roundsMax },
  }));
}

function timedBuild(network: NetworkSpec): { timetable: Timetable; buildMs: number } {
  const started = performance.now();
  const builder = new TimetableBuilder();
  addNetwork(builder, network);
  const timetable = builder.build();
  return { timetable, buildMs: performance.now() - started };
}

/** Heap is measured once the builder (and its growth buffers) is out of scope: only the timetable remains. */
function build(network: NetworkSpec): { timetable: Timetable; buildMs: number; heapBytes: number } {
  const before = heapBytes();
  const { timetable, buildMs } = timedBuild(network);
  return { timetable, buildMs, heapBytes: heapBytes() - before };
}

function describeNetwork(name: string, shape: NetworkShape, network: NetworkSpec, timetable: Timetable): string {
  const count = (value: number) => value.toLocaleString('en');
  return (
    `${name}: ${count(network.stops.length)} stops, ${count(timetable.routeCount)} routes ` +
    `(up to ${shape.stopsPerRoute} stops, ${shape.tripsPerRoute} trips each), ${count(network.tripCount)} trips, ` +
    `${count(network.stopTimeCount)} stop times, ${count(network.transfers.length)} transfer edges`
  );
}

function countReasons(reasons: readonly (string | null)[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) if (reason !== null) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts.entries()].map(([reason, count]) => `${reason} ${count}`).join(', ');
}

function paretoRun(planner: RoutePlanner, queries: readonly PlanQuery[]) {
  const { samples, results } = timeEach(queries, (query) => planner.planPareto(query));
  const found = results.map((result) => result.stats.itinerariesFound);
  return {
    samples,
    nonEmptySamples: samples.filter((_, index) => results[index]!.itineraries.length > 0),
    meanResults: found.reduce((sum, count) => sum + count, 0) / found.length,
    medianResults: median(found),
    maxResults: Math.max(...found),
    medianLabels: median(results.map((result) => result.stats.labelsCreated)),
    cut: results.filter((result) => result.stats.itinerariesFound > result.itineraries.length).length,
    boundReached: results.filter((result) => result.stats.searchBoundReached).length,
    empty: results.filter((result) => result.itineraries.length === 0).length,
    reasons: countReasons(results.map((result) => result.reason)),
  };
}

function reportPareto(name: string, run: ReturnType<typeof paretoRun>, goal: boolean): void {
  const medianMs = median(run.samples);
  const p99Ms = quantile(run.samples, 0.99);
  report(
    name,
    `median ${milliseconds(medianMs)} ms, p99 ${milliseconds(p99Ms)} ms; ` +
      `over the ${run.nonEmptySamples.length} non-empty: median ${milliseconds(median(run.nonEmptySamples))} ms`,
    goal ? `goal median ≤ ${GOAL_PARETO_MEDIAN_MS} ms, p99 ≤ ${GOAL_PARETO_P99_MS} ms` : 'for comparison',
    goal ? verdict(medianMs <= GOAL_PARETO_MEDIAN_MS && p99Ms <= GOAL_PARETO_P99_MS) : '—',
  );
  report(
    '… its Pareto sets',
    `median ${run.medianResults} itineraries (mean ${run.meanResults.toFixed(1)}, max ${run.maxResults}); ` +
      `${run.cut} cut to resultsMax ${RESULTS_MAX_DEFAULT}`,
    `median ${run.medianLabels.toLocaleString('en')} labels created per query`,
    `search bound reached in ${run.boundReached} of ${QUERY_COUNT}; ${run.empty} empty (${run.reasons || 'none'})`,
  );
}

const seed = Number(process.env.PLANNER_BENCH_SEED ?? 20_250_602);
const notes: string[] = [];
console.log(`planner benchmark, seed ${seed}, node ${process.version}, heap limit ${HEAP_LIMIT_MB} MiB`);

// ---- Large network: build and memory.
const generateStarted = performance.now();
const large = generateNetwork(LARGE_NETWORK, seed);
const generateMs = performance.now() - generateStarted;
const largeBuild = build(large);
const largeTimetable = largeBuild.timetable;
notes.push(describeNetwork('Large network', LARGE_NETWORK, large, largeTimetable));
console.log(notes[notes.length - 1]);
report(
  'Build (large network)',
  `${milliseconds(largeBuild.buildMs)} ms`,
  `generating the trips alone: ${milliseconds(generateMs)} ms`,
  'TimetableBuilder from plain trips',
);
report(
  'Heap used after building (V8 heap + typed arrays)',
  mebibytes(largeBuild.heapBytes),
  `goal ≤ ${mebibytes(GOAL_HEAP_BYTES)}`,
  verdict(largeBuild.heapBytes <= GOAL_HEAP_BYTES),
);

// ---- Earliest arrival against the peer as published.
const queries = randomQueries(large, seed + 1);
// The peer has no bound on rounds: use our hard limit so both answer the same question.
const earliestQueries = queries.map((query) => ({ ...query, options: { roundsMax: ROUNDS_MAX_LIMIT } }));
let planner = new RoutePlanner(largeTimetable);
const ours = timeEach(earliestQueries, (query) => planner.planEarliestArrival(query).itinerary);
const heapBeforePeer = heapBytes();
const peerStarted = performance.now();
let peer: ReturnType<typeof buildPeer> | null = buildPeer(large);
const peerBuildMs = performance.now() - peerStarted;
const peerHeap = heapBytes() - heapBeforePeer;
const peerVersion = peer.version;
const published = timeEach(queries, (query) =>
  peer!.earliestArrivalMinute(query.originStop, query.destinationStop, query.departAfterMinute),
);
peer = null;
const speedup = median(published.samples) / median(ours.samples);
report(
  `Earliest arrival, ${QUERY_COUNT} queries, median (p99)`,
  timing(ours.samples),
  `raptor-journey-planner@${peerVersion} as published: ${timing(published.samples)}`,
  `${speedup.toFixed(1)}× faster (goal ≥ ${GOAL_SPEEDUP}×: ${verdict(speedup >= GOAL_SPEEDUP)})`,
);
const rawInput = networkInput(large);
let identical = 0;
let oursEarlier = 0;
let peerEarlier = 0;
let oursInvalid = 0;
ours.results.forEach((itinerary, index) => {
  const arrival = itinerary?.arrivalMinute ?? null;
  const theirs = published.results[index] ?? null;
  if (arrival === theirs) identical += 1;
  else if (arrival !== null && (theirs === null || arrival < theirs)) oursEarlier += 1;
  else peerEarlier += 1;
  if (arrival !== theirs && itinerary !== null) {
    if (itineraryProblems(rawInput, earliestQueries[index]!, itinerary).length > 0) oursInvalid += 1;
  }
});
report(
  'Arrivals vs the published peer',
  `${identical}/${QUERY_COUNT} identical, ours earlier in ${oursEarlier}, peer earlier in ${peerEarlier}`,
  `each of our ${oursEarlier} earlier journeys checked on the raw timetable: ${oursEarlier - oursInvalid} valid`,
  peerEarlier === 0 && oursInvalid === 0 ? 'peer misses connections (its 2 flaws, see notes)' : 'FAILED',
);
report(
  'Peer build and heap (same network)',
  `ours ${milliseconds(largeBuild.buildMs)} ms, ${mebibytes(largeBuild.heapBytes)}`,
  `peer ${milliseconds(peerBuildMs)} ms, ${mebibytes(peerHeap)}`,
  `${(peerHeap / largeBuild.heapBytes).toFixed(1)}× less memory`,
);

// ---- Identity check: where the peer's flaws cannot bite, arrivals must be equal, query by query.
const level = withoutConnectionTimes(large);
const levelBuild = build(level);
planner = new RoutePlanner(levelBuild.timetable);
const oursLevel = timeEach(
  earliestQueries,
  (query) => planner.planEarliestArrival(query).itinerary?.arrivalMinute ?? null,
);
const restorePeer = disablePeerRouteScanCache();
peer = buildPeer(level);
const fixedPeer = timeEach(queries, (query) =>
  peer!.earliestArrivalMinute(query.originStop, query.destinationStop, query.departAfterMinute),
);
peer = null;
restorePeer();
const differences = oursLevel.results.flatMap((arrival, index) =>
  arrival === fixedPeer.results[index] ? [] : [`query ${index}: ours ${arrival}, peer ${fixedPeer.results[index]}`],
);
for (const difference of differences.slice(0, 10)) console.log(`  difference ${difference}`);
report(
  'Arrival times identical (connection times 0, peer scan cache cleared)',
  differences.length === 0 ? `${QUERY_COUNT}/${QUERY_COUNT} identical` : `${differences.length} differ`,
  `ours ${timing(oursLevel.samples)}, peer ${timing(fixedPeer.samples)}`,
  differences.length === 0
    ? `asserted; ${(median(fixedPeer.samples) / median(oursLevel.samples)).toFixed(1)}× faster`
    : 'FAILED',
);
planner = new RoutePlanner(largeTimetable);

// ---- Bookings: a few percent of trips sell out one segment, in place.
const bookingRandom = seededRandom(seed + 2);
const bookings = Math.round(largeTimetable.tripCount * BOOKED_TRIP_SHARE);
const bookingStarted = performance.now();
for (let booking = 0; booking < bookings; booking += 1) {
  const tripIndex = Math.floor(bookingRandom() * largeTimetable.tripCount);
  const route = largeTimetable.tripRoute[largeTimetable.tripInternalIndex[tripIndex]!]!;
  const segment = Math.floor(bookingRandom() * (largeTimetable.routeStopCount(route) - 1));
  largeTimetable.setSegmentCapacity(tripIndex, segment, 0);
}
const bookingMicroseconds = ((performance.now() - bookingStarted) * 1000) / bookings;
report(
  'Capacity update in place (setSegmentCapacity)',
  `${bookingMicroseconds.toFixed(2)} µs each`,
  `${bookings.toLocaleString('en')} trips sold out on one segment`,
  'no rebuild',
);

// ---- Full Pareto search.
reportPareto(
  `Pareto (arrival, cost, CO2, transfers), large, roundsMax ${ROUNDS_MAX_DEFAULT} (default)`,
  paretoRun(planner, withCargoMix(queries, ROUNDS_MAX_DEFAULT)),
  true,
);
reportPareto(
  `Pareto, large, roundsMax ${ROUNDS_MAX_EXAMPLE}`,
  paretoRun(planner, withCargoMix(queries, ROUNDS_MAX_EXAMPLE)),
  true,
);

// ---- Stress case: ships and planes anywhere, free vehicle changes.
const stress = generateNetwork(LARGE_NETWORK, seed, { handling: false, modesAnywhere: true });
const stressBuild = build(stress);
notes.push(
  `${describeNetwork('Stress network', LARGE_NETWORK, stress, stressBuild.timetable)}; ` +
    'ships and planes call at any stop and changing vehicle is free (no terminal handling)',
);
reportPareto(
  `Pareto, stress network, roundsMax ${ROUNDS_MAX_DEFAULT}`,
  paretoRun(new RoutePlanner(stressBuild.timetable), withCargoMix(randomQueries(stress, seed + 1), ROUNDS_MAX_DEFAULT)),
  false,
);

// ---- Small, demo-like network.
const small = generateNetwork(SMALL_NETWORK, seed + 3);
const smallBuild = build(small);
notes.push(describeNetwork('Small network', SMALL_NETWORK, small, smallBuild.timetable));
const smallPlanner = new RoutePlanner(smallBuild.timetable);
const smallRun = paretoRun(smallPlanner, withCargoMix(randomQueries(small, seed + 4), ROUNDS_MAX_DEFAULT));
const smallMedian = median(smallRun.samples);
report(
  `Pareto, small (~150 stops), roundsMax ${ROUNDS_MAX_DEFAULT}`,
  `median ${milliseconds(smallMedian)} ms, p99 ${milliseconds(quantile(smallRun.samples, 0.99))} ms`,
  `goal median ≤ ${GOAL_SMALL_MEDIAN_MS} ms`,
  verdict(smallMedian <= GOAL_SMALL_MEDIAN_MS),
);
report(
  'Build (small network)',
  `${milliseconds(smallBuild.buildMs)} ms`,
  `Pareto sets: median ${smallRun.medianResults} itineraries, max ${smallRun.maxResults}`,
  `search bound reached in ${smallRun.boundReached} of ${QUERY_COUNT}`,
);

const table = [
  '| measure | ours | against | verdict |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
const markdown = [
  '# Route planner benchmark',
  '',
  `Run: \`npx tsx server/bench/planner/planner.bench.ts\` (re-launched as \`node --expose-gc --max-old-space-size=${HEAP_LIMIT_MB}\`), ` +
    `seed ${seed}, ${new Date().toISOString()}, node ${process.version}, shared 2-core machine: medians, p99 and ratios only.`,
  '',
  ...notes.map((note) => `- ${note}`),
  `- Peer: raptor-journey-planner@${peerVersion} (GPL-3.0), installed at run time in ${PEER_DIRECTORY}, never a dependency.`,
  `- Earliest arrival: both engines answer the same ${QUERY_COUNT} queries (dry cargo, 1 unit) before any capacity is ` +
    `booked; ours with roundsMax ${ROUNDS_MAX_LIMIT} because the peer has no bound.`,
  '- The published peer misses connections: its RouteScanner keeps, per route, the position of the last trip found and ' +
    'scans backwards from there for the rest of the query (later rounds cannot find later trips), and with an ' +
    'interchange time it can swap the current trip for a later one. The identity row therefore uses the same network ' +
    'with connection times 0 and the peer with that cache cleared before each lookup (in memory, no code copied).',
  `- Pareto queries: 1 in 10 reefer, 1 in 10 UN3480 (class 9), after ${(BOOKED_TRIP_SHARE * 100).toFixed(0)}% of ` +
    'trips sold out one segment. Exact (no approximate dominance) unless a search bound is reached; Pareto sets are ' +
    'counted before the cut to resultsMax.',
  '',
  table,
  '',
].join('\n');
fs.mkdirSync(path.join(repositoryRoot, 'test-output'), { recursive: true });
fs.writeFileSync(path.join(repositoryRoot, 'test-output', 'bench-planner.md'), markdown);
console.log(`\n${table}\n\nwritten to test-output/bench-planner.md`);
if (differences.length > 0 || peerEarlier > 0 || oursInvalid > 0) process.exitCode = 1;
