import type { APIResponse, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './browser.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** Data arrives through the API; on a loaded machine a first answer can take a few seconds. */
const POLL = { timeout: 15_000 };

interface Leg {
  departureId: string | null;
  from: string;
  to: string;
  mode: string;
  service: { code: string } | null;
}

interface ShipmentLeg {
  kind: 'trip' | 'transfer';
  from: { locode: string };
  service: { code: string } | null;
  plannedDeparture: string;
}

const PARTIES = {
  shipper: { name: 'Qingdao Silk Road Trading Co.', address: '88 Jiaozhou Bay Rd, Jiaozhou', country: 'CN' },
  consignee: { name: 'OOO Vostok Import', address: 'Leninsky pr. 10, Moscow', country: 'RU' },
};
const CARGO_LINES = [
  { hsCode: '8418102000', description: 'Household refrigerators', packages: 120, grossWeightKg: 9800 },
];

async function json<T>(response: APIResponse): Promise<T> {
  if (!response.ok()) throw new Error(`${response.status()} ${response.url()}: ${await response.text()}`);
  return (await response.json()) as T;
}

describe.skipIf(!runBrowserTests)('logistics operations in Chromium', () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage } = session;

  /** Plans and books through the API with the page's session (a forwarder books on its own services). */
  async function book(page: Page, to: string, containers: { number: string; sizeType: string }[], via?: string) {
    const count = containers.length;
    const search = {
      from: 'CNJZH',
      to,
      departAfter: new Date(Date.now() + 86_400_000).toISOString(),
      cargo: { containers: [{ sizeType: '45G1', count }] },
    };
    const plan = await json<{ itineraries: { legs: Leg[] }[] }>(
      await page.request.post(`${session.baseUrl}/api/logistics/routes/search`, { data: search }),
    );
    const chosen = plan.itineraries.find((itinerary) =>
      via
        ? itinerary.legs.some((leg) => leg.service?.code === via)
        : itinerary.legs.every((leg) => leg.mode === 'rail' || leg.mode === 'drayage'),
    );
    if (!chosen) throw new Error(`no itinerary to ${to}${via ? ` via ${via}` : ''}`);
    return json<{ id: string; legs: ShipmentLeg[] }>(
      await page.request.post(`${session.baseUrl}/api/logistics/shipments`, {
        data: {
          search,
          legs: chosen.legs.map((leg) => ({ departureId: leg.departureId, from: leg.from, to: leg.to })),
          parties: PARTIES,
          cargoLines: CARGO_LINES,
          containers,
        },
      }),
    );
  }

  /**
   * Traffic for the operations view: two boxes by rail to Moscow with terminal and departure events,
   * and one box by TIR truck to Almaty, which fills that run (2 TEU of 2).
   */
  async function seedTraffic(page: Page): Promise<void> {
    const rail = await book(page, 'RUSLT', [
      { number: 'CSQU3054383', sizeType: '45G1' },
      { number: 'MSKU9070323', sizeType: '45G1' },
    ]);
    await book(page, 'KZALA', [{ number: 'TGHU4935581', sizeType: '45G1' }], 'TIR-JZ-ALA');
    const trip = rail.legs.find((leg) => leg.kind === 'trip');
    if (!trip) throw new Error('the rail shipment has no trip leg');
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await json(
      await page.request.post(`${session.baseUrl}/api/logistics/tracking/events/batch`, {
        data: {
          events: [
            {
              eventId: 'e2e-ops-gtin-1',
              eventType: 'EQUIPMENT',
              eventClassifierCode: 'ACT',
              code: 'GTIN',
              eventDateTime: hoursAgo(3),
              locode: 'CNJZH',
              equipmentReference: 'CSQU3054383',
              remark: 'Gate 3, truck LU-B 7731',
            },
            {
              eventId: 'e2e-ops-load-1',
              eventType: 'EQUIPMENT',
              eventClassifierCode: 'ACT',
              code: 'LOAD',
              eventDateTime: hoursAgo(1),
              locode: 'CNJZH',
              equipmentReference: 'CSQU3054383',
            },
            {
              eventId: 'e2e-ops-gtin-2',
              eventType: 'EQUIPMENT',
              eventClassifierCode: 'ACT',
              code: 'GTIN',
              eventDateTime: hoursAgo(2),
              locode: 'CNJZH',
              equipmentReference: 'TGHU4935581',
            },
            {
              eventId: 'e2e-ops-depa-1',
              eventType: 'TRANSPORT',
              eventClassifierCode: 'EST',
              code: 'DEPA',
              eventDateTime: trip.plannedDeparture,
              locode: trip.from.locode,
              equipmentReference: 'CSQU3054383',
              serviceCode: trip.service?.code,
            },
          ],
        },
      }),
    );
  }

  async function chooseInSelect(page: Page, testId: string, search: string, optionText: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.keyboard.type(search);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: optionText })
      .first()
      .click();
  }

  function formItem(page: Page, testId: string) {
    return page.locator('.ant-form-item').filter({ has: page.getByTestId(testId) });
  }

  it('shows utilisation per departure and the live event feed to the operator, in zh-CN and en', async () => {
    // Proves the operator sees its departures with sold/capacity bars coloured by level (the full TIR run
    // is red), every segment of a run, the chart, and tracking events with their labels in two languages.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    await seedTraffic(page);
    await page.goto(`${session.baseUrl}/logistics`);
    await page.getByTestId('logistics-tab-operations').click();
    await page.waitForURL(/\/logistics\/operations$/);

    const table = page.getByTestId('departures-table');
    const rows = table.locator('tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    // Both bookings ride departures of the coming week (the rail one on several services).
    await expect
      .poll(async () => Number((await shown(page.getByTestId('kpi-shipments'))).replace(/\D/g, '')))
      .toBeGreaterThanOrEqual(2);
    await page.getByTestId('utilisation-chart').locator('canvas').waitFor();

    const feed = page.getByTestId('event-feed');
    await expect.poll(() => shown(feed), POLL).toContain('进场');
    const feedText = await shown(feed);
    expect(feedText).toContain('已装载');
    expect(feedText).toContain('已发车');
    expect(feedText).toContain('预计');
    expect(feedText).toContain('CSQU3054383');
    expect(feedText).toContain('胶州');

    // One service: the run booked full is red, and its segments run Jiaozhou → Khorgos → Almaty.
    await chooseInSelect(page, 'departures-service-filter', 'TIR-JZ-ALA', 'TIR-JZ-ALA');
    const full = rows.filter({ has: page.locator('[data-level="full"]') }).first();
    await full.waitFor();
    expect(await shown(full)).toContain('100%');
    expect(await shown(full)).toContain('2 / 2 标箱');
    await expect.poll(() => shown(page.locator('.chart-title')), POLL).toBe('TIR-JZ-ALA 近期开行');
    await full.locator('.ant-table-row-expand-icon').click();
    const segments = table.locator('[data-testid^="departure-segments-"]');
    await segments.waitFor();
    const segmentsText = await shown(segments);
    expect(segmentsText).toContain('霍尔果斯');
    expect(segmentsText).toContain('阿拉木图');
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-operations-service-zh-CN');
    await full.locator('.ant-table-row-expand-icon').click();
    await page.locator('.ant-select-clear').first().click({ force: true });
    await expect.poll(() => shown(page.locator('.chart-title')), POLL).toBe('近期开行利用率');
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-operations-zh-CN');

    await switchLanguage(page, 'en');
    await expect.poll(() => shown(feed), POLL).toContain('Gate-in');
    expect(await shown(feed)).toContain('Estimated');
    expect(await shown(page.getByTestId('logistics-operations'))).toContain('Utilisation per departure');
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-operations-en');

    await switchLanguage(page, 'ru');
    await expect.poll(() => shown(feed), POLL).toContain('Въезд на терминал');
    expect(await shown(feed)).toContain('Прогноз');
    await page.waitForTimeout(600);
    await screenshot(page, 'logistics-operations-ru');
    await switchLanguage(page, 'zh-CN');
  });

  it('publishes a service through the drawer, shows server field errors, suspends it and refuses a capacity cut', async () => {
    // Proves the publish form sends the timetable (offsets from days + hours), shows the server's 422 next
    // to the field, reports the generated departures, and that suspend and capacity changes reach the server.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    await page.goto(`${session.baseUrl}/logistics/operations`);
    await page.getByTestId('publish-service-open').click();
    const form = page.getByTestId('publish-service-form');
    await form.waitFor();

    // The code of an existing service: the server's "duplicate" lands next to the code field.
    await page.getByTestId('publish-code').fill('tir-jz-ala');
    await page.getByTestId('publish-mode-road').click();
    await page.getByTestId('publish-name-zh').fill('公路快线 胶州—阿拉木图');
    await page.getByTestId('publish-name-en').fill('Road express Jiaozhou – Almaty');
    await page.getByTestId('publish-name-ru').fill('Автоэкспресс Цзяочжоу – Алматы');
    await page.getByTestId('publish-capacity').fill('4');
    await page.getByTestId('publish-call-0-tariff').fill('26000');
    await page.getByTestId('publish-call-0-distance').fill('4980');
    await chooseInSelect(page, 'publish-call-1-locode', 'Almaty', 'KZALA');
    await expect.poll(() => shown(page.getByTestId('publish-call-1-locode')), POLL).toContain('KZALA');
    await page.getByTestId('publish-call-1-arrival-days').fill('6');
    await page.getByTestId('publish-call-1-arrival-hours').fill('8');
    await expect.poll(() => shown(formItem(page, 'publish-call-1-arrival-days')), POLL).toContain('第 7 天 16:00');
    expect(await shown(formItem(page, 'publish-emission-class'))).toContain('公路货车');
    expect(await shown(formItem(page, 'publish-capacity'))).toContain('标箱');

    await page.getByTestId('publish-submit').click();
    await expect
      .poll(() => shown(formItem(page, 'publish-code').locator('.ant-form-item-explain')), POLL)
      .toContain('重复');

    await page.getByTestId('publish-code').fill('E2E-JZ-ALA');
    await page.waitForTimeout(300);
    await screenshot(page, 'logistics-publish-drawer-zh-CN', { fullPage: false });
    await page.getByTestId('publish-submit').click();
    const result = page.getByTestId('publish-service-result');
    await expect.poll(() => shown(result), POLL).toMatch(/E2E-JZ-ALA 已发布[\s\S]*已生成 \d+ 次开行/);
    await page.getByTestId('publish-close').click();

    // The new service is listed, in service, and managed by its operator.
    await page.getByTestId('logistics-tab-services').click();
    await page.waitForURL(/\/logistics\/services$/);
    const status = page.getByTestId('service-status-E2E-JZ-ALA');
    await expect.poll(() => shown(status), POLL).toBe('运营中');
    expect(await shown(page.getByTestId('services-table'))).toContain('公路快线 胶州—阿拉木图');
    await page.getByTestId('service-manage-E2E-JZ-ALA').click();
    await page.getByRole('menuitem', { name: '暂停' }).click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => shown(status), POLL).toBe('已暂停');
    await screenshot(page, 'logistics-services-manage-zh-CN');
    await page.getByTestId('service-manage-E2E-JZ-ALA').click();
    await page.getByRole('menuitem', { name: '恢复' }).waitFor();
    await page.keyboard.press('Escape');
    // Let that menu finish closing: while it animates out, its items would match the next menu's.
    await expect.poll(() => page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').count(), POLL).toBe(0);

    // TIR-JZ-ALA has a run sold out by a booking: cutting its capacity below that is refused (409).
    await book(page, 'KZALA', [{ number: 'TCNU1234565', sizeType: '45G1' }], 'TIR-JZ-ALA');
    await expect.poll(() => page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').count(), POLL).toBe(0);
    await page.getByTestId('service-manage-TIR-JZ-ALA').click();
    await page.getByRole('menuitem', { name: '调整运力' }).click();
    const modal = page.getByTestId('capacity-modal');
    await modal.waitFor();
    await page.getByTestId('capacity-input').fill('1');
    await page.getByTestId('capacity-submit').click();
    await expect.poll(() => shown(modal), POLL).toMatch(/已售舱位超过新运力/);
    await screenshot(page, 'logistics-capacity-refused-zh-CN', { fullPage: false });
  });

  it('shows the customs officer every operator’s departures, without the operator’s actions', async () => {
    // Proves the authorities' view: departures of services they do not operate, and no publish or manage.
    const page = await freshPage();
    await signIn(page, 'officer@demo');
    await page.goto(`${session.baseUrl}/logistics/operations`);
    const rows = page.getByTestId('departures-table').locator('tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    expect(await shown(rows.first())).toMatch(/[A-Z]+-[A-Z]+/);
    expect(await page.getByTestId('publish-service-open').count()).toBe(0);
    await chooseInSelect(page, 'departures-service-filter', 'KTZ-DSK-MOW', 'KTZ-DSK-MOW');
    await expect.poll(() => shown(rows.first()), POLL).toContain('KTZ-DSK-MOW');
    expect(await shown(page.getByTestId('logistics-operations'))).toContain('示范区全部班次的最新事件');

    await page.getByTestId('logistics-tab-services').click();
    await page.getByTestId('services-table').locator('tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid^="service-manage-"]').count()).toBe(0);

    // A trader has no operations tab, and the address itself explains instead of failing.
    const trader = await freshPage();
    await signIn(trader, 'trader@demo');
    await trader.goto(`${session.baseUrl}/logistics`);
    await trader.getByTestId('logistics-tab-planner').waitFor();
    expect(await trader.getByTestId('logistics-tab-operations').count()).toBe(0);
    await trader.goto(`${session.baseUrl}/logistics/operations`);
    await trader.locator('.ant-result-403').waitFor();
  });
});
