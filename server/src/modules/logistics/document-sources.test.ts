import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../lib/pdf/index.js';
import type {
  PublicDocumentSource,
  PublicDocumentView,
  ReleaseNoteVerification,
} from '../../platform/documents/verification.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { book, cheapestRail, inDays, plan } from './shipments.fixtures.js';

/** Stands for the trade module's release notes: known by token and by the SHA-256 of their file. */
class FakeSource implements PublicDocumentSource {
  readonly asked: string[] = [];
  constructor(
    private readonly name: string,
    private readonly notes: readonly { token: string; view: ReleaseNoteVerification }[],
  ) {}
  async byToken(token: string): Promise<PublicDocumentView | null> {
    this.asked.push(`${this.name}:token:${token}`);
    return this.notes.find((note) => note.token === token)?.view ?? null;
  }
  async bySha256(sha256: string): Promise<PublicDocumentView | null> {
    this.asked.push(`${this.name}:sha256:${sha256}`);
    return this.notes.find((note) => note.view.sha256 === sha256)?.view ?? null;
  }
}

const RELEASE_NOTE_PDF = Buffer.from('%PDF-1.3\n% a customs release note issued by another module\n%%EOF\n');
const NOTE_TOKEN = 'ReleaseNoteToken_0123456789';
const NOTE: ReleaseNoteVerification = {
  kind: 'customs_release_note',
  number: 'RN422020261000012345',
  status: 'issued',
  sha256: sha256Hex(RELEASE_NOTE_PDF),
  issuedAt: '2026-11-02T08:15:30.000Z',
  declarationNumber: '422020261000012345',
  direction: 'import',
  declarant: 'Qingdao SCO Supply Chain Co., Ltd.',
  foreignParty: 'OOO Uralkali Trading',
  tradeCountry: 'RU',
  blNumber: null,
  itemCount: 2,
  customsValueCny: '799125.40',
};
const SECOND_TOKEN = 'SecondSourceToken_abcdefgh';
const SECOND: ReleaseNoteVerification = {
  ...NOTE,
  number: 'RN422020261000099999',
  declarationNumber: '422020261000099999',
  status: 'cancelled',
  sha256: null,
  direction: 'export',
  customsValueCny: null,
};

const first = new FakeSource('first', [{ token: NOTE_TOKEN, view: NOTE }]);
const second = new FakeSource('second', [{ token: SECOND_TOKEN, view: SECOND }]);

let t: TestApp;
let forwarder: string;
beforeAll(async () => {
  t = await buildTestApp({ documentSources: [first, second] });
  forwarder = await t.login('forwarder@demo');
});
afterAll(async () => t?.close());

const page = (token: string) => t.app.inject({ method: 'GET', url: `/api/public/documents/${token}` });
const verify = (body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/documents/verify',
    headers: { 'content-type': 'application/pdf' },
    payload: body,
  });

describe('public verification of documents from other modules', () => {
  it('answers a token only a source knows with its release-note view, without signing in', async () => {
    const response = await page(NOTE_TOKEN);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(NOTE);
  });

  it('asks the sources in order until one knows the token', async () => {
    first.asked.length = 0;
    const response = await page(SECOND_TOKEN);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(SECOND);
    expect(first.asked).toEqual([`first:token:${SECOND_TOKEN}`]);
  });

  it('answers 404 when neither logistics nor any source knows the token', async () => {
    const response = await page('NoSuchDocumentToken_42424242');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('matches an uploaded file whose fingerprint a source knows', async () => {
    const genuine = await verify(RELEASE_NOTE_PDF);
    expect(genuine.statusCode, genuine.body).toBe(200);
    expect(genuine.json()).toEqual({ match: true, sha256: NOTE.sha256, document: NOTE });

    const altered = Buffer.from(RELEASE_NOTE_PDF);
    altered[12] = 'X'.charCodeAt(0);
    const forged = await verify(altered);
    expect(forged.json()).toEqual({ match: false, sha256: sha256Hex(altered), document: null });
  });

  it('still answers bills of lading first, as before, without asking the sources', async () => {
    const search = {
      from: 'CNJZH',
      to: 'RUSLT',
      departAfter: inDays(30),
      cargo: { containers: [{ sizeType: '45G1', count: 1 }] },
    };
    const booked = await book(t, forwarder, search, cheapestRail(await plan(t, forwarder, search)));
    expect(booked.statusCode, booked.body).toBe(201);
    const shipment = booked.json();
    const token = String(shipment.documents[0].verifyUrl).split('/').pop() ?? '';
    const pdf = await t.app.inject({
      method: 'GET',
      url: shipment.documents[0].pdfUrl,
      headers: { cookie: forwarder },
    });
    expect(pdf.statusCode).toBe(200);

    first.asked.length = 0;
    second.asked.length = 0;
    const bill = await page(token);
    expect(bill.statusCode, bill.body).toBe(200);
    expect(bill.json()).toMatchObject({
      kind: 'bill_of_lading',
      number: shipment.blNumber,
      version: 1,
      status: 'issued',
      sha256: pdf.headers['x-content-sha256'],
    });

    const checked = await verify(pdf.rawPayload);
    expect(checked.json()).toMatchObject({
      match: true,
      document: { kind: 'bill_of_lading', number: shipment.blNumber, version: 1 },
    });
    expect([...first.asked, ...second.asked]).toEqual([]);
  });
});
