/**
 * The cockpit as an XLSX workbook (one sheet per figure, headers in the caller's language, the same
 * numbers the API answers) and as a PDF report in the caller's language. The PDF embeds Noto Sans SC
 * (from an npm package, subset by pdfkit to the glyphs used): it covers Chinese, Latin and Cyrillic,
 * which the standard Latin-1 fonts of the other documents cannot.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { createDeterministicPdf } from '../../lib/pdf/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { CockpitIndicators, MeasureView, PlanIndicatorView } from './service.js';

type Words = Record<string, string>;

const WORDS: Record<Locale, Words> = {
  'zh-CN': {
    summary: '概览',
    period: '期间',
    item: '项目',
    value: '数值',
    trade: '贸易（按国家）',
    months: '贸易（按月）',
    country: '贸易国别',
    import: '进口（元）',
    export: '出口（元）',
    declarations: '报关单',
    month: '月份',
    clearance: '通道与通关时间',
    channel: '通道',
    released: '已放行',
    median: '通关时间中位数（分钟）',
    containers: '集装箱（按方式）',
    mode: '运输方式',
    shipments: '运单',
    teu: '标箱',
    trains: '班列',
    corridor: '通道国别',
    direction: '方向',
    count: '列数',
    bonded: '保税',
    kind: '清单类型',
    lists: '清单',
    lines: '表体行',
    quantity: '数量',
    ecommerce: '跨境电商',
    enterprises: '企业',
    grade: '等级',
    plan: '规划指标',
    no: '序号',
    indicator: '指标',
    unit: '单位',
    baseline: '2020年完成',
    target: '2025年目标',
    current: '当前值',
    source: '来源',
    progress: '进度（%）',
    nature: '属性',
    measures: '政策措施',
    title: '措施',
    lead: '牵头单位',
    co: '配合单位',
    status: '状态',
    due: '完成时限',
    overdue: '逾期',
    evidence: '佐证',
    total: '贸易总额（元）',
    medianAll: '通关时间中位数（分钟）',
    active: '在册企业',
    onboarded: '本期新增企业',
    yes: '是',
    no_: '否',
    tasks: '任务',
    reportTitle: '中国—上海合作组织地方经贸合作示范区 驾驶舱报告',
    generated: '生成时间',
    logistics: '物流',
    zoneFigures: '保税、跨境电商与企业',
    measuresDone: '项已完成',
    notReported: '未报告',
    platform: '平台计算',
    currency: '元',
    outbound: '出境',
    inbound: '入境',
    transit: '过境',
  },
  en: {
    summary: 'Summary',
    period: 'Period',
    item: 'Item',
    value: 'Value',
    trade: 'Trade by country',
    months: 'Trade by month',
    country: 'Trade country',
    import: 'Imports (CNY)',
    export: 'Exports (CNY)',
    declarations: 'Declarations',
    month: 'Month',
    clearance: 'Channels and clearance',
    channel: 'Channel',
    released: 'Released',
    median: 'Median clearance (min)',
    containers: 'Containers by mode',
    mode: 'Mode',
    shipments: 'Shipments',
    teu: 'TEU',
    trains: 'Trains',
    corridor: 'Corridor country',
    direction: 'Direction',
    count: 'Trains',
    bonded: 'Bonded',
    kind: 'List kind',
    lists: 'Lists',
    lines: 'Lines',
    quantity: 'Quantity',
    ecommerce: 'Cross-border e-commerce',
    enterprises: 'Enterprises',
    grade: 'Grade',
    plan: 'Plan indicators',
    no: 'No.',
    indicator: 'Indicator',
    unit: 'Unit',
    baseline: '2020 baseline',
    target: '2025 target',
    current: 'Current',
    source: 'Source',
    progress: 'Progress (%)',
    nature: 'Nature',
    measures: 'Measures',
    title: 'Measure',
    lead: 'Lead department',
    co: 'Co-responsible',
    status: 'Status',
    due: 'Due',
    overdue: 'Overdue',
    evidence: 'Evidence',
    total: 'Trade total (CNY)',
    medianAll: 'Median clearance (min)',
    active: 'Enterprises registered',
    onboarded: 'Onboarded in period',
    yes: 'yes',
    no_: 'no',
    tasks: 'Tasks',
    reportTitle: 'China–SCO Local Economic and Trade Cooperation Demonstration Area: cockpit report',
    generated: 'Generated',
    logistics: 'Logistics',
    zoneFigures: 'Bonded zone, e-commerce, enterprises',
    measuresDone: 'done',
    notReported: 'not reported',
    platform: 'platform',
    currency: 'CNY',
    outbound: 'outbound',
    inbound: 'inbound',
    transit: 'transit',
  },
  ru: {
    summary: 'Сводка',
    period: 'Период',
    item: 'Показатель',
    value: 'Значение',
    trade: 'Торговля по странам',
    months: 'Торговля по месяцам',
    country: 'Страна',
    import: 'Импорт (юани)',
    export: 'Экспорт (юани)',
    declarations: 'Декларации',
    month: 'Месяц',
    clearance: 'Каналы и время выпуска',
    channel: 'Канал',
    released: 'Выпущено',
    median: 'Медиана выпуска (мин)',
    containers: 'Контейнеры по видам транспорта',
    mode: 'Вид транспорта',
    shipments: 'Отправки',
    teu: 'TEU',
    trains: 'Поезда',
    corridor: 'Страна коридора',
    direction: 'Направление',
    count: 'Поезда',
    bonded: 'Бондовая зона',
    kind: 'Вид списка',
    lists: 'Списки',
    lines: 'Строки',
    quantity: 'Количество',
    ecommerce: 'Трансграничная электронная торговля',
    enterprises: 'Предприятия',
    grade: 'Класс',
    plan: 'Плановые показатели',
    no: '№',
    indicator: 'Показатель',
    unit: 'Единица',
    baseline: '2020 (факт)',
    target: 'Цель 2025',
    current: 'Текущее',
    source: 'Источник',
    progress: 'Прогресс (%)',
    nature: 'Характер',
    measures: 'Меры',
    title: 'Мера',
    lead: 'Головное ведомство',
    co: 'Соисполнители',
    status: 'Статус',
    due: 'Срок',
    overdue: 'Просрочено',
    evidence: 'Подтверждение',
    total: 'Объём торговли (юани)',
    medianAll: 'Медиана выпуска (мин)',
    active: 'Зарегистрировано предприятий',
    onboarded: 'Новые за период',
    yes: 'да',
    no_: 'нет',
    tasks: 'Задачи',
    reportTitle: 'Демонстрационная зона Китай — ШОС: отчёт ситуационного центра',
    generated: 'Сформирован',
    logistics: 'Логистика',
    zoneFigures: 'Бондовая зона, электронная торговля, предприятия',
    measuresDone: 'выполнено',
    notReported: 'нет данных',
    platform: 'платформа',
    currency: 'юаней',
    outbound: 'из Китая',
    inbound: 'в Китай',
    transit: 'транзит',
  },
};

/** Fen as yuan for a spreadsheet cell (exact for any sum below 2^53 fen). */
const yuan = (fen: number) => fen / 100;

export interface CockpitSnapshot {
  indicators: CockpitIndicators;
  plan: PlanIndicatorView[];
  measures: MeasureView[];
}

export async function cockpitXlsx(snapshot: CockpitSnapshot, locale: Locale, generatedAt: Date): Promise<Buffer> {
  const w = WORDS[locale];
  const { indicators: c, plan, measures } = snapshot;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SCO Trade Hub';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], numberColumns: number[] = []) => {
    const ws = workbook.addWorksheet(name.slice(0, 31));
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    header.forEach((h, i) => {
      ws.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 4));
    });
    for (const column of numberColumns) ws.getColumn(column).numFmt = '#,##0.00';
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };
  sheet(
    w.summary!,
    [w.item!, w.value!],
    [
      [w.period!, `${c.period.from} – ${c.period.to}`],
      [w.total!, yuan(c.trade.totalFen)],
      [w.declarations!, c.trade.declarations],
      [w.medianAll!, c.clearance.medianMinutes],
      [w.teu!, c.containers.byMode.reduce((s, m) => s + m.teu, 0)],
      [w.trains!, c.trains.reduce((s, t) => s + t.trains, 0)],
      [w.bonded!, c.bonded.reduce((s, b) => s + b.lists, 0)],
      [w.ecommerce!, c.ecommerce.lists],
      [w.active!, c.enterprises.active],
      [w.onboarded!, c.enterprises.onboarded],
    ],
  );
  sheet(
    w.trade!,
    [w.country!, w.import!, w.export!, w.declarations!],
    c.trade.byCountry.map((r) => [r.country, yuan(r.importFen), yuan(r.exportFen), r.declarations]),
    [2, 3],
  );
  sheet(
    w.months!,
    [w.month!, w.import!, w.export!],
    c.trade.byMonth.map((r) => [r.month, yuan(r.importFen), yuan(r.exportFen)]),
    [2, 3],
  );
  sheet(
    w.clearance!,
    [w.channel!, w.declarations!, w.released!, w.median!],
    c.clearance.byChannel.map((r) => [r.channel, r.declarations, r.released, r.medianMinutes]),
  );
  sheet(
    w.containers!,
    [w.mode!, w.shipments!, w.teu!],
    c.containers.byMode.map((r) => [r.mode, r.shipments, r.teu]),
  );
  sheet(
    w.trains!,
    [w.corridor!, w.direction!, w.count!],
    c.trains.map((r) => [r.corridor, r.direction, r.trains]),
  );
  sheet(
    w.bonded!,
    [w.kind!, w.lists!, w.lines!, w.quantity!],
    c.bonded.map((r) => [r.kind, r.lists, r.lines, r.quantityMilli / 1000]),
  );
  sheet(
    w.ecommerce!,
    [w.mode!, w.lists!],
    [...c.ecommerce.byMode.map((r) => [r.mode, r.lists]), [w.released!, c.ecommerce.released]],
  );
  sheet(
    w.enterprises!,
    [w.grade!, w.enterprises!],
    c.enterprises.byGrade.map((r) => [r.grade, r.enterprises]),
  );
  sheet(
    w.plan!,
    [w.no!, w.indicator!, w.unit!, w.baseline!, w.target!, w.current!, w.source!, w.progress!, w.nature!],
    plan.map((p) => [
      p.no,
      p.name[locale],
      p.unit[locale],
      p.baseline2020,
      p.target2025,
      p.current?.value ?? null,
      p.current?.source ?? null,
      p.progressPercent,
      p.nature,
    ]),
  );
  sheet(
    w.measures!,
    [w.no!, w.title!, w.lead!, w.co!, w.status!, w.due!, w.overdue!, w.tasks!, w.evidence!],
    measures.map((m) => [
      m.no,
      m.title,
      m.lead?.name ?? '',
      m.coResponsible.map((d) => d.name).join('、'),
      m.status,
      m.dueDate,
      m.overdue ? w.yes! : w.no_!,
      m.tasks.length,
      m.evidence,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const MARGIN_PT = 48;
const INTL_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en', ru: 'ru' };

/** Read once per process (10 MB); pdfkit embeds only the glyphs a report uses. */
let reportFont: Buffer | null = null;
function reportFontBytes(): Buffer {
  reportFont ??= readFileSync(
    createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  );
  return reportFont;
}

/** A short report in the caller's language: the period's figures, the plan's indicators and the measures. */
export async function cockpitPdf(
  snapshot: CockpitSnapshot,
  measures: MeasureView[],
  locale: Locale,
  generatedAt: Date,
): Promise<Buffer> {
  const { indicators: c, plan } = snapshot;
  const w = WORDS[locale];
  const intl = INTL_LOCALE[locale];
  const regions = new Intl.DisplayNames([intl], { type: 'region' });
  // Trade countries are ISO alpha-2; anything else (a train corridor's border station) stays as given.
  const country = (code: string) => (/^[A-Z]{2}$/.test(code) ? (regions.of(code) ?? code) : code);
  const number = (value: number) => value.toLocaleString(intl, { maximumFractionDigits: 2 });
  const money = (fen: number) =>
    `${(fen / 100).toLocaleString(intl, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${w.currency}`;
  const { doc, done } = createDeterministicPdf({
    title: `${w.reportTitle} ${c.period.from} – ${c.period.to}`,
    issuedAt: generatedAt.toISOString(),
    margin: MARGIN_PT,
  });
  doc.registerFont('report', reportFontBytes());
  doc.font('report');
  const heading = (text: string) => {
    doc.moveDown(0.8).fontSize(12).fillColor('#1d4e89').text(text);
    doc.fontSize(9.5).fillColor('#000000');
  };
  const line = (text: string) => doc.text(text);
  doc.fontSize(15).text(w.reportTitle!);
  doc.fontSize(9).fillColor('#555555');
  line(
    `${w.period}: ${c.period.from} – ${c.period.to}; ${w.generated}: ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  );
  doc.fillColor('#000000');

  heading(w.trade!);
  line(`${w.total}: ${money(c.trade.totalFen)}; ${w.declarations}: ${number(c.trade.declarations)}`);
  for (const r of c.trade.byCountry.slice(0, 12)) {
    line(
      `  ${country(r.country)}: ${w.import} ${money(r.importFen)}, ${w.export} ${money(r.exportFen)}, ${w.declarations} ${number(r.declarations)}`,
    );
  }
  heading(w.clearance!);
  line(`${w.medianAll}: ${c.clearance.medianMinutes ?? '—'}`);
  for (const r of c.clearance.byChannel) {
    line(
      `  ${r.channel}: ${w.declarations} ${number(r.declarations)}, ${w.released} ${number(r.released)}, ${w.median} ${r.medianMinutes ?? '—'}`,
    );
  }
  heading(w.logistics!);
  for (const r of c.containers.byMode)
    line(`  ${r.mode}: ${w.shipments} ${number(r.shipments)}, ${w.teu} ${number(r.teu)}`);
  for (const r of c.trains) line(`  ${w.trains} ${w[r.direction] ?? r.direction} ${r.corridor}: ${number(r.trains)}`);
  heading(w.zoneFigures!);
  for (const r of c.bonded)
    line(`  ${w.bonded} ${r.kind}: ${w.lists} ${number(r.lists)}, ${w.lines} ${number(r.lines)}`);
  line(
    `  ${w.ecommerce}: ${w.lists} ${number(c.ecommerce.lists)}, ${w.released} ${number(c.ecommerce.released)}, ${money(c.ecommerce.valueFen)}`,
  );
  line(`  ${w.active}: ${number(c.enterprises.active)}; ${w.onboarded}: ${number(c.enterprises.onboarded)}`);
  line(`  ${w.grade}: ${c.enterprises.byGrade.map((g) => `${g.grade} ${g.enterprises}`).join(', ') || '—'}`);
  heading(`${w.plan} (${w.baseline} → ${w.target})`);
  for (const p of plan) {
    const current = p.current
      ? `${p.current.value} (${p.current.computed ? w.platform : p.current.source})`
      : w.notReported;
    line(
      `  ${p.no}. ${p.name[locale]} [${p.unit[locale]}]: ${p.baseline2020 ?? '—'} → ${p.target2025 ?? '—'}; ${w.current}: ${current}` +
        (p.progressPercent === null ? '' : `, ${p.progressPercent}%`),
    );
  }
  heading(w.measures!);
  const finished = measures.filter((m) => m.status === 'done').length;
  const overdue = measures.filter((m) => m.overdue);
  line(`${measures.length}: ${finished} ${w.measuresDone}, ${overdue.length} ${w.overdue}`);
  for (const m of overdue)
    line(`  ${w.overdue}: ${m.no}. ${m.title} (${w.lead}: ${m.lead?.name ?? '—'}; ${w.due} ${m.dueDate ?? '—'})`);
  doc.end();
  return done;
}
