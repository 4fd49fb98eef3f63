import { createDeterministicPdf, drawQr } from '../../lib/pdf/index.js';

// Names and descriptions on the bill must be in Latin script (LATIN_1_TEXT): Russian and Chinese
// names are transliterated, as carriers do today.
export { LATIN_1_TEXT, sha256Hex } from '../../lib/pdf/index.js';

/**
 * The through bill of lading as printed. Everything on the page comes from this object, and the
 * renderer is deterministic (fixed dates, no random ids, no clock), so the PDF's SHA-256 is a
 * fingerprint of the content: a verifier re-hashing a received file detects any alteration.
 */
export interface Party {
  name: string;
  address: string;
  country: string;
  uscc?: string | undefined;
}

export interface BillOfLadingContent {
  number: string;
  version: number;
  issuedAt: string;
  verifyUrl: string;
  shipper: Party;
  consignee: Party;
  notify: Party | null;
  origin: { locode: string; name: string };
  destination: { locode: string; name: string };
  legs: {
    seq: number;
    mode: string;
    service: string | null;
    from: string;
    to: string;
    plannedDeparture: string;
    plannedArrival: string;
  }[];
  containers: { number: string; sizeType: string }[];
  cargoLines: { hsCode: string; description: string; packages: number; grossWeightKg: number }[];
  units: number;
  capacityUnit: 'TEU' | 'KG';
  reference: string | null;
}

const PAGE_MARGIN_PT = 42;
const QR_SIZE_PT = 110;

function day(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function partyLines(party: Party | null): string {
  if (!party) return '—';
  return [party.name, party.address, party.country, party.uscc ? `USCC ${party.uscc}` : null]
    .filter(Boolean)
    .join('\n');
}

export function renderBillOfLading(content: BillOfLadingContent): Promise<Buffer> {
  const { doc, done } = createDeterministicPdf({
    title: `Through Bill of Lading ${content.number}`,
    issuedAt: content.issuedAt,
    margin: PAGE_MARGIN_PT,
  });

  const width = doc.page.width - PAGE_MARGIN_PT * 2;
  doc.font('Helvetica-Bold').fontSize(16).text('MULTIMODAL THROUGH BILL OF LADING', PAGE_MARGIN_PT, PAGE_MARGIN_PT);
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text('SCO Trade Hub · China–SCO Demonstration Zone, Jiaozhou');
  doc.moveDown(0.6).fillColor('#000000').font('Helvetica-Bold').fontSize(12);
  doc.text(`B/L No. ${content.number}`, { continued: true }).font('Helvetica').fontSize(10);
  doc.text(`   version ${content.version} · issued ${day(content.issuedAt)}`);
  if (content.reference) doc.text(`Shipper's reference: ${content.reference}`);
  drawQr(doc, content.verifyUrl, doc.page.width - PAGE_MARGIN_PT - QR_SIZE_PT, PAGE_MARGIN_PT - 6, QR_SIZE_PT);

  const column = (width - QR_SIZE_PT) / 2;
  let y = PAGE_MARGIN_PT + 96;
  const box = (title: string, body: string, x: number, w: number) => {
    doc.font('Helvetica-Bold').fontSize(8).fillColor('#555555').text(title.toUpperCase(), x, y, { width: w });
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor('#000000')
      .text(body, x, y + 11, { width: w - 8 });
  };
  box('Shipper', partyLines(content.shipper), PAGE_MARGIN_PT, column);
  box('Consignee', partyLines(content.consignee), PAGE_MARGIN_PT + column, column);
  box('Notify party', partyLines(content.notify), PAGE_MARGIN_PT + column * 2, QR_SIZE_PT);
  y += 78;
  box('Place of receipt', `${content.origin.name} (${content.origin.locode})`, PAGE_MARGIN_PT, column);
  box(
    'Place of delivery',
    `${content.destination.name} (${content.destination.locode})`,
    PAGE_MARGIN_PT + column,
    column,
  );
  y += 36;

  doc.font('Helvetica-Bold').fontSize(10).text('Carriage — every leg under this one bill', PAGE_MARGIN_PT, y);
  y += 15;
  doc.fontSize(8.5);
  for (const leg of content.legs) {
    doc
      .font('Helvetica')
      .text(
        `${leg.seq + 1}. ${leg.mode.toUpperCase()}  ${leg.service ?? 'transfer'}   ${leg.from} → ${leg.to}   ` +
          `${day(leg.plannedDeparture)} → ${day(leg.plannedArrival)}`,
        PAGE_MARGIN_PT,
        y,
        { width },
      );
    y += 13;
  }
  y += 8;
  doc.font('Helvetica-Bold').fontSize(10).text('Containers', PAGE_MARGIN_PT, y);
  y += 15;
  doc.font('Helvetica').fontSize(9);
  const boxes = content.containers.length
    ? content.containers.map((c) => `${c.number} (${c.sizeType})`).join(', ')
    : `to be advised · ${content.units} ${content.capacityUnit}`;
  doc.text(boxes, PAGE_MARGIN_PT, y, { width });
  y = doc.y + 10;
  doc.font('Helvetica-Bold').fontSize(10).text('Description of goods', PAGE_MARGIN_PT, y);
  y += 15;
  doc.fontSize(9);
  let packages = 0;
  let grossKg = 0;
  for (const line of content.cargoLines) {
    packages += line.packages;
    grossKg += line.grossWeightKg;
    doc
      .font('Helvetica')
      .text(
        `HS ${line.hsCode}   ${line.description}   ${line.packages} pkgs   ${line.grossWeightKg} kg`,
        PAGE_MARGIN_PT,
        y,
        {
          width,
        },
      );
    y = doc.y + 3;
  }
  doc
    .font('Helvetica-Bold')
    .text(`Total: ${packages} packages, ${Math.round(grossKg * 1000) / 1000} kg gross`, PAGE_MARGIN_PT, y + 4);

  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor('#555555')
    .text(
      'Scan the code or open the address below to check this bill: the page shows its fingerprint (SHA-256 of this PDF) ' +
        'and its status. A file whose fingerprint differs has been altered. ' +
        content.verifyUrl,
      PAGE_MARGIN_PT,
      doc.page.height - PAGE_MARGIN_PT - 30,
      { width },
    );
  doc.end();
  return done;
}
