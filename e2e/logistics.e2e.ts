import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './browser.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();

describe.skipIf(!runBrowserTests)('logistics centre in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage } = session;

  /** Picks a place in one of the planner's searchable location selects by typing part of its name or code. */
  async function chooseLocation(page: Page, testId: 'planner-from' | 'planner-to', search: string, locode: string) {
    await page.getByTestId(testId).click();
    await page.keyboard.type(search);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: locode })
      .click();
    await expect.poll(() => shown(page.getByTestId(testId))).toContain(locode);
  }

  async function openPlanner(page: Page): Promise<void> {
    await page.goto(`${session.baseUrl}/logistics`);
    await page.getByTestId('planner-form').waitFor();
  }

  /** Jiaozhou (the default origin) → Selyatino near Moscow, for the given number of 40′ high cubes. */
  async function planToMoscow(page: Page, count: number): Promise<void> {
    await chooseLocation(page, 'planner-to', 'Selyatino', 'RUSLT');
    expect(await shown(page.getByTestId('planner-from'))).toContain('CNJZH');
    await page.getByTestId('planner-count-0').fill(String(count));
    await page.getByTestId('planner-submit').click();
  }

  function resultRows(page: Page) {
    return page.getByTestId('itinerary-table').locator('tr.ant-table-row');
  }

  it('plans Jiaozhou → Moscow by rail and shows the options, their legs, the chart and the map', async () => {
    // Proves the planner sends a real search, the table shows exact costs and modes, the legs include
    // the gauge-change transshipment at the border, and the chart and map draw — in zh-CN, en and ru.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    await openPlanner(page);
    expect(await shown(page.getByTestId('planner-size-type-0'))).toContain('45G1');
    await planToMoscow(page, 2);

    await expect.poll(() => shown(page.getByTestId('planner-results-title'))).toMatch(/^线路方案（\d+）$/);
    expect(await resultRows(page).count()).toBeGreaterThanOrEqual(1);
    const first = resultRows(page).first();
    await first.locator('[data-mode="rail"]').first().waitFor();
    expect(await shown(first.locator('[data-mode="rail"]').first())).toContain('铁路');
    // The cost is the server's decimal string with grouped digits, e.g. "203,600.00 CNY".
    expect(await shown(first.getByTestId('itinerary-cost'))).toMatch(/^\d{1,3}(,\d{3})+\.\d{2} CNY$/);
    expect(await page.getByTestId('badge-fastest').count()).toBe(1);
    expect(await page.getByTestId('badge-cheapest').count()).toBe(1);

    await first.locator('.ant-table-row-expand-icon').click();
    const legs = page.getByTestId('itinerary-legs-0');
    await legs.waitFor();
    const legsText = await shown(legs);
    expect(legsText).toContain('口岸换装');
    expect(legsText).toMatch(/1435 → 1520/);
    expect(legsText).toContain('谢利亚季诺');

    await page.getByTestId('itinerary-chart').locator('canvas').waitFor();
    const map = page.getByTestId('world-map').locator('canvas').first();
    await map.waitFor();
    expect((await map.boundingBox())?.width ?? 0).toBeGreaterThan(300);
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-planner-zh-CN');

    // Switching the language asks again, so service names come back in the new language.
    await switchLanguage(page, 'en');
    await expect.poll(() => shown(page.getByTestId('planner-results-title'))).toMatch(/^Route options \(\d+\)$/);
    await resultRows(page).first().locator('.ant-table-row-expand-icon').click();
    await expect.poll(() => shown(page.getByTestId('itinerary-legs-0'))).toContain('Border transshipment');
    expect(await shown(page.getByTestId('itinerary-legs-0'))).toContain('Selyatino');
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-planner-en');

    // The same plan, run again in Russian.
    await switchLanguage(page, 'ru');
    await page.getByTestId('planner-submit').click();
    await expect.poll(() => shown(page.getByTestId('planner-results-title'))).toMatch(/^Варианты маршрута \(\d+\)$/);
    expect(await shown(resultRows(page).first())).toContain('Ж/д');
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-planner-ru');
    await switchLanguage(page, 'zh-CN');
  });

  it('explains in the UI language why lithium batteries find no route to Moscow', async () => {
    // Proves dangerous goods reach the planner and an empty answer shows the server's localised reason.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    await openPlanner(page);
    await page.getByTestId('planner-dg').click();
    await page.getByTestId('planner-un-number').fill('3480');
    await page.getByTestId('planner-dg-class').click();
    await page.keyboard.type('9');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="9"]')
      .click();
    await planToMoscow(page, 2);
    await expect.poll(() => shown(page.getByTestId('planner-empty-reason'))).toBe('该通道上没有接受此类危险品的班次');
    expect(await shown(page.getByTestId('planner-results-title'))).toBe('未找到线路');
    await screenshot(page, 'logistics-empty-zh-CN');

    await switchLanguage(page, 'en');
    await expect
      .poll(() => shown(page.getByTestId('planner-empty-reason')))
      .toBe('No service on this corridor accepts this dangerous-goods class');
    await screenshot(page, 'logistics-empty-en');
    await switchLanguage(page, 'zh-CN');
  });

  it("shows the server's field errors on the planner form and plans air cargo by weight", async () => {
    // Proves a 422 lands next to the field it is about, and the weight mode plans on the air network.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    await openPlanner(page);
    await chooseLocation(page, 'planner-to', '胶州', 'CNJZH');
    await page.getByTestId('planner-submit').click();
    const toItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('planner-to') });
    await expect.poll(() => shown(toItem.locator('.ant-form-item-explain'))).toBe('目的地不能与起运地相同');

    await page.getByTestId('planner-cargo-mode').getByText('航空货物').click();
    await expect.poll(() => shown(page.getByTestId('planner-from'))).toContain('CNQJD');
    await chooseLocation(page, 'planner-to', 'Almaty', 'KZALA');
    await page.getByTestId('planner-weight').fill('1200');
    await page.getByTestId('planner-submit').click();
    await expect.poll(() => shown(page.getByTestId('planner-results-title'))).toMatch(/^线路方案/);
    expect(await shown(resultRows(page).first())).toContain('航空');
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-air-zh-CN');
  });

  it('lists the published services and opens a timetable with its calls', async () => {
    // Proves the services table shows localised weekdays and capacity, and the drawer the calls by name.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    await page.goto(`${session.baseUrl}/logistics`);
    await page.getByTestId('logistics-tab-services').click();
    await page.waitForURL(/\/logistics\/services$/);
    const table = page.getByTestId('services-table');
    await expect.poll(() => shown(table)).toContain('QL-JZ-ALK');
    const tableText = await shown(table);
    expect(tableText).toContain('每天');
    expect(tableText).toContain('100 标箱');
    await screenshot(page, 'logistics-services-zh-CN');

    await page.getByTestId('service-calls-KTZ-DSK-MOW').click();
    const drawer = page.getByTestId('service-drawer');
    await expect.poll(() => shown(drawer)).toContain('KZAST');
    const drawerText = await shown(drawer);
    expect(drawerText).toContain('多斯特克');
    expect(drawerText).toContain('第 2 天 20:00');
    expect(drawerText).toContain('9,000.00 CNY');
    await screenshot(page, 'logistics-service-drawer-zh-CN');
    await page.keyboard.press('Escape');

    await switchLanguage(page, 'en');
    await expect.poll(() => shown(table)).toContain('Daily');
    await screenshot(page, 'logistics-services-en');
    await page.getByTestId('service-calls-KTZ-DSK-MOW').click();
    await expect.poll(() => shown(drawer)).toContain('day 2 20:00');
    expect(await shown(drawer)).toContain('Dostyk');
    await screenshot(page, 'logistics-service-drawer-en');
    await page.keyboard.press('Escape');
    await switchLanguage(page, 'zh-CN');
  });
});
