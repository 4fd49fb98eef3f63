/**
 * Checks the cockpit's committed data against the source documents in ../shared/seeds (which CI does not
 * have): the 21 measures of seed 000 (number, title, lead and co-responsible departments) and the indicator
 * table 附表一 of seed 001 (numbers, baselines, targets). Run it after a seed document changes:
 *
 *   npx tsx server/scripts/cockpit-seeds.ts [../shared/seeds]
 *
 * It prints every difference and exits 1 if there is any; the translations (en, ru) stay hand-written in
 * server/src/modules/cockpit/data/, so a changed title must be re-translated there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PLAN_INDICATORS } from '../src/modules/cockpit/data/indicators.js';
import { DEPARTMENTS, MEASURES } from '../src/modules/cockpit/data/measures.js';

const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds'));
const file = (prefix: string) => {
  const name = fs.readdirSync(dir).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}… in ${dir}`);
  return fs.readFileSync(path.join(dir, name), 'utf8');
};
const problems: string[] = [];
const codeOf = new Map(DEPARTMENTS.map((d) => [d.names['zh-CN'], d.code]));

// Seed 000: "N.标题。正文……（甲牵头，乙、丙按职责分工负责）"
for (const line of file('000_').split('\n')) {
  const match = /^(\d+)\.([^。]*)。.*[（(]([^（）()]*)[)）]\s*$/.exec(line.trim());
  if (!match) continue;
  const no = Number(match[1]);
  const [, , title, duty] = match as unknown as [string, string, string, string];
  const [leadPart, restPart] = duty.includes('牵头') ? duty.split(/牵头[，,]/) : [null, duty];
  const lead = leadPart ? (codeOf.get(leadPart) ?? `?${leadPart}`) : null;
  const co = (restPart ?? '')
    .replace('按职责分工负责', '')
    .split(/[、，,]/)
    .filter(Boolean)
    .map((name) => codeOf.get(name) ?? `?${name}`);
  const committed = MEASURES.find((m) => m.no === no);
  if (!committed) {
    problems.push(`measure ${no} is missing from data/measures.ts`);
    continue;
  }
  if (committed.title['zh-CN'] !== title) problems.push(`measure ${no}: title ${committed.title['zh-CN']} ≠ ${title}`);
  if (committed.lead !== lead) problems.push(`measure ${no}: lead ${committed.lead} ≠ ${lead}`);
  if (committed.coResponsible.join(',') !== co.join(',')) {
    problems.push(`measure ${no}: co-responsible ${committed.coResponsible.join(',')} ≠ ${co.join(',')}`);
  }
}

// Seed 001, 附表一: after the heading, cells one per line: 序号, 主要指标, 2020, 2025, 属性.
const table = file('001_').split('附表(图)一')[1] ?? '';
const cells = table
  .split('\n')
  .map((c) => c.trim())
  .filter(Boolean);
for (const indicator of PLAN_INDICATORS) {
  const at = cells.findIndex(
    (c, i) => c === String(indicator.no) && cells[i + 1]?.startsWith(indicator.name['zh-CN'].slice(0, 4)),
  );
  if (at < 0) {
    problems.push(`indicator ${indicator.no} (${indicator.name['zh-CN']}) not found in 附表一`);
    continue;
  }
  const row = cells.slice(at, at + 5).join(' | ');
  if (indicator.target2025 !== null && !row.includes(indicator.target2025)) {
    problems.push(`indicator ${indicator.no}: target ${indicator.target2025} not in "${row}"`);
  }
  if (indicator.baseline2020 !== null && !row.includes(indicator.baseline2020)) {
    problems.push(`indicator ${indicator.no}: baseline ${indicator.baseline2020} not in "${row}"`);
  }
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`cockpit seeds: ${MEASURES.length} measures and ${PLAN_INDICATORS.length} indicators match ${dir}`);
