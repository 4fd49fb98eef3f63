import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './browser.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** An upload of a few hundred lines and its three-document matching, on a slow machine. */
const UPLOAD_WAIT = { timeout: 45_000, interval: 200 };
const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** GB 11643 check character of a resident ID number's first 17 digits. */
function checkChar(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(first17[i]), 0);
  return '10X98765432'[sum % 11]!;
}

/** A valid resident ID number for person n (Jiaozhou region). */
function residentId(n: number): string {
  const first17 = `370281${1960 + (Math.floor(n / 1000) % 40)}0101${String(n % 1000).padStart(3, '0')}`;
  return `${first17}${checkChar(first17)}`;
}

const N = 300;
const orders = Array.from({ length: N }, (_, i) => ({
  orderNo: `E2E${String(i).padStart(6, '0')}`,
  consumer: residentId(i + 20_000),
}));
// Three bad order lines: two unknown commodities and one broken ID check character.
const BAD_CODE = new Set([10, 150]);
const BAD_ID = 222;

function ordersCsv(orderDate: string): string {
  const header =
    'orderNo,mode,consumerId,orderDate,code,quantity,unit,unitPriceCny,freightCny,insuranceCny,originCountry';
  return [
    header,
    ...orders.map((o, i) => {
      const consumer = i === BAD_ID ? `${o.consumer.slice(0, 17)}${o.consumer[17] === '0' ? '1' : '0'}` : o.consumer;
      const code = BAD_CODE.has(i) ? '9999999999' : '1901101000';
      return [o.orderNo, '9610', consumer, orderDate, code, '0.9', '035', '200', '0', '0', 'NZ'].join(',');
    }),
  ].join('\n');
}
const paymentsCsv = () =>
  [
    'paymentNo,orderNo,payerId,amountCny',
    ...orders.map((o) => [`P${o.orderNo}`, o.orderNo, o.consumer, '180.00'].join(',')),
  ].join('\n');
const waybillsCsv = () =>
  ['waybillNo,orderNo,consigneeId', ...orders.map((o) => [`W${o.orderNo}`, o.orderNo, o.consumer].join(','))].join(
    '\n',
  );

describe.skipIf(!runBrowserTests)('cross-border e-commerce in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage } = session;

  async function count(page: Page, key: string): Promise<number> {
    return Number(await page.getByTestId(`ecommerce-count-${key}`).getAttribute('data-value'));
  }

  /** Picks the kind, gives the file to the page's file input, starts the upload and waits until it is done. */
  async function upload(page: Page, kindLabel: string, name: string, body: string): Promise<void> {
    await page.getByTestId('ecommerce-kind').click();
    await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: kindLabel }).first().click();
    await expect.poll(() => page.locator(OPEN_DROPDOWN).count(), UPLOAD_WAIT).toBe(0);
    await page.getByTestId('ecommerce-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });
    await expect.poll(() => shown(page.getByTestId('ecommerce-file-name'))).toContain(name);
    await page.getByTestId('ecommerce-start').click();
    await expect
      .poll(() => page.getByTestId('ecommerce-progress').getAttribute('data-phase'), UPLOAD_WAIT)
      .toMatch(/^(done|failed)$/);
    expect(await page.getByTestId('ecommerce-progress').getAttribute('data-phase')).toBe('done');
  }

  it('uploads payments, waybills and orders through the page, shows the counts, the error report and the released lists', async () => {
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/trade/ecommerce`);
    await page.getByTestId('ecommerce-upload').waitFor();
    expect(await shown(page.getByTestId('trade-tab-ecommerce'))).toBe('Cross-border e-commerce');

    await upload(page, 'Payments', 'payments.csv', paymentsCsv());
    expect(await count(page, 'accepted')).toBe(N);
    expect(await count(page, 'rejected')).toBe(0);
    expect(await page.getByTestId('ecommerce-error-report').count()).toBe(0);

    await upload(page, 'Waybills', 'waybills.csv', waybillsCsv());
    expect(await count(page, 'accepted')).toBe(N);

    const today = new Date().toISOString().slice(0, 10);
    await upload(page, 'Orders', 'orders.csv', ordersCsv(today));
    expect(await count(page, 'linesRead')).toBe(N);
    expect(await count(page, 'accepted')).toBe(N - 3);
    expect(await count(page, 'rejected')).toBe(3);
    // Risk sampling may hold a few for inspection; all the valid orders become lists, none rejected.
    const released = await count(page, 'listsReleased');
    expect(released + (await count(page, 'listsInspection'))).toBe(N - 3);
    expect(released).toBeGreaterThan(0);
    expect(await count(page, 'listsRejected')).toBe(0);
    const report = page.getByTestId('ecommerce-error-report');
    expect(await shown(report)).toContain('Download error report');
    expect(await report.getAttribute('href')).toMatch(/^\/api\/ecommerce\/uploads\/[0-9a-f-]{36}\/errors\.csv$/);

    // The retail import lists: released, with the consumer's ID number masked.
    const lists = page.getByTestId('ecommerce-lists');
    await expect.poll(() => lists.getByTestId('ecommerce-list-consumer').count(), UPLOAD_WAIT).toBeGreaterThan(0);
    const consumers = await lists.getByTestId('ecommerce-list-consumer').allInnerTexts();
    for (const consumer of consumers) expect(consumer).toMatch(/^\d{3}\*+[\dX]{4}$/);
    expect(await lists.getByTestId('ecommerce-list-status-tag').allInnerTexts()).toContain('Released');
    // The recent uploads table holds all three.
    await expect
      .poll(() => page.getByTestId('ecommerce-uploads').locator('tbody tr.ant-table-row').count(), UPLOAD_WAIT)
      .toBe(3);
    await screenshot(page, 'ecommerce-en');

    await switchLanguage(page, 'zh-CN');
    await expect.poll(() => shown(page.getByTestId('trade-tab-ecommerce'))).toBe('跨境电商');
    await expect.poll(() => shown(page.getByTestId('ecommerce-progress'))).toContain('上传完成');
    await expect.poll(() => lists.getByTestId('ecommerce-list-status-tag').allInnerTexts()).toContain('放行');
    await screenshot(page, 'ecommerce-zh-CN');
  });
});
