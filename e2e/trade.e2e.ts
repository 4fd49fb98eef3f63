import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './browser.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** A server round trip, or the form's half-second preview debounce and its answer. */
const SERVER_WAIT = { timeout: 15_000, interval: 100 };
/** The declaration and shipment pages refresh every 5 s; the customs release reaches the shipment through the
 * event dispatcher, asynchronously. Allow several rounds on a slow machine. */
const REFRESH_WAIT = { timeout: 45_000, interval: 250 };
const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

interface ApiShipment {
  id: string;
  blNumber: string;
  status: string;
  origin: { locode: string };
  destination: { locode: string };
}

describe.skipIf(!runBrowserTests)('trade centre in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage, apiCall, cookieHeader } = session;

  /** Waits until no Ant Design select popup is open (or closing), so the next click lands where it is aimed. */
  async function dropdownsClosed(page: Page): Promise<void> {
    await expect.poll(() => page.locator(OPEN_DROPDOWN).count(), SERVER_WAIT).toBe(0);
  }

  /** Opens a select, optionally types into its search, and clicks the option holding `option`. */
  async function pick(page: Page, testId: string, option: string, search?: string): Promise<void> {
    await page.getByTestId(testId).click();
    if (search) await page.keyboard.type(search);
    await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: option }).first().click();
    await dropdownsClosed(page);
  }

  /**
   * Random sampling sends a share of declarations to inspection whatever the rules say (1.5 % for the demo
   * trader's class). The tests switch it off, so the channel is the one the rules give.
   */
  async function withoutSampling(officer: Page): Promise<void> {
    const settings = await apiCall<{ seed: string }>(officer, 'GET', '/api/trade/risk-settings');
    const zero = {
      advanced_certified: '0',
      certified: '0',
      regular: '0',
      discredited: '0',
      seriously_discredited: '0',
    };
    await apiCall(officer, 'PUT', '/api/trade/risk-settings', {
      policy: { ratesByClass: zero, aeoPartnerRate: '0' },
      seed: settings.seed,
    });
  }

  /** One of the trader's demo shipments not under way yet, on the rail corridor from Jiaozhou. */
  async function bookedShipment(page: Page): Promise<ApiShipment> {
    const { items } = await apiCall<{ items: ApiShipment[] }>(page, 'GET', '/api/logistics/shipments?limit=50');
    const found = items.find(
      (s) => s.status === 'booked' && s.origin.locode === 'CNJZH' && /^(RU|KZ|UZ|KG|BY)/.test(s.destination.locode),
    );
    if (!found) throw new Error('the demo trader has no booked shipment from Jiaozhou');
    return found;
  }

  it('files a Li-ion battery export on a demo shipment, is told the missing dangerous-goods documents, and customs releases it onto the shipment', async () => {
    // Proves the flow end to end: classification search → legal units → live preview with the fast-lane
    // checklist → the 422 naming the missing documents → adding them → submission in the document-review
    // channel → the officer's queue (in Russian) → release → release note → the shipment's CUSTOMS RELS milestone.
    const officer = await freshPage();
    await signIn(officer, 'officer@demo');
    await withoutSampling(officer);
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await switchLanguage(page, 'en');
    const shipment = await bookedShipment(page);

    await page.goto(`${session.baseUrl}/trade`);
    await page.getByTestId('declarations-new').click();
    await page.waitForURL(/\/trade\/new$/);
    await page.getByTestId('declaration-form').waitFor();
    expect(await shown(page.getByTestId('tax-preview'))).toContain('Fill in the header');

    // The bill of lading brings its ports, the partner's country and the rail mode with it.
    await pick(page, 'form-bl', shipment.blNumber, shipment.blNumber);
    await expect
      .poll(() => shown(page.getByTestId('form-discharge-port')), SERVER_WAIT)
      .toContain(shipment.destination.locode);
    expect(await shown(page.getByTestId('form-loading-port'))).toContain('CNJZH');
    await expect.poll(() => shown(page.getByTestId('form-transport-mode')), SERVER_WAIT).toContain('Rail');
    expect(await shown(page.getByTestId('form-trade-country'))).toContain(shipment.destination.locode.slice(0, 2));
    await page.getByTestId('form-party-name').fill('OOO Vostok Trade Import');
    await expect.poll(() => shown(page.getByTestId('form-rate')), SERVER_WAIT).toMatch(/1 USD = [\d.]+ CNY/);

    // Words in English find the line; picking it fills the legal units (pieces and kilograms).
    await page.getByTestId('item-code-0').click();
    await page.keyboard.type('lithium battery');
    const option = page.locator(`${OPEN_DROPDOWN} [data-testid="tariff-option-8507600090"]`);
    await option.waitFor();
    expect(await shown(option)).toContain('lithium');
    await option.click();
    await dropdownsClosed(page);
    await expect.poll(() => shown(page.getByTestId('item-units-0')), SERVER_WAIT).toContain('piece (007)');
    expect(await shown(page.getByTestId('item-units-0'))).toContain('kilogram (035)');
    expect(await shown(page.getByTestId('item-units-0'))).toContain('lithium');
    expect(await shown(page.getByTestId('item-unit1-0'))).toContain('piece');
    expect(await shown(page.getByTestId('item-unit2-0'))).toContain('kilogram');
    await page.getByTestId('item-description-0').fill('Li-ion battery packs, 280 Ah, for energy storage');
    await page.getByTestId('item-quantity1-0').fill('120');
    await page.getByTestId('item-quantity2-0').fill('3600');
    await page.getByTestId('item-price-0').fill('180000');

    await page.getByTestId('document-reference-0').fill('INV-2026-0042');
    await page.getByTestId('document-add').click();
    await pick(page, 'document-kind-1', 'Safety data sheet');
    await page.getByTestId('document-reference-1').fill('SDS-LB-280');

    // The live preview: customs value at the month's rate, the rebate, and the checklist with two missing documents.
    const preview = page.getByTestId('tax-preview');
    await expect.poll(() => page.getByTestId('dg-sds').getAttribute('data-present'), SERVER_WAIT).toBe('true');
    expect(await shown(page.getByTestId('dg-missing-un38_3_summary'))).toContain('UN38.3 test summary missing');
    expect(await shown(page.getByTestId('dg-missing-dg_packaging_certificate'))).toContain(
      'Dangerous-goods packaging certificate missing',
    );
    expect(await shown(page.getByTestId('preview-customs-value'))).toMatch(/^[\d,]+\.\d{2} CNY$/);
    expect(await shown(preview)).toContain('Export VAT rebate');
    expect(await shown(preview)).toContain('Li-ion batteries');
    await expect.poll(() => page.getByTestId('preview-state').getAttribute('data-updating'), SERVER_WAIT).toBe('false');
    await screenshot(page, 'trade-form-preview-en');

    // Submitting anyway: the server's 422 names each missing document, in the UI language.
    await page.getByTestId('declaration-submit').click();
    const submitError = page.getByTestId('submit-error');
    await submitError.waitFor(SERVER_WAIT);
    expect(await shown(submitError)).toContain('Dangerous-goods documents are missing');
    expect(await shown(submitError)).toContain('a document is missing: UN38.3 test summary');
    expect(page.url()).toMatch(/\/trade\/new$/);
    await submitError.scrollIntoViewIfNeeded();
    await screenshot(page, 'trade-form-missing-documents-en', { fullPage: false });

    // The checklist adds a row of the missing kind; the user types its reference.
    await page.getByTestId('dg-add-un38_3_summary').click();
    await page.getByTestId('document-reference-2').fill('UN383-2026-118');
    await page.getByTestId('dg-add-dg_packaging_certificate').click();
    await page.getByTestId('document-reference-3').fill('DGP-370200-2026-55');
    await page.getByTestId('dg-complete').waitFor(SERVER_WAIT);
    await expect.poll(() => submitError.count()).toBe(0);

    await page.getByTestId('declaration-submit').click();
    await page.waitForURL(/\/trade\/declarations\/[0-9a-f-]{36}$/, SERVER_WAIT);
    const declarationId = page.url().split('/').pop() ?? '';
    const numberCell = page.getByTestId('declaration-number');
    await numberCell.waitFor();
    const number = await shown(numberCell);
    expect(number).toMatch(/^\d{18}$/);
    expect(await page.getByTestId('declaration-channel').getAttribute('data-channel')).toBe('document_review');
    expect(await shown(page.getByTestId('declaration-channel'))).toBe('Document review');
    expect(await shown(page.getByTestId('declaration-status'))).toBe('Submitted');
    expect(await shown(page.getByTestId('risk-reasons'))).toContain('850760');
    expect(await shown(page.getByTestId('declaration-fast-lane'))).toBe('Li-ion batteries');
    expect(await shown(page.getByTestId('declaration-bl'))).toBe(shipment.blNumber);
    expect(await page.getByTestId('dg-complete').count()).toBe(1);
    expect(await shown(page.getByTestId('clearance-steps'))).toContain('Review');
    await screenshot(page, 'trade-declaration-submitted-en');

    // The officer finds it at the head of the queue — here in Russian.
    await officer.goto(`${session.baseUrl}/trade/queue`);
    await switchLanguage(officer, 'ru');
    const row = officer.getByTestId(`declaration-row-${number}`);
    await row.waitFor(SERVER_WAIT);
    await expect.poll(() => shown(row), SERVER_WAIT).toContain('Проверка документов');
    expect(await shown(row)).toContain('Литий-ионные батареи');
    expect(await shown(row)).toContain('Экспорт');
    // The fast lane goes first: the demo's own open declarations (a bonded sale into China) queue behind it.
    const first = officer.getByTestId('trade-queue').locator('[data-testid^="declaration-row-"]').first();
    expect(await first.getAttribute('data-testid')).toBe(`declaration-row-${number}`);
    expect(await shown(officer.getByTestId('trade-queue'))).toMatch(/Очередь \(\d+\)/);
    await officer.getByTestId('trade-queue').getByText('Время от подачи до выпуска').waitFor();
    await screenshot(officer, 'trade-queue-ru');

    await row.click();
    await officer.waitForURL(new RegExp(`/trade/declarations/${declarationId}$`));
    await officer.getByTestId('officer-actions').waitFor();
    expect(await shown(officer.getByTestId('officer-release'))).toContain('Выпустить');
    await officer.getByTestId('officer-note').fill('UN38.3 summary and packaging certificate checked.');
    await officer.getByTestId('officer-release').click();
    await expect
      .poll(() => officer.getByTestId('declaration-status').getAttribute('data-status'), SERVER_WAIT)
      .toBe('released');
    expect(await shown(officer.getByTestId('declaration-status'))).toBe('Выпущена');
    const note = officer.getByTestId('release-note');
    await note.waitFor();
    expect(await shown(note)).toContain(`RN${number}`);
    expect(await officer.getByTestId('officer-actions').count()).toBe(0);
    expect(await shown(officer.getByTestId('declaration-timeline'))).toContain('UN38.3 summary and packaging');
    await screenshot(officer, 'trade-declaration-released-ru');
    await switchLanguage(officer, 'zh-CN');
    await expect.poll(() => shown(officer.getByTestId('declaration-status')), SERVER_WAIT).toBe('已放行');
    expect(await shown(officer.getByTestId('clearance-steps'))).toContain('放行');
    await screenshot(officer, 'trade-declaration-released-zh-CN');

    // The trader's page shows the release within a refresh, with the release note and its verification link.
    await page.getByTestId('release-note').waitFor(REFRESH_WAIT);
    const pdfHref = await page.getByTestId('release-note-pdf').getAttribute('href');
    expect(pdfHref).toBe(`/api/trade/declarations/${declarationId}/release-note.pdf`);
    expect(await page.getByTestId('release-note-verify').getAttribute('href')).toMatch(/^\/verify\/[A-Za-z0-9_-]+$/);
    const pdf = await fetch(`${session.baseUrl}${pdfHref}`, { headers: { cookie: await cookieHeader(page) } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(await shown(page.getByTestId('declaration-status'))).toBe('Released');

    // The release became the shipment's CUSTOMS RELS milestone (through the event dispatcher).
    await page.getByTestId('declaration-bl').click();
    await page.waitForURL(new RegExp(`/logistics/shipments/${shipment.id}$`));
    const milestone = page.locator(`[data-event-id="customs-release-${declarationId}"]`);
    await milestone.waitFor(REFRESH_WAIT);
    expect(await shown(milestone)).toContain('Released');
    expect(await shown(milestone)).toContain(number);
    await screenshot(page, 'trade-shipment-customs-released-en');
    await switchLanguage(page, 'zh-CN');
  });

  it('lets an officer keep the risk rules and sampling rates, and shows the fast-lane board', async () => {
    // Proves the rule editor's drawer changes its fields with the kind, a new rule is saved and can be switched
    // off in place, the sampling rates show as percentages, and the board groups the fast lane by category.
    const page = await freshPage();
    await signIn(page, 'officer@demo');
    await withoutSampling(page);
    const trader = await freshPage();
    await signIn(trader, 'trader@demo');
    const shipment = await bookedShipment(trader);
    const base = {
      supervisionMode: '0110',
      foreignParty: { name: 'TOO Almaty Solar', country: 'KZ' },
      tradeCountry: 'KZ',
      currency: 'USD',
    };
    // Scene: a PV export (fast lane, no documents needed) and a Li-ion export left open for the officer.
    await apiCall(trader, 'POST', '/api/trade/declarations', {
      ...base,
      direction: 'export',
      transportMode: '3',
      termsOfSale: 'FOB',
      loadingPort: 'CNJZH',
      dischargePort: 'KZALA',
      items: [
        {
          code: '8541430000',
          description: 'Monocrystalline PV modules 550 W',
          quantities: [
            { amount: '2000', unit: '017' },
            { amount: '56000', unit: '035' },
          ],
          priceAmount: '140000',
          originCountry: 'CN',
        },
      ],
    });
    const open = await apiCall<{ number: string }>(trader, 'POST', '/api/trade/declarations', {
      ...base,
      direction: 'export',
      transportMode: '3',
      termsOfSale: 'FOB',
      loadingPort: 'CNJZH',
      dischargePort: shipment.destination.locode,
      items: [
        {
          code: '8507600090',
          description: 'Li-ion cells for e-bikes',
          quantities: [
            { amount: '500', unit: '007' },
            { amount: '900', unit: '035' },
          ],
          priceAmount: '30000',
          originCountry: 'CN',
        },
      ],
      documents: [
        { kind: 'un38_3_summary', reference: 'UN-77' },
        { kind: 'sds', reference: 'SDS-77' },
        { kind: 'dg_packaging_certificate', reference: 'DGP-77' },
      ],
    });

    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/trade`);
    // Officers see the queue and the rules, and no "new declaration" tab.
    await page.getByTestId('trade-tab-queue').waitFor();
    expect(await page.getByTestId('trade-tab-new').count()).toBe(0);
    await page.getByTestId('trade-tab-rules').click();
    await page.waitForURL(/\/trade\/rules$/);
    const table = page.getByTestId('rules-table');
    await expect.poll(() => shown(table), SERVER_WAIT).toContain('Lithium-ion batteries');
    expect(await shown(table)).toContain('850760');
    // Sampling rates are edited as percentages and stored as exact fractions.
    await expect.poll(() => page.getByTestId('sampling-regular').inputValue(), SERVER_WAIT).toBe('0');
    await page.getByTestId('sampling-regular').fill('2.5');
    await page.getByTestId('sampling-discredited').fill('80');
    await page.getByTestId('sampling-save').click();
    await expect
      .poll(
        async () =>
          (await apiCall<{ policy: { ratesByClass: Record<string, string> } }>(page, 'GET', '/api/trade/risk-settings'))
            .policy.ratesByClass,
        SERVER_WAIT,
      )
      .toMatchObject({ regular: '0.025', discredited: '0.8' });
    await screenshot(page, 'trade-rules-en');

    // A new rule: the drawer shows the fields of the chosen kind.
    await page.getByTestId('rule-new').click();
    const drawer = page.getByTestId('rule-drawer');
    await drawer.waitFor();
    await page.getByTestId('rule-prefixes').waitFor();
    await page.getByTestId('rule-name').fill('Imports originating in North Korea');
    await pick(page, 'rule-kind', 'Country of origin');
    await page.getByTestId('rule-countries').waitFor();
    expect(await page.getByTestId('rule-prefixes').count()).toBe(0);
    await page.getByTestId('rule-countries').click();
    await page.keyboard.type('PRK');
    await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: '(KP)' }).click();
    await page.keyboard.press('Escape');
    await dropdownsClosed(page);
    await drawer.getByText('Imports', { exact: true }).click();
    await page.getByTestId('rule-channel').getByText('Inspection').click();
    await screenshot(page, 'trade-rule-drawer-en', { fullPage: false });
    await page.getByTestId('rule-save').click();
    const newRow = page.getByTestId('rule-row-origin');
    await newRow.waitFor(SERVER_WAIT);
    expect(await shown(newRow)).toContain('KP');
    expect(await shown(newRow)).toContain('Inspection');
    // Switched off in place: the server keeps it, inactive.
    const active = newRow.locator('button[role="switch"]');
    expect(await active.getAttribute('aria-checked')).toBe('true');
    await active.click();
    await expect.poll(() => active.getAttribute('aria-checked'), SERVER_WAIT).toBe('false');
    await expect.poll(() => shown(newRow), SERVER_WAIT).toContain('v2');

    // Customs see every enterprise's declarations.
    await page.getByTestId('trade-tab-declarations').click();
    await page.waitForURL(/\/trade$/);
    await page.getByTestId(`declaration-row-${open.number}`).waitFor(SERVER_WAIT);
    expect(await shown(page.getByTestId('declarations-table'))).toContain('Jiaozhou SCO International Trading');
    await screenshot(page, 'trade-declarations-officer-en');

    // The fast-lane board: the released Li-ion export of the first test, the open one, and the PV export.
    await page.getByTestId('trade-tab-fastLane').click();
    await page.waitForURL(/\/trade\/fast-lane$/);
    const liIon = page.getByTestId('board-column-li_ion_battery');
    await expect.poll(() => liIon.locator('.board-card').count(), SERVER_WAIT).toBeGreaterThanOrEqual(1);
    await expect.poll(() => page.getByTestId('board-column-pv').locator('.board-card').count(), SERVER_WAIT).toBe(1);
    expect(await shown(liIon)).toMatch(/Within target|On target/);
    await screenshot(page, 'trade-fast-lane-en');

    // The same board in Chinese; then the queue with its statistics.
    await switchLanguage(page, 'zh-CN');
    await expect.poll(() => shown(page.getByTestId('board-column-pv')), SERVER_WAIT).toContain('光伏产品');
    expect(await shown(page.getByTestId('fast-lane-board'))).toContain('快速通道待处理');
    await screenshot(page, 'trade-fast-lane-zh-CN');
    await page.getByTestId('trade-tab-queue').click();
    await page.waitForURL(/\/trade\/queue$/);
    const openRow = page.getByTestId(`declaration-row-${open.number}`);
    await openRow.waitFor(SERVER_WAIT);
    expect(await shown(openRow)).toContain('单证审核');
    await page.getByTestId('clearance-chart').locator('canvas').waitFor(SERVER_WAIT);
    await page.waitForTimeout(500);
    await screenshot(page, 'trade-queue-zh-CN');
  });

  it('searches the tariff in three languages, pre-classifies goods and asks customs for a binding ruling', async () => {
    // Proves the tariff search shows the matched terms, a line opens with every rate column, pre-classification
    // gives candidates with reasons, and a trader's ruling request reaches the officer, who grants it.
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await switchLanguage(page, 'zh-CN');
    await page.goto(`${session.baseUrl}/trade/tariff`);
    const search = page.getByTestId('tariff-search').locator('input');
    await search.fill('锂电池');
    await search.press('Enter');
    const hit = page.getByTestId('tariff-hit-8507600090');
    await hit.waitFor(SERVER_WAIT);
    expect(await shown(hit)).toContain('锂电池');
    await hit.click();
    const drawer = page.getByTestId('tariff-drawer');
    await expect.poll(() => shown(drawer.getByTestId('tariff-rates')), SERVER_WAIT).toContain('最惠国税率');
    expect(await shown(drawer.getByTestId('tariff-rates'))).toContain('10%');
    expect(await shown(drawer.getByTestId('tariff-units'))).toContain('个 (007)');
    await screenshot(page, 'trade-tariff-line-zh-CN', { fullPage: false });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A Russian query finds the same line.
    await search.fill('литиевые аккумуляторы');
    await search.press('Enter');
    await expect.poll(() => shown(page.getByTestId('tariff-hits')), SERVER_WAIT).toContain('8507600090');

    await page
      .getByTestId('classify-description')
      .fill('Lithium-ion battery packs for electric buses, 280 Ah, in steel cases');
    await page.getByTestId('classify-submit').click();
    const candidate = page.getByTestId('candidate-8507600090');
    await candidate.waitFor(SERVER_WAIT);
    expect(await shown(candidate)).toContain('lithium');
    await page.getByTestId('ruling-request').click();
    const rulings = page.getByTestId('rulings');
    await expect.poll(() => shown(rulings), SERVER_WAIT).toContain('已申请');
    expect(await shown(rulings)).toContain('8507600090');
    await screenshot(page, 'trade-tariff-zh-CN');

    // The officer decides it.
    const officer = await freshPage();
    await signIn(officer, 'officer@demo');
    await switchLanguage(officer, 'zh-CN');
    await officer.goto(`${session.baseUrl}/trade/tariff`);
    const requested = officer.getByTestId('ruling-row-requested');
    await requested.waitFor(SERVER_WAIT);
    await requested.locator('[data-testid^="ruling-decide-"]').click();
    await officer.getByTestId('ruling-reason').fill('Heading 8507: lithium-ion accumulators; GIR 1 and 6.');
    expect(await shown(officer.getByTestId('ruling-code'))).toContain('8507600090');
    await officer.getByTestId('ruling-decide-ok').click();
    await officer.getByTestId('ruling-row-granted').waitFor(SERVER_WAIT);
    expect(await shown(officer.getByTestId('ruling-row-granted'))).toContain('GIR 1 and 6');
    await screenshot(officer, 'trade-rulings-officer-zh-CN');

    // An import is taxed line by line: the duty column and why, consumption tax on the wine, VAT; the trader pays.
    const imported = await apiCall<{ id: string; number: string }>(page, 'POST', '/api/trade/declarations', {
      direction: 'import',
      supervisionMode: '0110',
      transportMode: '2',
      termsOfSale: 'CIF',
      loadingPort: 'DEHAM',
      dischargePort: 'CNTAO',
      foreignParty: { name: 'Hanse Auto und Wein GmbH', country: 'DE' },
      tradeCountry: 'DE',
      currency: 'EUR',
      items: [
        {
          code: '8703800000',
          description: 'Battery electric SUVs',
          quantities: [
            { amount: '2', unit: '003' },
            { amount: '4200', unit: '035' },
          ],
          priceAmount: '60000',
          originCountry: 'DE',
          licences: [{ code: '7', number: 'AIL-2026-0815' }],
        },
        {
          code: '2204210000',
          description: 'Riesling, 0.75 L bottles',
          quantities: [
            { amount: '450', unit: '095' },
            { amount: '780', unit: '035' },
          ],
          priceAmount: '4200',
          originCountry: 'DE',
        },
      ],
    });
    await page.goto(`${session.baseUrl}/trade/declarations/${imported.id}`);
    const bill = page.getByTestId('tax-bill');
    await bill.waitFor(SERVER_WAIT);
    expect(await shown(page.getByTestId('duty-column-0'))).toBe('最惠国税率');
    expect(await shown(page.getByTestId('duty-reason-0'))).toContain('MFN');
    expect(await shown(page.getByTestId('tax-line-1'))).toContain('消费税');
    expect(await shown(page.getByTestId('tax-total'))).toMatch(/^[\d,]+\.\d{2} CNY$/);
    await page.getByTestId('pay').click();
    await expect
      .poll(() => page.getByTestId('declaration-payment').getAttribute('data-payment'), SERVER_WAIT)
      .toBe('paid');
    expect(await page.getByTestId('pay').count()).toBe(0);
    await screenshot(page, 'trade-declaration-import-zh-CN');

    // The trader sees the decision; the declarations tab lists the enterprise's declarations and guarantee line.
    await page.goto(`${session.baseUrl}/trade/tariff`);
    await page.getByTestId('ruling-row-granted').waitFor(SERVER_WAIT);
    await page.getByTestId('trade-tab-declarations').click();
    await page.waitForURL(/\/trade$/);
    await expect.poll(() => shown(page.getByTestId('guarantees')), SERVER_WAIT).toContain('GT');
    const importRow = page.getByTestId(`declaration-row-${imported.number}`);
    await importRow.waitFor(SERVER_WAIT);
    expect(await shown(importRow)).toContain('已缴纳');
    await screenshot(page, 'trade-declarations-zh-CN');
  });
});
