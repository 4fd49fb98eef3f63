import { createDeterministicPdf, drawQr, toLatin1 } from '../../lib/pdf/index.js';

/**
 * The customs release note (放行通知书) as printed. Everything on the page comes from this object and
 * the renderer is deterministic (fixed dates, no random ids, no clock), so the PDF's SHA-256 is a
 * fingerprint of the content, verified through the same public page as the bill of lading.
 */
export interface ReleaseNoteContent {
  /** Release note number, e.g. 'RN' + the declaration number. */
  number: string;
  /** The 18-digit customs declaration number. */
  declarationNumber: string;
  direction: 'import' | 'export';
  /** Supervision mode code (监管方式), e.g. '0110'. */
  supervisionMode: string;
  /** Transport mode code (运输方式), e.g. '3'. */
  transportMode: string;
  /** e.g. 'Qingdao Customs (Jiaozhou)'. */
  customsOffice: string;
  /** The declarant's English name. */
  declarant: { name: string; uscc: string; customsCode: string | null };
  foreignParty: { name: string; country: string };
  tradeCountry: string;
  blNumber: string | null;
  channel: 'auto_release' | 'document_review' | 'inspection';
  /** `name` is the tariff line's English name; amounts and quantities are decimal strings. */
  items: {
    seq: number;
    code: string;
    name: string;
    quantity: string;
    unit: string;
    amount: string;
    currency: string;
    originCountry: string;
  }[];
  totals: {
    customsValueCny: string | null;
    taxCny: string | null;
    payment: 'none_due' | 'unpaid' | 'guaranteed' | 'paid';
  };
  /** ISO 8601. */
  releasedAt: string;
  /** Display name in Latin script, or 'Automatic release'. */
  officer: string;
  /** PUBLIC_URL/verify/<token>: the address in the QR code. */
  verifyUrl: string;
}

const PAGE_MARGIN_PT = 42;
const QR_SIZE_PT = 110;
/** Height kept free at the bottom of every page for the verification footer. */
const FOOTER_PT = 50;
const CELL_PAD_PT = 5;
const RULE_COLOR = '#9aa3ad';
const LABEL_COLOR = '#555555';

const DIRECTIONS: Record<ReleaseNoteContent['direction'], string> = { import: 'Import', export: 'Export' };

/** Import declarations name the overseas consignor (境外发货人), export ones the overseas consignee (境外收货人). */
const FOREIGN_PARTY: Record<ReleaseNoteContent['direction'], string> = {
  import: 'Overseas consignor',
  export: 'Overseas consignee',
};

const CHANNELS: Record<ReleaseNoteContent['channel'], string> = {
  auto_release: 'Automatic release',
  document_review: 'Released after document review',
  inspection: 'Released after physical inspection',
};

const PAYMENTS: Record<ReleaseNoteContent['totals']['payment'], string> = {
  none_due: 'No duty or tax due',
  unpaid: 'Not yet paid',
  guaranteed: 'Secured by guarantee',
  paid: 'Paid',
};

/** The common codes of GACC's transport-mode table; any other code prints as it is. */
const TRANSPORT_MODES: Readonly<Record<string, string>> = {
  '2': 'Waterway',
  '3': 'Rail',
  '4': 'Road',
  '5': 'Air',
  '6': 'Post',
  '9': 'Other',
};

/** The common codes of GACC's supervision-mode table; any other code prints as it is. */
const SUPERVISION_MODES: Readonly<Record<string, string>> = {
  '0110': 'General trade',
  '1210': 'Bonded cross-border e-commerce',
  '9610': 'Cross-border e-commerce (direct)',
  '9710': 'Cross-border e-commerce B2B direct export',
  '9810': 'Cross-border e-commerce export to overseas warehouse',
};

function coded(code: string, names: Readonly<Record<string, string>>): string {
  const name = Object.hasOwn(names, code) ? names[code] : undefined;
  return name ? `${code} ${name}` : code;
}

function day(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** '1234567.5' → '1,234,567.5'; anything that is not a plain decimal is left as it is (no floats). */
function grouped(decimal: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (!match) return decimal;
  return `${match[1]}${(match[2] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

interface Cell {
  label: string;
  value: string;
}

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  value: (item: ReleaseNoteContent['items'][number]) => string;
}

export function renderReleaseNote(content: ReleaseNoteContent): Promise<Buffer> {
  // Helvetica prints Latin-1 only: the issuing service sends English names, and anything else that
  // slips through prints as '?' rather than as a wrong glyph.
  const text = toLatin1;
  const { doc, done } = createDeterministicPdf({
    title: `Customs Release Note ${text(content.number)}`,
    issuedAt: content.releasedAt,
    margin: PAGE_MARGIN_PT,
    bufferPages: true,
  });
  const left = PAGE_MARGIN_PT;
  const width = doc.page.width - PAGE_MARGIN_PT * 2;
  const bottom = () => doc.page.height - PAGE_MARGIN_PT - FOOTER_PT;
  /** A horizontal line across the text width. */
  const rule = (y: number, lineWidth: number, color: string) => {
    doc
      .save()
      .lineWidth(lineWidth)
      .strokeColor(color)
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke()
      .restore();
  };

  // --- heading, with the QR code in the top-right corner like the bill of lading ---------------
  const headWidth = width - QR_SIZE_PT - 12;
  doc.font('Helvetica-Bold').fontSize(16).text('CUSTOMS RELEASE NOTE', left, PAGE_MARGIN_PT, { width: headWidth });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444444')
    .text('SCO Trade Hub · China-SCO Demonstration Zone, Jiaozhou', { width: headWidth });
  doc.moveDown(0.6).fillColor('#000000').font('Helvetica-Bold').fontSize(12);
  doc.text(`Release note No. ${text(content.number)}`, { width: headWidth });
  doc.font('Helvetica').fontSize(10);
  doc.text(
    `${DIRECTIONS[content.direction]} declaration No. ${text(content.declarationNumber)} · released ${day(content.releasedAt)}`,
    { width: headWidth },
  );
  doc.text(`Customs office: ${text(content.customsOffice)}`, { width: headWidth });
  drawQr(doc, content.verifyUrl, doc.page.width - PAGE_MARGIN_PT - QR_SIZE_PT, PAGE_MARGIN_PT - 6, QR_SIZE_PT);

  // --- boxed fields -----------------------------------------------------------------------------
  /** One row of framed cells of equal width; returns the y below it. */
  const cellRow = (cells: Cell[], y: number): number => {
    const cellWidth = width / cells.length;
    const inner = cellWidth - CELL_PAD_PT * 2;
    doc.font('Helvetica').fontSize(9.5);
    const valueHeight = Math.max(...cells.map((cell) => doc.heightOfString(cell.value, { width: inner })));
    const height = CELL_PAD_PT * 2 + 11 + valueHeight;
    cells.forEach((cell, index) => {
      const x = left + index * cellWidth;
      doc.save().lineWidth(0.5).strokeColor(RULE_COLOR).rect(x, y, cellWidth, height).stroke().restore();
      doc
        .font('Helvetica-Bold')
        .fontSize(7.5)
        .fillColor(LABEL_COLOR)
        .text(cell.label.toUpperCase(), x + CELL_PAD_PT, y + CELL_PAD_PT, { width: inner, lineBreak: false });
      doc
        .font('Helvetica')
        .fontSize(9.5)
        .fillColor('#000000')
        .text(cell.value, x + CELL_PAD_PT, y + CELL_PAD_PT + 11, { width: inner });
    });
    return y + height;
  };

  const declarant = [
    text(content.declarant.name),
    `USCC ${text(content.declarant.uscc)}`,
    content.declarant.customsCode ? `Customs code ${text(content.declarant.customsCode)}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  let y = PAGE_MARGIN_PT + QR_SIZE_PT + 12;
  y = cellRow(
    [
      { label: 'Declarant', value: declarant },
      {
        label: FOREIGN_PARTY[content.direction],
        value: `${text(content.foreignParty.name)}\n${text(content.foreignParty.country)}`,
      },
    ],
    y,
  );
  y = cellRow(
    [
      { label: 'Direction', value: DIRECTIONS[content.direction] },
      { label: 'Supervision mode', value: text(coded(content.supervisionMode, SUPERVISION_MODES)) },
      { label: 'Transport mode', value: text(coded(content.transportMode, TRANSPORT_MODES)) },
      { label: 'Trade country', value: text(content.tradeCountry) },
    ],
    y,
  );
  y = cellRow(
    [
      { label: 'Bill of lading', value: content.blNumber ? text(content.blNumber) : 'not given' },
      { label: 'Control', value: CHANNELS[content.channel] },
      { label: 'Released', value: day(content.releasedAt) },
      { label: 'Released by', value: text(content.officer) },
    ],
    y,
  );

  // --- the goods: a table that continues on further pages -------------------------------------
  const fixed = 22 + 62 + 80 + 78 + 30 + 40;
  const columns: Column[] = [
    { title: 'No.', width: 22, align: 'right', value: (item) => String(item.seq) },
    { title: 'HS code', width: 62, align: 'left', value: (item) => text(item.code) },
    { title: 'Description of goods', width: width - fixed, align: 'left', value: (item) => text(item.name) },
    {
      title: 'Quantity',
      width: 80,
      align: 'right',
      value: (item) => `${text(grouped(item.quantity))} ${text(item.unit)}`,
    },
    { title: 'Amount', width: 78, align: 'right', value: (item) => text(grouped(item.amount)) },
    { title: 'Cur.', width: 30, align: 'left', value: (item) => text(item.currency) },
    { title: 'Origin', width: 40, align: 'left', value: (item) => text(item.originCountry) },
  ];
  const tableHeader = (top: number): number => {
    doc.save().rect(left, top, width, 15).fill('#eceff3').restore();
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#000000');
    let x = left;
    for (const column of columns) {
      doc.text(column.title, x + 3, top + 4, { width: column.width - 6, align: column.align, lineBreak: false });
      x += column.width;
    }
    return top + 15;
  };
  const newPage = (): number => {
    doc.addPage();
    doc
      .font('Helvetica')
      .fontSize(8.5)
      .fillColor(LABEL_COLOR)
      .text(`Customs release note ${text(content.number)} (continued)`, left, PAGE_MARGIN_PT, { width });
    doc.fillColor('#000000');
    return PAGE_MARGIN_PT + 18;
  };

  y += 16;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor('#000000')
    .text(`Goods released (${content.items.length} ${content.items.length === 1 ? 'item' : 'items'})`, left, y);
  y = tableHeader(y + 15);
  for (const item of content.items) {
    doc.font('Helvetica').fontSize(8.5);
    const values = columns.map((column) => column.value(item));
    const height =
      Math.max(
        ...columns.map((column, index) => doc.heightOfString(values[index] ?? '', { width: column.width - 6 })),
      ) + 6;
    if (y + height > bottom()) {
      y = tableHeader(newPage());
      doc.font('Helvetica').fontSize(8.5);
    }
    let x = left;
    columns.forEach((column, index) => {
      doc.text(values[index] ?? '', x + 3, y + 3, { width: column.width - 6, align: column.align });
      x += column.width;
    });
    y += height;
    rule(y, 0.4, '#c9ced4');
  }

  // --- totals and the release statement ---------------------------------------------------------
  const totalsHeight = 92;
  if (y + 12 + totalsHeight > bottom()) y = newPage();
  y += 12;
  const totals: [string, string][] = [
    [
      'Customs value (CNY)',
      content.totals.customsValueCny === null ? 'not assessed' : text(grouped(content.totals.customsValueCny)),
    ],
    ['Duties and taxes (CNY)', content.totals.taxCny === null ? 'none assessed' : text(grouped(content.totals.taxCny))],
    ['Payment', PAYMENTS[content.totals.payment]],
  ];
  const labelWidth = 130;
  const totalsLeft = left + width - 300;
  for (const [label, value] of totals) {
    doc.font('Helvetica').fontSize(9.5).text(label, totalsLeft, y, { width: labelWidth });
    doc.font('Helvetica-Bold').text(value, totalsLeft + labelWidth, y, { width: 300 - labelWidth, align: 'right' });
    y += 14;
  }
  y += 10;
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .text(
      `The goods declared under customs declaration No. ${text(content.declarationNumber)} are released by ` +
        `${text(content.customsOffice)}. Present this note with the goods when they leave the customs-supervised area.`,
      left,
      y,
      { width },
    );

  // --- every page: how to verify, and which page of how many ------------------------------------
  const pages = doc.bufferedPageRange();
  for (let index = pages.start; index < pages.start + pages.count; index += 1) {
    doc.switchToPage(index);
    const footerTop = doc.page.height - PAGE_MARGIN_PT - FOOTER_PT + 8;
    rule(footerTop, 0.5, RULE_COLOR);
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(LABEL_COLOR)
      .text(
        'Scan the code or open the address below to check this release note: the page shows its fingerprint ' +
          '(SHA-256 of this PDF) and its status. A file whose fingerprint differs has been altered. ' +
          text(content.verifyUrl),
        left,
        footerTop + 5,
        { width: width - 80 },
      );
    doc.text(`Page ${index - pages.start + 1} of ${pages.count}`, left + width - 70, footerTop + 5, {
      width: 70,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
