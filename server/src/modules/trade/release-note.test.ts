import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../lib/pdf/index.js';
import { type ReleaseNoteContent, renderReleaseNote } from './release-note.js';

const NOTE: ReleaseNoteContent = {
  number: 'RN422020261000012345',
  declarationNumber: '422020261000012345',
  direction: 'import',
  supervisionMode: '0110',
  transportMode: '3',
  customsOffice: 'Qingdao Customs (Jiaozhou)',
  declarant: { name: 'Qingdao SCO Supply Chain Co., Ltd.', uscc: '91370281MA3C4KQX2L', customsCode: '3702960ABC' },
  foreignParty: { name: 'OOO Uralkali Trading', country: 'RU' },
  tradeCountry: 'RU',
  blNumber: 'SCOJZH2611000017',
  channel: 'document_review',
  items: [
    {
      seq: 1,
      code: '3104202000',
      name: 'Potassium chloride, other',
      quantity: '250000',
      unit: 'kg',
      amount: '87500.00',
      currency: 'USD',
      originCountry: 'RU',
    },
    {
      seq: 2,
      code: '4407119090',
      name: 'Sawn pine wood, of a thickness exceeding 6 mm',
      quantity: '120.5',
      unit: 'm3',
      amount: '24100.00',
      currency: 'USD',
      originCountry: 'RU',
    },
  ],
  totals: { customsValueCny: '799125.40', taxCny: '103886.30', payment: 'paid' },
  releasedAt: '2026-11-02T08:15:30.000Z',
  officer: 'Wang Lei',
  verifyUrl: 'https://hub.example.org/verify/AbCdEfGhIjKlMnOpQrStUv12',
};

function manyItems(count: number): ReleaseNoteContent['items'] {
  return Array.from({ length: count }, (_, index) => ({
    seq: index + 1,
    code: `84${String(18_000_000 + index)}`,
    name: index % 3 === 0 ? 'Household refrigerators, compression type, of a capacity exceeding 150 l' : 'Spare parts',
    quantity: String(10 + index),
    unit: 'pcs',
    amount: `${1000 + index * 37}.50`,
    currency: 'CNY',
    originCountry: 'CN',
  }));
}

/** Pages in the file: page objects, not the /Pages tree. */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/**
 * The uncompressed content streams (pdfkit deflates them), where the printed text is, with the kerning
 * adjustments inside `[<…> 15 <…>] TJ` arrays taken out so a phrase is one run of hex.
 */
function contentText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    try {
      text += inflateSync(Buffer.from(match[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      // Not a deflated stream.
    }
  }
  return text.replace(/>\s*-?\d+(?:\.\d+)?\s*</g, '');
}

/** pdfkit writes standard-font text as hex strings of the encoded characters. */
function hex(text: string): string {
  return Buffer.from(text, 'latin1').toString('hex');
}

describe('customs release note PDF', () => {
  it('renders the same bytes for the same content', async () => {
    const first = await renderReleaseNote(NOTE);
    const second = await renderReleaseNote(structuredClone(NOTE));
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256Hex(second)).toBe(sha256Hex(first));
    expect(second.equals(first)).toBe(true);
  });

  it('renders different bytes for different content', async () => {
    const genuine = sha256Hex(await renderReleaseNote(NOTE));
    const variants: ReleaseNoteContent[] = [
      { ...NOTE, foreignParty: { ...NOTE.foreignParty, name: 'OOO Uralkali Tradinq' } },
      { ...NOTE, totals: { ...NOTE.totals, customsValueCny: '799125.41' } },
      { ...NOTE, items: NOTE.items.map((item) => (item.seq === 2 ? { ...item, quantity: '121.5' } : item)) },
      { ...NOTE, releasedAt: '2026-11-02T08:15:31.000Z' },
      { ...NOTE, verifyUrl: 'https://hub.example.org/verify/AbCdEfGhIjKlMnOpQrStUv13' },
      { ...NOTE, channel: 'inspection' },
    ];
    const hashes = await Promise.all(variants.map(async (variant) => sha256Hex(await renderReleaseNote(variant))));
    expect(new Set([genuine, ...hashes]).size).toBe(variants.length + 1);
  });

  it('is one A4 page of a few kilobytes, with the number and the declaration in its text', async () => {
    const pdf = await renderReleaseNote(NOTE);
    expect(pdf.length).toBeGreaterThan(2_000);
    expect(pdf.length).toBeLessThan(40_000);
    expect(pageCount(pdf)).toBe(1);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = contentText(pdf);
    expect(text).toContain(hex('CUSTOMS RELEASE NOTE'));
    expect(text).toContain(hex(NOTE.number));
    expect(text).toContain(hex('Potassium chloride, other'));
  });

  it('prints characters outside Latin-1 as "?" instead of failing', async () => {
    const mixed = await renderReleaseNote({
      ...NOTE,
      declarant: { ...NOTE.declarant, name: 'Qingdao 上合 Supply Chain' },
      foreignParty: { ...NOTE.foreignParty, name: 'ООО Uralkali' },
    });
    const replaced = await renderReleaseNote({
      ...NOTE,
      declarant: { ...NOTE.declarant, name: 'Qingdao ?? Supply Chain' },
      foreignParty: { ...NOTE.foreignParty, name: '??? Uralkali' },
    });
    expect(mixed.equals(replaced)).toBe(true);
  });

  it('continues a long list of goods on further pages', async () => {
    const long = { ...NOTE, items: manyItems(50), blNumber: null, totals: { ...NOTE.totals, taxCny: null } };
    const pdf = await renderReleaseNote(long);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(pageCount(pdf)).toBeLessThanOrEqual(4);
    expect(pdf.length).toBeLessThan(100_000);
    const text = contentText(pdf);
    expect(text).toContain(hex(`Page 2 of ${pageCount(pdf)}`));
    // The last item and the totals are printed (nothing is cut off at a page end).
    expect(text).toContain(hex(long.items[49]?.code ?? '-'));
    expect(text).toContain(hex('Customs value (CNY)'));
    expect((await renderReleaseNote(structuredClone(long))).equals(pdf)).toBe(true);
  });

  it('renders a note with no items and nothing assessed', async () => {
    const pdf = await renderReleaseNote({
      ...NOTE,
      direction: 'export',
      channel: 'auto_release',
      officer: 'Automatic release',
      declarant: { ...NOTE.declarant, customsCode: null },
      items: [],
      totals: { customsValueCny: null, taxCny: null, payment: 'none_due' },
    });
    expect(pageCount(pdf)).toBe(1);
  });
});
