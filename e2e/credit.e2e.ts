import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOT_DIR, screenshot } from './browser.js';
import { REPO_ROOT } from './server.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** A server round trip and the page's refetch (and the event dispatcher's next pass), on a slow machine. */
const SERVER_WAIT = { timeout: 20_000, interval: 100 };
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
const FORWARDER_USCC = '91370281MA3EL2R82Q'; // silkroad-logistics (forwarder@demo)
const TRADER_USCC = '91370281MA3DJ7K12H'; // jiaozhou-trading (trader@demo)
/** A Jiaozhou code whose GB 32100 check character is wrong (the right one is 5): the admin must confirm it. */
const BAD_CHECK_USCC = '91370281MA3P4W7K2X';

/** Keeps a screenshot taken under test-output for the docs as well. */
function toDocs(name: string): void {
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(DOCS_SCREENSHOTS, `${name}.png`));
}

describe.skipIf(!runBrowserTests)('enterprise registry and credit grade in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage, apiCall } = session;

  // trader@demo sees its own grade with every factor, in English and Chinese; another enterprise's grade is "not found".
  it('shows the trader its own grade and factors, and nobody else’s', async () => {
    const admin = await freshPage();
    await signIn(admin, 'admin@demo');
    const enterprises = await apiCall<{ items: { id: string; uscc: string }[] }>(admin, 'GET', '/api/enterprises');
    const forwarder = enterprises.items.find((e) => e.uscc === FORWARDER_USCC)!;

    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await switchLanguage(page, 'en');
    await page.getByTestId('nav').getByText('Credit grade').click();
    await page.getByTestId('credit-grade-letter').waitFor();
    // The demo enterprises are graded from their activation event once the dispatcher has run.
    await expect.poll(() => shown(page.getByTestId('credit-grade')), SERVER_WAIT).toMatch(/Computed/);
    expect(await shown(page.getByTestId('credit-grade-letter'))).toMatch(/^[ABCD]$/);
    expect(await shown(page.getByTestId('credit-score'))).toMatch(/Score: \d+ \/ 100/);
    const factors = await shown(page.getByTestId('credit-factors'));
    for (const name of ['Base score', 'Release record', 'Inspection findings', 'Overdue consolidated declarations']) {
      expect(factors).toContain(name);
    }
    expect(await shown(page.getByTestId('factor-base'))).toContain('+80');
    await page.getByTestId('credit-chart').locator('canvas').first().waitFor();
    await screenshot(page, 'credit-trader-en');
    toDocs('credit-trader-en');

    await switchLanguage(page, 'zh-CN');
    await expect.poll(() => shown(page.getByTestId('credit-factors')), SERVER_WAIT).toContain('基础分');
    await screenshot(page, 'credit-trader-zh');
    toDocs('credit-trader-zh');

    // The registry shows the trader only its own enterprise, whose profile it may edit.
    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/registry`);
    await page.getByTestId(`edit-profile-${TRADER_USCC}`).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('Products (10-digit commodity codes)').waitFor();
    await screenshot(page, 'credit-profile-en', { fullPage: false });
    toDocs('credit-profile-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    expect(await page.locator('[data-testid^="enterprise-row-"]').count()).toBe(1);

    // Another enterprise's grade: the same answer as an id that does not exist.
    await page.goto(`${session.baseUrl}/credit/${forwarder.id}`);
    await page.getByTestId('credit-not-found').waitFor();
    expect(await page.getByTestId('credit-grade-letter').count()).toBe(0);
    await expect(apiCall(page, 'GET', `/api/credit/enterprises/${forwarder.id}`)).rejects.toThrow(/404/);
  });

  // The zone admin approves an application whose USCC fails its check: only after ticking the confirmation.
  it('lets the admin approve an application with the USCC confirmation', async () => {
    const trader = await freshPage();
    await signIn(trader, 'trader@demo');
    const filed = await apiCall<{ id: string; warnings: unknown[] }>(trader, 'POST', '/api/registry/applications', {
      uscc: BAD_CHECK_USCC,
      customsCode: '3702960K11',
      names: {
        'zh-CN': '胶州欧亚冷链物流有限公司',
        en: 'Jiaozhou Eurasia Cold Chain Co., Ltd.',
        ru: 'ООО «Цзяочжоу Евразия холодовая цепь»',
      },
      countryCode: 'CN',
      city: 'Jiaozhou',
      kinds: ['forwarder', 'warehouse'],
      bondedSites: ['QD-JZ-BLC'],
      profile: {
        products: ['0303890090'],
        markets: ['KZ', 'UZ'],
        certifications: [{ kind: 'HACCP', number: null, validUntil: null }],
      },
      customsCreditTier: 'regular',
      aeoMraCountries: [],
    });
    expect(filed.warnings).toHaveLength(1);

    const page = await freshPage();
    await signIn(page, 'admin@demo');
    await switchLanguage(page, 'en');
    await page.goto(`${session.baseUrl}/registry/applications`);
    const row = page.getByTestId(`application-row-${BAD_CHECK_USCC}`);
    await row.waitFor();
    expect(await shown(row)).toContain('check character fails');
    await page.getByTestId(`approve-${BAD_CHECK_USCC}`).click();
    const ok = page.getByTestId('decision-ok');
    await ok.waitFor();
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('confirm-uscc').click();
    await expect.poll(() => ok.isDisabled(), SERVER_WAIT).toBe(false);
    await screenshot(page, 'credit-approve-en', { fullPage: false });
    toDocs('credit-approve-en');
    await ok.click();
    await row.waitFor({ state: 'detached' });

    // The enterprise is in the registry, active, and gets its first grade from the activation event.
    await switchLanguage(page, 'ru');
    await page.goto(`${session.baseUrl}/registry`);
    const enterprise = page.getByTestId(`enterprise-row-${BAD_CHECK_USCC}`);
    await enterprise.waitFor();
    await expect.poll(() => shown(enterprise), SERVER_WAIT).toMatch(/B · 80/);
    await screenshot(page, 'credit-registry-ru');
    toDocs('credit-registry-ru');

    await page.getByTestId(`credit-link-${BAD_CHECK_USCC}`).click();
    await page.getByTestId('credit-grade-letter').waitFor();
    expect(await shown(page.getByTestId('credit-grade-letter'))).toBe('B');

    // The supervisors' overview: every grade, worst first, and the repair queue.
    await page.goto(`${session.baseUrl}/credit`);
    await page.getByTestId('repairs').waitFor();
    await expect.poll(() => page.locator('[data-testid^="grade-tag-"]').count(), SERVER_WAIT).toBeGreaterThanOrEqual(9);
    await screenshot(page, 'credit-overview-ru');
    toDocs('credit-overview-ru');
  });
});
