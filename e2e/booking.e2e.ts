import { createHash, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { iso6346CheckDigit } from '../server/src/lib/identifiers/index.js';
import { chromiumAvailable, screenshot } from './browser.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** Events and documents arrive through the page's 5-second refresh; allow a few rounds on a slow machine. */
const REFRESH_WAIT = { timeout: 20_000, interval: 250 };
/** A server round trip (booking re-plans the search; amending reissues the bill) takes more than poll's 1 s default. */
const SERVER_WAIT = { timeout: 15_000, interval: 100 };

/** A valid ISO 6346 number with a random serial, so reruns and demo data never collide on a box. */
function containerNumber(owner: string): string {
  const body = `${owner}U${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return `${body}${iso6346CheckDigit(body)}`;
}

/** The same number with a wrong check digit. */
function withWrongCheckDigit(number: string): string {
  const digit = Number(number.charAt(10));
  return `${number.slice(0, 10)}${(digit + 1) % 10}`;
}

interface ApiLeg {
  kind: string;
  mode: string;
  departureId: string | null;
  from: string;
  to: string;
}
interface ApiItinerary {
  legs: ApiLeg[];
  cost: { amount: string; currency: string };
}
interface ApiShipment {
  id: string;
  blNumber: string;
  status: string;
  legs: { seq: number; from: { locode: string }; service: { code: string } | null; status: string }[];
  documents: { version: number; status: string; sha256: string | null; verifyUrl: string; pdfUrl: string }[];
}

describe.skipIf(!runBrowserTests)('booking, tracking and document verification in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage, apiCall, cookieHeader } = session;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scohub-booking-'));

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Reports one tracking event for the shipment, as a carrier's system would. */
  async function postEvent(page: Page, event: Record<string, unknown>): Promise<void> {
    await apiCall(page, 'POST', '/api/logistics/tracking/events', {
      eventId: `e2e-${randomUUID()}`,
      eventDateTime: new Date(Date.now() - 60_000).toISOString(),
      ...event,
    });
  }

  async function chooseLocation(page: Page, testId: string, search: string, locode: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(search);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: locode })
      .click();
    await expect.poll(() => shown(page.getByTestId(testId)), SERVER_WAIT).toContain(locode);
  }

  /** Books the cheapest rail option of a search through the API (for the tests that start from a booking). */
  async function bookByApi(page: Page, daysAhead: number): Promise<ApiShipment> {
    const search = {
      from: 'CNJZH',
      to: 'RUSLT',
      departAfter: new Date(Date.now() + daysAhead * 86_400_000).toISOString(),
      cargo: { containers: [{ sizeType: '42G1', count: 2 }] },
    };
    const result = await apiCall<{ itineraries: ApiItinerary[] }>(page, 'POST', '/api/logistics/routes/search', search);
    const rail = result.itineraries.filter((i) => i.legs.some((leg) => leg.mode === 'rail'));
    const cheapest = rail.reduce((best, next) => (Number(next.cost.amount) < Number(best.cost.amount) ? next : best));
    const party = { address: '1 Test Road, Jiaozhou, Qingdao 266300', country: 'CN' };
    return apiCall<ApiShipment>(page, 'POST', '/api/logistics/shipments', {
      search,
      legs: cheapest.legs.map(({ departureId, from, to }) => ({ departureId, from, to })),
      parties: {
        shipper: { name: 'Qingdao Silk Road Multimodal Logistics Co., Ltd.', ...party },
        consignee: { name: 'OOO Volga Trading', address: 'ul. Lesnaya 5, Selyatino, Moscow Oblast', country: 'RU' },
      },
      cargoLines: [{ hsCode: '850440', description: 'Power inverters', packages: 40, grossWeightKg: 9200 }],
    });
  }

  it('books the cheapest rail option to Moscow, follows a departure live and verifies the bill of lading', async () => {
    // Proves the whole shipper path: plan → book in the drawer (server field errors next to the field)
    // → the shipment page → a carrier's DEPA event shows in the timeline and the leg without a reload →
    // the public verification page, signed out, accepts the genuine PDF and rejects an altered one.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    await page.goto(`${session.baseUrl}/logistics`);
    await page.getByTestId('planner-form').waitFor();

    // Jiaozhou → Selyatino (Moscow) for 2 × 40′ dry.
    await chooseLocation(page, 'planner-to', 'Selyatino', 'RUSLT');
    await page.getByTestId('planner-size-type-0').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '(42G1)' })
      .click();
    await expect.poll(() => shown(page.getByTestId('planner-size-type-0')), SERVER_WAIT).toContain('42G1');
    await page.getByTestId('planner-count-0').fill('2');
    await page.getByTestId('planner-submit').click();
    await expect.poll(() => shown(page.getByTestId('planner-results-title')), SERVER_WAIT).toMatch(/^线路方案（\d+）$/);

    const rows = page.getByTestId('itinerary-table').locator('tr.ant-table-row');
    const cheapest = rows.filter({ has: page.getByTestId('badge-cheapest') });
    expect(await cheapest.count()).toBe(1);
    expect(await cheapest.locator('[data-mode="rail"]').count()).toBeGreaterThan(0);
    const cost = await shown(cheapest.getByTestId('itinerary-cost'));
    const book = cheapest.locator('[data-testid^="book-itinerary-"]');
    expect(await shown(book)).toContain('订舱');
    await page.getByTestId('world-map').locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'booking-planner-zh-CN');

    // The drawer shows the chosen option; the form is filled in Latin script, as the bill is English.
    await book.click();
    const form = page.getByTestId('booking-form');
    await form.waitFor();
    expect(await shown(page.getByTestId('booking-cost'))).toBe(cost);
    const summary = await shown(page.getByTestId('booking-summary'));
    expect(summary).toContain('CNJZH');
    expect(summary).toContain('RUSLT');
    expect(summary).toContain('2 × ');
    expect(await shown(page.getByTestId('booking-latin-help'))).toContain('拉丁字母');
    // The shipper starts as the booking enterprise, under its English name.
    expect(await page.getByTestId('booking-shipper-name').inputValue()).toMatch(/^Qingdao Silk Road/);
    await page.getByTestId('booking-shipper-address').fill('18 Jiaozhou Bay Road, Jiaozhou, Qingdao 266300');
    await page.getByTestId('booking-consignee-name').fill('ООО Волга');
    await page.getByTestId('booking-consignee-address').fill('ul. Lesnaya 5, Selyatino, Moscow Oblast 143345');
    expect(await shown(page.getByTestId('booking-consignee-country'))).toContain('RU');
    await page.getByTestId('booking-hs-code-0').fill('841810');
    await page.getByTestId('booking-description-0').fill('Household refrigerators, 2-door');
    await page.getByTestId('booking-packages-0').fill('120');
    await page.getByTestId('booking-weight-0').fill('18500');
    const boxes = [containerNumber('SCO'), containerNumber('SCO')];
    await page.getByTestId('booking-container-0').fill(withWrongCheckDigit(boxes[0] ?? ''));
    await page.getByTestId('booking-container-1').fill(boxes[1] ?? '');
    await page.getByTestId('booking-reference').fill('PO-E2E-0142');
    await page.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0));
    await screenshot(page, 'booking-form-zh-CN', { fullPage: false });

    // Cyrillic is refused in the browser already, with the reason.
    await page.getByTestId('booking-submit').click();
    const consigneeName = form.locator('.ant-form-item').filter({ has: page.getByTestId('booking-consignee-name') });
    await expect.poll(() => shown(consigneeName.locator('.ant-form-item-explain')), SERVER_WAIT).toContain('拉丁字母');
    await page.getByTestId('booking-consignee-name').fill('OOO Volga Trading');

    // A wrong check digit passes the browser's format check; the server's 422 lands next to that box.
    await page.getByTestId('booking-submit').click();
    const firstBox = form.locator('.ant-form-item').filter({ has: page.getByTestId('booking-container-0') });
    await expect.poll(() => shown(firstBox.locator('.ant-form-item-explain')), SERVER_WAIT).not.toBe('');
    expect(page.url()).toMatch(/\/logistics$/);
    await firstBox.scrollIntoViewIfNeeded();
    await screenshot(page, 'booking-form-error-zh-CN', { fullPage: false });
    await page.getByTestId('booking-container-0').fill(boxes[0] ?? '');

    await page.getByTestId('booking-submit').click();
    await page.waitForURL(/\/logistics\/shipments\/[0-9a-f-]{36}$/);
    const shipmentId = page.url().split('/').pop() ?? '';
    await page.getByTestId('shipment-bl-number').waitFor();
    const blNumber = await shown(page.getByTestId('shipment-bl-number'));
    expect(blNumber).toMatch(/^[A-Z0-9]{14}$/);
    expect(await page.getByTestId('shipment-status').getAttribute('data-status')).toBe('booked');
    expect(await shown(page.getByTestId('shipment-status'))).toBe('已订舱');
    expect(await shown(page.getByTestId('shipment-eta'))).not.toBe('');
    expect(await page.getByTestId('leg-status-0').getAttribute('data-status')).toBe('planned');
    expect(await shown(page.getByTestId('shipment-containers'))).toContain(boxes[0] ?? '');
    expect(await shown(page.getByTestId('shipment-timeline'))).toContain('尚无跟踪事件');
    // The bill is rendered right after the booking commits; its fingerprint arrives with a refresh.
    await page.getByTestId('document-sha256-1').waitFor(REFRESH_WAIT);
    expect(await page.getByTestId('document-status-1').getAttribute('data-status')).toBe('issued');
    await page.getByTestId('world-map').locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'shipment-booked-zh-CN');

    await switchLanguage(page, 'en');
    await expect.poll(() => shown(page.getByTestId('shipment-status')), SERVER_WAIT).toBe('Booked');
    await page.waitForTimeout(600);
    await screenshot(page, 'shipment-booked-en');

    // A carrier reports the first leg's departure; the page shows it within one refresh, without a reload.
    const shipment = await apiCall<ApiShipment>(page, 'GET', `/api/logistics/shipments/${shipmentId}`);
    const firstLeg = shipment.legs[0];
    if (!firstLeg) throw new Error('the shipment has no legs');
    await postEvent(page, {
      eventType: 'TRANSPORT',
      eventClassifierCode: 'ACT',
      code: 'DEPA',
      locode: firstLeg.from.locode,
      blNumber,
      ...(firstLeg.service ? { serviceCode: firstLeg.service.code } : {}),
    });
    await expect.poll(() => shown(page.getByTestId('shipment-timeline')), REFRESH_WAIT).toContain('Departed');
    await expect
      .poll(() => page.getByTestId('leg-status-0').getAttribute('data-status'), REFRESH_WAIT)
      .toBe('departed');
    expect(await shown(page.getByTestId('leg-status-0'))).toBe('Departed');
    await expect.poll(() => shown(page.getByTestId('shipment-status')), REFRESH_WAIT).toBe('In transit');
    expect(await shown(page.getByTestId('shipment-position'))).toContain(firstLeg.from.locode);
    await page.waitForTimeout(600);
    await screenshot(page, 'shipment-departed-en');

    await switchLanguage(page, 'zh-CN');
    await expect.poll(() => shown(page.getByTestId('shipment-timeline')), SERVER_WAIT).toContain('已发车');
    await expect.poll(() => shown(page.getByTestId('shipment-status')), SERVER_WAIT).toBe('运输中');
    expect(await shown(page.getByTestId('leg-status-0'))).toBe('已发车');
    await page.waitForTimeout(600);
    await screenshot(page, 'shipment-departed-zh-CN');

    // The list shows the new shipment in transit, and a row opens it.
    await page.goto(`${session.baseUrl}/logistics/shipments`);
    const table = page.getByTestId('shipments-table');
    await expect.poll(() => shown(table), SERVER_WAIT).toContain(blNumber);
    expect(await shown(page.getByTestId(`shipment-row-${blNumber}`))).toContain('运输中');
    await screenshot(page, 'shipments-list-zh-CN');
    await page.getByTestId(`shipment-row-${blNumber}`).click();
    await page.waitForURL(new RegExp(`/logistics/shipments/${shipmentId}$`));

    // The PDF, downloaded with the session as the PDF link does, is the document the page fingerprints.
    const verifyHref = await page.getByTestId('document-verify-1').getAttribute('href');
    const pdfHref = await page.getByTestId('document-pdf-1').getAttribute('href');
    expect(verifyHref).toMatch(/^\/verify\/[A-Za-z0-9_-]+$/);
    const pdfResponse = await fetch(`${session.baseUrl}${pdfHref}`, { headers: { cookie: await cookieHeader(page) } });
    expect(pdfResponse.status).toBe(200);
    expect(pdfResponse.headers.get('content-type')).toContain('application/pdf');
    const pdf = Buffer.from(await pdfResponse.arrayBuffer());
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const genuinePath = path.join(tmp, `${blNumber}.pdf`);
    fs.writeFileSync(genuinePath, pdf);
    // An altered copy: one byte changed (in the consignee's name where the text is not compressed).
    const altered = Buffer.from(pdf);
    const found = altered.indexOf('Volga');
    const at = found >= 0 ? found : Math.floor(altered.length / 2);
    altered.writeUInt8((altered.readUInt8(at) ^ 0x01) & 0xff, at);
    const alteredPath = path.join(tmp, `${blNumber}-altered.pdf`);
    fs.writeFileSync(alteredPath, altered);

    // Anyone with the QR code's address, signed out, sees the document and its full fingerprint.
    const visitor = await freshPage();
    await visitor.goto(`${session.baseUrl}${verifyHref}`);
    await visitor.getByTestId('verify-status').waitFor();
    expect(visitor.url()).toContain('/verify/');
    expect(await visitor.getByTestId('verify-status').getAttribute('data-status')).toBe('issued');
    await visitor.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => shown(visitor.getByTestId('verify-status')), SERVER_WAIT).toBe('Issued');
    expect(await shown(visitor.getByTestId('verify-sha256'))).toBe(sha256);
    const documentText = await shown(visitor.getByTestId('verify-document'));
    expect(documentText).toContain(blNumber);
    expect(documentText).toContain('OOO Volga Trading');
    expect(documentText).toContain(boxes[1] ?? '');
    await screenshot(visitor, 'verify-en');

    const upload = visitor.getByTestId('verify-upload').locator('input[type="file"]');
    await upload.setInputFiles(genuinePath);
    const result = visitor.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-match'), SERVER_WAIT).toBe('true');
    expect(await shown(result)).toContain('This file is the genuine document');
    await screenshot(visitor, 'verify-genuine-en');

    await upload.setInputFiles(alteredPath);
    await expect.poll(() => result.getAttribute('data-match'), SERVER_WAIT).toBe('false');
    expect(await shown(result)).toContain('This file does NOT match any document issued here');
    await screenshot(visitor, 'verify-altered-en');

    await visitor.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => shown(result), SERVER_WAIT).toContain('该文件与本平台签发的任何单证都不一致');
    await screenshot(visitor, 'verify-altered-zh-CN');
  });

  it('shows a held shipment at risk with its re-route options', async () => {
    // Proves a customs hold reaches the page as status, a localised risk message and alternatives.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    const shipment = await bookByApi(page, 3);
    await page.goto(`${session.baseUrl}/logistics/shipments/${shipment.id}`);
    await page.getByTestId('shipment-bl-number').waitFor();
    await switchLanguage(page, 'en');
    await postEvent(page, {
      eventType: 'CUSTOMS',
      eventClassifierCode: 'ACT',
      code: 'HOLD',
      locode: 'CNJZH',
      blNumber: shipment.blNumber,
      remark: 'Export documents incomplete',
    });
    const risk = page.getByTestId('shipment-risk');
    await risk.waitFor(REFRESH_WAIT);
    expect(await shown(page.getByTestId('shipment-risk-message'))).toContain('held');
    expect(await shown(page.getByTestId('shipment-timeline'))).toContain('Held');
    expect(await shown(page.getByTestId('shipment-timeline'))).toContain('Export documents incomplete');
    const alternatives = page.getByTestId('shipment-alternatives');
    await alternatives.locator('tr.ant-table-row').first().waitFor(REFRESH_WAIT);
    expect(await alternatives.locator('[data-testid^="book-itinerary-"]').count()).toBe(0);
    await page.getByTestId('world-map').locator('canvas').first().waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'shipment-at-risk-en');

    await switchLanguage(page, 'ru');
    await expect.poll(() => shown(page.getByTestId('shipment-risk-message')), SERVER_WAIT).toContain('задержан');
    await expect.poll(() => shown(page.getByTestId('shipment-timeline')), SERVER_WAIT).toContain('Задержан');
    await page.waitForTimeout(600);
    await screenshot(page, 'shipment-at-risk-ru');
    await switchLanguage(page, 'zh-CN');
  });

  it('adds container numbers (reissuing the bill) and cancels a booking', async () => {
    // Proves the amend action reissues the bill as version 2 and cancel voids it, from the page.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    const shipment = await bookByApi(page, 4);
    await page.goto(`${session.baseUrl}/logistics/shipments/${shipment.id}`);
    await page.getByTestId('shipment-bl-number').waitFor();
    expect(await shown(page.getByTestId('shipment-containers'))).toContain('尚未填写箱号');

    await page.getByTestId('add-containers').click();
    const modal = page.getByTestId('containers-form');
    await modal.waitFor();
    const boxes = [containerNumber('SCO'), containerNumber('SCO')];
    await modal
      .locator('input')
      .nth(0)
      .fill(boxes[0] ?? '');
    await modal
      .locator('input')
      .nth(1)
      .fill(boxes[1] ?? '');
    await screenshot(page, 'shipment-add-containers-zh-CN', { fullPage: false });
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => shown(page.getByTestId('shipment-containers')), SERVER_WAIT).toContain(boxes[1] ?? '');
    await expect
      .poll(() => page.getByTestId('document-status-2').getAttribute('data-status'), SERVER_WAIT)
      .toBe('issued');
    expect(await page.getByTestId('document-status-1').getAttribute('data-status')).toBe('superseded');

    await page.getByTestId('shipment-cancel').click();
    await page.getByTestId('shipment-cancel-confirm').click();
    await expect
      .poll(() => page.getByTestId('shipment-status').getAttribute('data-status'), SERVER_WAIT)
      .toBe('cancelled');
    await expect
      .poll(() => page.getByTestId('document-status-2').getAttribute('data-status'), SERVER_WAIT)
      .toBe('cancelled');
    expect(await page.getByTestId('shipment-cancel').count()).toBe(0);
    await page.waitForTimeout(600);
    await screenshot(page, 'shipment-cancelled-zh-CN');

    // The list filters by status, in Russian too.
    await switchLanguage(page, 'ru');
    await page.goto(`${session.baseUrl}/logistics/shipments`);
    await expect.poll(() => shown(page.getByTestId('shipments-table')), SERVER_WAIT).toContain(shipment.blNumber);
    await page.getByTestId('shipments-status-filter').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Отменена' })
      .click();
    await expect
      .poll(() => shown(page.getByTestId(`shipment-row-${shipment.blNumber}`)), SERVER_WAIT)
      .toContain('Отменена');
    const statuses = await page
      .getByTestId('shipments-table')
      .locator('[data-status]')
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['cancelled']));
    await screenshot(page, 'shipments-list-cancelled-ru');
    await switchLanguage(page, 'zh-CN');
  });
});
