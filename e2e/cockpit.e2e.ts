import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOT_DIR, screenshot } from './browser.js';
import { REPO_ROOT } from './server.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** The aggregates fill as the dispatcher delivers the demo's events after start-up; allow a slow machine. */
const SERVER_WAIT = { timeout: 45_000, interval: 250 };
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

/** Keeps a screenshot taken under test-output for the docs as well. */
function toDocs(name: string): void {
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(DOCS_SCREENSHOTS, `${name}.png`));
}

/** The previous calendar quarter in zone time (UTC+8), as the server computes it. */
function lastQuarter(now: Date): { from: string; to: string } {
  const zone = new Date(now.getTime() + 8 * 3_600_000);
  const index = zone.getUTCFullYear() * 12 + zone.getUTCMonth();
  const start = index - (index % 3) - 3;
  const month = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  return { from: month(start), to: month(start + 2) };
}

interface ApiIndicators {
  period: { from: string; to: string };
  trade: { byCountry: { country: string; importFen: number; exportFen: number; declarations: number }[] };
}

describe.skipIf(!runBrowserTests)('zone cockpit in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage, apiCall } = session;

  async function openCockpit(page: Page): Promise<void> {
    await page.goto(`${session.baseUrl}/cockpit`);
    // Figures appear once the subscribers have processed the demo's declarations.
    await expect
      .poll(
        async () =>
          (await shown(page.getByTestId('cockpit-countries'))).includes('KZ') ||
          (await page.getByTestId('drill-country-KZ').count()) > 0,
        SERVER_WAIT,
      )
      .toBe(true);
  }

  it('admin@demo opens the cockpit in Russian, filters to last quarter, drills into trade with Kazakhstan and exports the XLSX', async () => {
    // Proves the flow: live figures from the aggregates, the period filter, the drill-down to the
    // declarations behind "trade with Kazakhstan" (the same as the API's), and an XLSX matching the API.
    const page = await freshPage();
    await signIn(page, 'admin@demo');
    await switchLanguage(page, 'ru');
    await openCockpit(page);

    const quarter = lastQuarter(new Date());
    await page.getByTestId('cockpit-period').getByText('Прошлый квартал').click();
    await expect
      .poll(() => shown(page.getByTestId('cockpit-period-label')), SERVER_WAIT)
      .toBe(`Месяцы ${quarter.from} – ${quarter.to}`);
    const api = await apiCall<ApiIndicators>(page, 'GET', '/api/cockpit/indicators?period=last_quarter');
    const kz = api.trade.byCountry.find((r) => r.country === 'KZ');
    expect(kz?.declarations).toBeGreaterThan(0);

    await page.getByTestId('drill-country-KZ').click();
    const drill = page.getByTestId('cockpit-drill');
    await expect.poll(() => shown(drill.locator('.ant-card-head-title')), SERVER_WAIT).toContain('Казахстан');
    const rows = drill.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), SERVER_WAIT).toBe(Math.min(20, kz!.declarations));
    for (const text of await rows.allInnerTexts()) expect(text).toContain('KZ');
    await page.waitForTimeout(800); // the map and charts finish drawing
    await screenshot(page, 'cockpit-ru');
    toDocs('cockpit-ru');
    await drill.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cockpit-drill-ru.png') });
    toDocs('cockpit-drill-ru');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cockpit-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`cockpit-${quarter.from}-${quarter.to}.xlsx`);
    const file = path.join(os.tmpdir(), `cockpit-e2e-${process.pid}.xlsx`);
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    fs.rmSync(file, { force: true });
    const sheet = workbook.getWorksheet('Торговля по странам');
    expect(sheet).toBeDefined();
    const byCountry = new Map<string, number>();
    sheet!.eachRow((row, n) => {
      if (n > 1) byCountry.set(String(row.getCell(1).value), Math.round(Number(row.getCell(3).value) * 100));
    });
    expect(byCountry.get('KZ')).toBe(kz!.exportFen);
    expect(workbook.getWorksheet('Меры')?.rowCount).toBe(22);
  });

  it('shows the plan table and the measures tracker in Chinese and English', async () => {
    // Proves the indicator table (with the platform-computed trade total) and the 21 measures render in two more languages.
    const page = await freshPage();
    await signIn(page, 'admin@demo');
    await switchLanguage(page, 'zh-CN');
    await openCockpit(page);
    await expect.poll(() => shown(page.getByTestId('cockpit-plan')), SERVER_WAIT).toContain('进出口总额');
    expect(await shown(page.getByTestId('cockpit-measures'))).toContain('省发展改革委');
    await page.waitForTimeout(800);
    await screenshot(page, 'cockpit-zh-CN-full');
    toDocs('cockpit-zh-CN-full');
    await switchLanguage(page, 'en');
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cockpit-overview-en.png') });
    toDocs('cockpit-overview-en');
    await page.getByTestId('chart-trade-month').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cockpit-charts-en.png') });
    toDocs('cockpit-charts-en');
    await expect
      .poll(() => shown(page.getByTestId('cockpit-measures')), SERVER_WAIT)
      .toContain('Provincial Department of Commerce');
    await page.getByTestId('cockpit-plan').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cockpit-plan-en.png') });
    toDocs('cockpit-plan-en');
  });
});
