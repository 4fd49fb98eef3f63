import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOT_DIR, screenshot } from './browser.js';
import { REPO_ROOT } from './server.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** A server round trip and the page's refetch, on a slow machine. */
const SERVER_WAIT = { timeout: 20_000, interval: 100 };
const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
const TRADER_USCC = '91370281MA3DJ7K12H'; // jiaozhou-trading (trader@demo)
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const LIST_NUMBER = /HZ\d{14}/;
/** A form taller than the window would be covered by the sticky header in its screenshot. */
const HEADER_IN_FLOW = '.app-shell > .app-header.ant-layout-header { position: static !important; }';

const CONTAINER_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** An ISO 6346 container number with its check digit, from owner code + category (4 letters) and serial. */
function containerNumber(prefix: string, serial: string): string {
  // Letter values run from 10 upwards, skipping multiples of 11.
  const values = new Map<string, number>();
  let value = 10;
  for (const letter of CONTAINER_LETTERS) {
    if (value % 11 === 0) value += 1;
    values.set(letter, value);
    value += 1;
  }
  const code = `${prefix}${serial}`;
  const sum = [...code].reduce((acc, char, i) => acc + (values.get(char) ?? Number(char)) * 2 ** i, 0);
  return `${code}${(sum % 11) % 10}`;
}

/** Keeps a screenshot taken under test-output for the docs as well. */
function toDocs(name: string): void {
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(DOCS_SCREENSHOTS, `${name}.png`));
}

describe.skipIf(!runBrowserTests)('bonded account books in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage } = session;
  /** Shared by the steps below, which run in order: the book the officer opens, the stocktake filed. */
  let bookNumber = '';
  let bookPath = '';
  let stocktakeNumber = '';

  /**
   * Waits for every select dropdown to close. Under load a dropdown has been seen to stay open after
   * its option was taken (the click re-opened it): it is closed with Escape, as a user would.
   */
  async function dropdownsClosed(page: Page): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const closed = await expect
        .poll(() => page.locator(OPEN_DROPDOWN).count(), { timeout: 5_000, interval: 100 })
        .toBe(0)
        .then(
          () => true,
          () => false,
        );
      if (closed) return;
      if (attempt === 4) throw new Error('a select dropdown stays open');
      await page.keyboard.press('Escape');
    }
  }

  /**
   * Opens a select and clicks the option whose text starts with `option` (a multiple select is then
   * closed), then checks the select shows it. On a loaded machine a click can land while the dropdown
   * is still animating and be lost: the pick is tried again, up to three times, as a user would.
   */
  async function pick(page: Page, testId: string, option: string, multiple = false): Promise<void> {
    const select = page.getByTestId(testId);
    const startsWith = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    for (let attempt = 1; ; attempt += 1) {
      await select.click();
      const choice = page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`).filter({ hasText: startsWith }).first();
      const clicked = await choice.click({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (multiple || !clicked) await page.keyboard.press('Escape');
      await dropdownsClosed(page);
      if (clicked && (await shown(select)).includes(option)) return;
      if (attempt === 3) throw new Error(`could not pick "${option}" in ${testId}`);
    }
  }

  /** A country select holds every country: type to narrow it (the list is virtual), then pick. */
  async function pickCountry(page: Page, testId: string, country: string): Promise<void> {
    const select = page.getByTestId(testId);
    for (let attempt = 1; ; attempt += 1) {
      await select.click();
      await page.keyboard.type(country);
      const choice = page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`).filter({ hasText: country }).first();
      const clicked = await choice.click({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (!clicked) await page.keyboard.press('Escape');
      await dropdownsClosed(page);
      if (clicked && (await shown(select)).includes(country)) return;
      if (attempt === 3) throw new Error(`could not pick "${country}" in ${testId}`);
    }
  }

  /** Fills the import declaration of a direct sale into China; second quantities by line index. */
  async function fillDeclaration(page: Page, secondQuantities: Record<number, string>): Promise<void> {
    await page.getByTestId('list-foreign-name').fill('Almaty Trade LLP');
    for (const name of ['foreignCountry', 'tradeCountry', 'originCountry'])
      await pickCountry(page, `list-${name}`, 'Kazakhstan');
    for (const [index, quantity] of Object.entries(secondQuantities))
      await page.getByTestId(`list-second-quantity-${index}`).fill(quantity);
  }

  async function balance(page: Page, itemNo: number): Promise<string | null> {
    return page.getByTestId(`balance-${itemNo}`).getAttribute('data-value');
  }

  /** Fills the list form: kind and lines of [item number, quantity]. */
  async function fillList(page: Page, kind: string, lines: [number, string][]): Promise<void> {
    await pick(page, 'list-kind', kind);
    for (const [index, [itemNo, quantity]] of lines.entries()) {
      if (index > 0) await page.getByTestId('list-add-line').click();
      await pick(page, `list-item-${index}`, `${itemNo} · `);
      await page.getByTestId(`list-quantity-${index}`).fill(quantity);
    }
  }

  async function openBook(page: Page, language: 'en' | 'zh-CN' = 'en'): Promise<void> {
    await switchLanguage(page, language);
    await page.goto(`${session.baseUrl}${bookPath}`);
    await page.getByTestId('book-items').waitFor();
  }

  it('customs opens an account book for the trader’s enterprise', async () => {
    const page = await freshPage();
    await signIn(page, 'officer@demo');
    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/bonded`);
    await page.getByTestId('open-book').waitFor();
    expect(await shown(page.getByTestId('bonded-tab-books'))).toBe('Account books');
    expect(await page.getByTestId('bonded-tab-approvals').count()).toBe(1);

    await page.getByTestId('open-book-uscc').fill(TRADER_USCC);
    await page.keyboard.press('Escape');
    await page.getByTestId('open-book-site').fill('4227');
    await page.getByTestId('open-book-batch').click();
    await page.getByTestId('open-book-submit').click();

    // The demo may hold books of its own: the new one is the book of site 4227.
    const link = page.getByTestId('book-link').filter({ hasText: /^Z4227/ });
    await expect.poll(() => link.count(), SERVER_WAIT).toBe(1);
    bookNumber = await shown(link);
    expect(bookNumber).toMatch(/^Z4227\d{6}$/);
    const row = page.locator('tr', { has: link });
    expect(await shown(row)).toContain('Comprehensive bonded zone');
    expect(await shown(row)).toContain('Approved');
    await link.click();
    await page.getByTestId('book-view').waitFor();
    bookPath = new URL(page.url()).pathname;
    expect(bookPath).toMatch(/^\/bonded\/books\/[0-9a-f-]{36}$/);
    // Customs watches: no forms of the owner.
    expect(await page.getByTestId('add-items').count()).toBe(0);
    expect(await page.getByTestId('list-form').count()).toBe(0);
  });

  it('the trader records items, files a first-line entry and is refused a list that would go below zero', async () => {
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await openBook(page);
    expect(await shown(page.getByTestId('book-number'))).toBe(bookNumber);

    // Two items, the second with a decimal quantity later.
    await page.getByTestId('add-items').click();
    await page.getByTestId('new-item-hs-0').fill('8507600090');
    await page.getByTestId('new-item-name-0').fill('Lithium-ion cells');
    await page.getByTestId('new-item-unit-0').fill('个');
    await page.getByTestId('new-item-price-0').fill('80');
    await page.getByTestId('add-item-row').click();
    await page.getByTestId('new-item-hs-1').fill('7601109000');
    await page.getByTestId('new-item-name-1').fill('Aluminium ingots');
    // No unit: the server takes the line's legal unit (kg).
    await page.getByTestId('new-item-price-1').fill('2.35');
    await page.getByTestId('add-items-submit').click();
    await expect.poll(() => balance(page, 2), SERVER_WAIT).toBe('0');
    expect(await balance(page, 1)).toBe('0');

    // A first-line entry of both: posted, and the balances show it.
    await fillList(page, 'First-line entry', [
      [1, '1000'],
      [2, '2500.125'],
    ]);
    await page.getByTestId('list-submit').click();
    const outcome = page.getByTestId('list-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-status')).toBe('posted');
    expect(await shown(outcome)).toMatch(/^List HZ\d{14} posted$/);
    await expect.poll(() => balance(page, 1), SERVER_WAIT).toBe('1000');
    expect(await balance(page, 2)).toBe('2500.125');
    expect(await shown(page.getByTestId('balance-2'))).toBe('2,500.125');
    await expect.poll(() => page.locator('[data-testid^="list-row-"]').count(), SERVER_WAIT).toBe(1);

    // A second-line exit of more than the book holds: the line is named, nothing is posted.
    await fillList(page, 'Second-line exit', [
      [2, '100'],
      [1, '1200.5'],
    ]);
    // A sale into China carries its import declaration: the cells' line has a second unit (kg).
    await fillDeclaration(page, { 1: '60' });
    await page.getByTestId('list-submit').click();
    const form = page.getByTestId('list-form');
    await form.locator('.ant-alert-error').first().waitFor();
    expect(await shown(form.locator('.ant-alert-error').first())).toContain('The list was not posted');
    const lineError = page.getByTestId('list-line-1').locator('.ant-form-item-explain-error');
    await expect.poll(() => lineError.count(), SERVER_WAIT).toBe(1);
    expect(await shown(lineError)).toBe('insufficient balance: item 1 holds 1000, the list takes 1200.5');
    // The first line, which alone would fit, carries no error.
    expect(await page.getByTestId('list-line-0').locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await page.getByTestId('list-outcome').count()).toBe(0);
    await page.waitForTimeout(300);
    await form.screenshot({ path: path.join(SCREENSHOT_DIR, 'bonded-list-error-en.png'), style: HEADER_IN_FLOW });
    toDocs('bonded-list-error-en');
    // Nothing posted: the balances and the lists are as before.
    await page.reload();
    await page.getByTestId('book-items').waitFor();
    expect(await balance(page, 1)).toBe('1000');
    expect(await balance(page, 2)).toBe('2500.125');
    await expect.poll(() => page.locator('[data-testid^="list-row-"]').count(), SERVER_WAIT).toBe(1);

    // A stocktake shortfall waits for customs: the balance does not move yet.
    await fillList(page, 'Stocktake adjustment', [[1, '-0.5']]);
    await page.getByTestId('list-submit').click();
    await page.getByTestId('list-outcome').waitFor();
    expect(await page.getByTestId('list-outcome').getAttribute('data-status')).toBe('pending_approval');
    stocktakeNumber = LIST_NUMBER.exec(await shown(page.getByTestId('list-outcome')))?.[0] ?? '';
    expect(stocktakeNumber).not.toBe('');
    const stocktakeRow = page.getByTestId(`list-row-${stocktakeNumber}`);
    await stocktakeRow.waitFor();
    expect(await shown(stocktakeRow.getByTestId('list-status'))).toBe('Pending approval');
    expect(await balance(page, 1)).toBe('1000');
  });

  it('customs approves the stocktake', async () => {
    const page = await freshPage();
    await signIn(page, 'officer@demo');
    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/bonded/approvals`);
    const row = page.getByTestId(`approval-row-${stocktakeNumber}`);
    await row.waitFor();
    expect(await shown(row)).toContain('Stocktake adjustment');
    await expect.poll(() => shown(row), SERVER_WAIT).toContain(bookNumber);
    // The officer sees what is being approved: the one line, item 1 short by half a unit, in red.
    const lines = row.locator('[data-testid^="approval-line-"]');
    expect(await lines.count()).toBe(1);
    const line = row.getByTestId('approval-line-1');
    expect(await line.getAttribute('data-quantity')).toBe('-0.5');
    expect(await shown(line)).toMatch(/^Item 1\s+-0\.5$/);
    expect(await line.locator('.bonded-change.out').count()).toBe(1);
    await row.getByTestId('approval-approve').click();
    await expect.poll(() => row.count(), SERVER_WAIT).toBe(0);
  });

  it('the trader sees the approved balance and the item’s running balance', async () => {
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await openBook(page);
    expect(await balance(page, 1)).toBe('999.5');
    expect(await shown(page.getByTestId(`list-row-${stocktakeNumber}`).getByTestId('list-status'))).toBe('Posted');

    await page.getByTestId('item-row-1').click();
    const movements = page.getByTestId('movements-1');
    await movements.getByTestId('balance-chart').waitFor();
    await expect.poll(() => movements.locator('tbody tr.ant-table-row').count(), SERVER_WAIT).toBe(2);
    const rows = await movements.locator('tbody tr.ant-table-row').allInnerTexts();
    // Newest first: the stocktake shortfall, then the entry; the balance after each, exact.
    expect(rows[0]).toContain('-0.5');
    expect(rows[0]).toContain('999.5');
    expect(rows[1]).toContain('+1,000');
    expect(rows[1]).toMatch(/1,000\s*$/);
    expect(await movements.locator('canvas').count()).toBeGreaterThan(0);

    await switchLanguage(page, 'zh-CN');
    await expect.poll(() => shown(page.getByTestId('bonded-tab-books'))).toBe('电子账册');
    await expect.poll(() => shown(movements)).toContain('盘点调整');
    await screenshot(page, 'bonded-book-zh');
    toDocs('bonded-book-zh');
  });

  it('the trader releases a batch under the month’s consolidated declaration and issues a gate pass; customs records the passage', async () => {
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await openBook(page);
    await fillList(page, 'Second-line exit', [[2, '100']]);
    await page.getByTestId('list-batch-release').click();
    await page.getByTestId('list-submit').click();
    await page.getByTestId('list-outcome').waitFor();
    expect(await page.getByTestId('list-outcome').getAttribute('data-status')).toBe('posted');
    const exitNumber = LIST_NUMBER.exec(await shown(page.getByTestId('list-outcome')))?.[0] ?? '';
    await expect.poll(() => balance(page, 2), SERVER_WAIT).toBe('2400.125');
    // The book's lists mark the exit as a batch of a consolidated declaration.
    const exitRow = page.getByTestId(`list-row-${exitNumber}`);
    await expect.poll(() => exitRow.getByTestId('list-batch').count(), SERVER_WAIT).toBe(1);
    expect(await shown(exitRow.getByTestId('list-batch'))).toBe('Batch');

    // The batch joined the open consolidated declaration of the month.
    await page.getByTestId('bonded-tab-consolidations').click();
    const bookId = bookPath.split('/').pop() ?? '';
    const declaration = page.locator(`[data-testid^="consolidation-row-"][data-book="${bookId}"]`);
    await expect.poll(() => declaration.count(), SERVER_WAIT).toBe(1);
    // The book's number arrives with the books query, which may come after the row.
    await expect.poll(() => shown(declaration), SERVER_WAIT).toContain(bookNumber);
    expect(await shown(declaration)).toContain('Open');

    // A gate pass for the truck taking the goods out.
    await page.getByTestId('bonded-tab-gatePasses').click();
    await page.getByTestId('gate-pass-form').waitFor();
    await page.getByTestId('gate-pass-direction').getByText('Out of the zone').click();
    await page.getByTestId('gate-pass-plate').fill('鲁B12345');
    const container = containerNumber('MSCU', '123456');
    await page.getByTestId('gate-pass-containers').click();
    await page.keyboard.type(`${container},`);
    // The tags select stays open after typing; close it before the next select is opened.
    await page.keyboard.press('Escape');
    await dropdownsClosed(page);
    await pick(page, 'gate-pass-book', bookNumber);
    await pick(page, 'gate-pass-lists', exitNumber, true);
    await page.getByTestId('gate-pass-submit').click();
    const issued = page.locator('[data-testid^="gate-pass-row-"]', { hasText: container });
    await expect.poll(() => issued.count(), SERVER_WAIT).toBe(1);
    expect(await issued.getAttribute('data-status')).toBe('issued');
    expect(await shown(issued)).toContain(exitNumber);

    const officer = await freshPage();
    await signIn(officer, 'officer@demo');
    await switchLanguage(officer, 'en');
    await officer.goto(`${session.baseUrl}/bonded/gate-passes`);
    const row = officer.locator('[data-testid^="gate-pass-row-"]', { hasText: container });
    await expect.poll(() => row.count(), SERVER_WAIT).toBe(1);
    await row.getByTestId('gate-pass-record').click();
    await expect.poll(() => row.getAttribute('data-status'), SERVER_WAIT).toBe('passed');
    expect(await shown(row)).toContain('Passed the gate');
    await screenshot(officer, 'bonded-gate-passes-en');
  });

  it('the zone administration runs the ledger checker and every check passes', async () => {
    const page = await freshPage();
    await signIn(page, 'admin@demo');
    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/bonded/check`);
    await page.getByTestId('check-run').click();
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: SERVER_WAIT.timeout });
    expect(await summary.getAttribute('data-ok')).toBe('true');
    expect(await shown(summary)).toContain('All checks passed');
    const checks = page.locator('[data-testid^="check-row-"]');
    expect(await checks.count()).toBeGreaterThanOrEqual(7);
    for (const ok of await checks.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ok'))))
      expect(ok).toBe('true');
    expect(await shown(page.getByTestId('check-row-balances'))).toContain('OK');
    await screenshot(page, 'bonded-check-en');
    // The admin may not approve stocktakes: no such tab.
    expect(await page.getByTestId('bonded-tab-approvals').count()).toBe(0);
  });

  it('the trader transfers goods to the forwarder’s book; the forwarder accepts them onto its own item', async () => {
    // The forwarder's demo book in the bonded logistics centre (site QDLCB): its number, from its books list.
    const forwarder = await freshPage();
    await signIn(forwarder, 'forwarder@demo');
    await switchLanguage(forwarder, 'en');
    await forwarder.goto(`${session.baseUrl}/bonded`);
    const centreLink = forwarder.getByTestId('book-link').filter({ hasText: /^LQDLCB/ });
    await expect.poll(() => centreLink.count(), SERVER_WAIT).toBe(1);
    const centreNumber = await shown(centreLink);
    expect(centreNumber).toMatch(/^LQDLCB\d{6}$/);

    // The trader sends 25 of item 1 (8507600090, 个): the transfer-out posts, the goods are in transit.
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await openBook(page);
    expect(await balance(page, 1)).toBe('999.5');
    await page.getByTestId('transfer-to-book').fill(centreNumber);
    await pick(page, 'transfer-from-0', '1 · ');
    await page.getByTestId('transfer-quantity-0').fill('25');
    // The sender names only its own items: no receiving item in the form any more.
    expect(await page.getByTestId('transfer-form').locator('.ant-input-number').count()).toBe(0);
    await page.getByTestId('transfer-submit').click();
    const outcome = page.getByTestId('transfer-outcome');
    await outcome.waitFor({ timeout: SERVER_WAIT.timeout });
    expect(await outcome.getAttribute('data-status')).toBe('posted');
    const outcomeText = await shown(outcome);
    expect(outcomeText).toMatch(
      /^Transfer-out HZ\d{14} posted: the goods are in transit until the receiver accepts transfer-in HZ\d{14}$/,
    );
    const [outNumber = '', inNumber = ''] = outcomeText.match(/HZ\d{14}/g) ?? [];
    await expect.poll(() => balance(page, 1), SERVER_WAIT).toBe('974.5');
    const outRow = page.getByTestId(`list-row-${outNumber}`);
    await outRow.waitFor({ timeout: SERVER_WAIT.timeout });
    expect(await shown(outRow)).toContain('Transfer out');
    expect(await shown(outRow.getByTestId('list-status'))).toBe('Posted');

    // The forwarder's books list says a transfer waits and links to the receiving book.
    await forwarder.reload();
    const notice = forwarder.getByTestId('incoming-notice');
    await notice.waitFor({ timeout: SERVER_WAIT.timeout });
    const noticeLink = notice.getByTestId('incoming-notice-book').filter({ hasText: centreNumber });
    await expect.poll(() => noticeLink.count(), SERVER_WAIT).toBe(1);
    await noticeLink.click();
    await forwarder.getByTestId('book-items').waitFor();
    expect(await shown(forwarder.getByTestId('book-number'))).toBe(centreNumber);
    const before = Number(await balance(forwarder, 1));
    expect(Number.isFinite(before)).toBe(true);

    // The pending transfer: its number, the sender's line (item, commodity code, unit, quantity).
    const transfer = forwarder.getByTestId(`incoming-${inNumber}`);
    await transfer.waitFor({ timeout: SERVER_WAIT.timeout });
    expect(await shown(transfer.getByTestId('incoming-number'))).toBe(inNumber);
    expect(await transfer.locator('[data-testid^="incoming-line-"]').count()).toBe(1);
    const line = transfer.getByTestId('incoming-line-0');
    const lineText = await shown(line);
    expect(lineText).toMatch(/^1\s+8507600090\s+个\s+25\s/);
    expect(await line.getByTestId('incoming-quantity').getAttribute('data-value')).toBe('25');
    // Exactly one of the book's items has the same commodity code and unit: item 1, chosen already.
    const select = `incoming-item-${inNumber}-0`;
    expect(await shown(forwarder.getByTestId(select))).toMatch(/^1 · .*8507600090 · 个/);
    const card = forwarder.getByTestId('incoming-transfers');
    await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await forwarder.waitForTimeout(300);
    await card.screenshot({ path: path.join(SCREENSHOT_DIR, 'bonded-incoming-en.png') });
    toDocs('bonded-incoming-en');

    await pick(forwarder, select, '1 · ');
    await transfer.getByTestId('incoming-accept').click();
    // Decided: the transfer leaves the card, the goods enter item 1 and the transfer-in is posted.
    await expect.poll(() => transfer.count(), SERVER_WAIT).toBe(0);
    await expect.poll(async () => Number(await balance(forwarder, 1)), SERVER_WAIT).toBe(before + 25);
    const inRow = forwarder.getByTestId(`list-row-${inNumber}`);
    await expect.poll(() => inRow.count(), SERVER_WAIT).toBe(1);
    expect(await shown(inRow)).toContain('Transfer in');
    await expect.poll(() => shown(inRow.getByTestId('list-status')), SERVER_WAIT).toBe('Posted');
  });

  it('the trader reads and changes the consumption norms of its processing book', async () => {
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/bonded`);
    // The demo's processing book (site JZPROC) makes Li-ion cells (item 10) from aluminium and polyethylene.
    const link = page.getByTestId('book-link').filter({ hasText: 'JZPROC' });
    await expect.poll(() => link.count(), SERVER_WAIT).toBe(1);
    await link.click();
    const norms = page.getByTestId('norms');
    await norms.waitFor();
    const aluminium = page.getByTestId('norm-10-1');
    // 0.52 kg net at 4 % loss: 0.52 / 0.96 = 0.5416… → 0.542 kg per cell.
    await expect.poll(() => shown(aluminium.getByTestId('norm-unit-consumption')), SERVER_WAIT).toBe('0.542 kg');

    await page.getByTestId('norm-edit-10').click();
    await page.getByTestId('norm-loss-0').fill('0.05');
    await page.getByTestId('norm-submit').click();
    // 0.52 / 0.95 = 0.5473… → 0.548 kg.
    await expect.poll(() => shown(aluminium.getByTestId('norm-unit-consumption')), SERVER_WAIT).toBe('0.548 kg');
    await page.getByTestId('norm-loss-0').fill('1.2');
    await page.getByTestId('norm-submit').click();
    const lossError = page.getByTestId('norm-line-0').locator('.ant-form-item-explain-error');
    await expect.poll(() => lossError.count(), SERVER_WAIT).toBe(1);
    expect(await shown(lossError)).toBe('the loss rate is a fraction from 0 up to (not including) 1, e.g. 0.04');
    expect(await shown(aluminium.getByTestId('norm-unit-consumption'))).toBe('0.548 kg');
    await norms.screenshot({ path: path.join(SCREENSHOT_DIR, 'bonded-norms-en.png'), style: HEADER_IN_FLOW });
    toDocs('bonded-norms-en');
  });

  it('the trader sells aluminium into China: the list posts and its import declaration is filed with taxes', async () => {
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await openBook(page);
    const before = Number(await balance(page, 2));
    await fillList(page, 'Second-line exit', [[2, '10']]);
    await fillDeclaration(page, {});
    await page.getByTestId('list-submit').click();
    const outcome = page.getByTestId('list-outcome');
    await outcome.waitFor();
    expect(await shown(outcome)).toMatch(
      /^List HZ\d{14} posted; import declaration \d{18} filed, taxes [\d,]+\.\d{2} CNY$/,
    );
    await expect.poll(async () => Number(await balance(page, 2)), SERVER_WAIT).toBe(before - 10);
    const form = page.getByTestId('list-form');
    await page.waitForTimeout(300);
    await form.screenshot({ path: path.join(SCREENSHOT_DIR, 'bonded-declared-exit-en.png'), style: HEADER_IN_FLOW });
    toDocs('bonded-declared-exit-en');

    // A finished period without batches files with nothing to declare: the dialog only confirms.
    const bookId = bookPath.split('/').pop() ?? '';
    const opened = await page.evaluate(async (id) => {
      const response = await fetch('/api/bonded/consolidations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ bookId: id, periodFrom: '2026-01-01', periodTo: '2026-01-31' }),
      });
      return { status: response.status, body: await response.json() };
    }, bookId);
    expect(opened.status).toBe(201);
    await page.getByTestId('bonded-tab-consolidations').click();
    const row = page.getByTestId(`consolidation-row-${opened.body.number}`);
    await row.waitFor();
    await page.getByTestId(`file-consolidation-${opened.body.number}`).click();
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('file-consolidation') });
    await dialog.waitFor();
    expect(await dialog.getByTestId('file-declaration').count()).toBe(0);
    await dialog.getByRole('button', { name: 'File' }).click();
    await expect.poll(() => shown(row), SERVER_WAIT).toContain('Filed');
  });
});
