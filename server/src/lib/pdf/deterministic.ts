import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * Building blocks for documents whose PDF is their fingerprint (bills of lading, customs release
 * notes): rendered without a clock, random ids or image codecs, so the same content always gives
 * the same bytes and a verifier re-hashing a received file detects any alteration.
 */

/**
 * Documents in international trade are issued in English; the PDFs use the standard Latin-1 fonts
 * (Helvetica) so they need no font files. Text printed on them must therefore be in Latin script.
 */
export const LATIN_1_TEXT = /^[\u0020-\u007E\u00A0-\u00FF\n]*$/;

/** Replaces every character a standard Latin-1 font cannot print by '?' (a last line of defence). */
export function toLatin1(text: string): string {
  return text.replace(/[^\u0020-\u007E\u00A0-\u00FF\n]/gu, '?');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Draws the QR code as vector squares, so no image codec (and no randomness) is involved. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / (count + 8);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) doc.rect(x + (column + 4) * cell, y + (row + 4) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

export interface DeterministicPdfOptions {
  /** The document's title in its metadata, e.g. 'Through Bill of Lading SCO…'. */
  title: string;
  /** The issue time (ISO 8601): both metadata dates are set to it, never to the clock. */
  issuedAt: string;
  /** Page margin in points (all four sides). */
  margin: number;
  /** Keeps every page open until the end, so a footer can say "page 2 of 3" (`switchToPage`). */
  bufferPages?: boolean;
}

export interface DeterministicPdf {
  doc: PDFKit.PDFDocument;
  /** The whole file, once `doc.end()` has been called. */
  done: Promise<Buffer>;
}

/** An A4 pdfkit document with fixed metadata, collecting its output into one buffer. */
export function createDeterministicPdf(options: DeterministicPdfOptions): DeterministicPdf {
  const issued = new Date(options.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin,
    ...(options.bufferPages ? { bufferPages: true } : {}),
    info: {
      Title: options.title,
      Author: 'SCO Trade Hub',
      Creator: 'SCO Trade Hub',
      Producer: 'SCO Trade Hub',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
