import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './browser.js';
import { browserSession, shown } from './session.js';

/** What each demo login must see: its role on the home page, and which restricted menu items it gets. */
const ROLES = [
  // The demo trader and forwarder administer their enterprise's users, so they see Users too.
  { email: 'trader@demo', name: '王丽 Wang Li', role: '进出口企业', cockpit: false, users: true, card: 'enterprise' },
  {
    email: 'forwarder@demo',
    name: '李强 Li Qiang',
    role: '货运代理',
    cockpit: false,
    users: true,
    card: 'enterprise',
  },
  { email: 'officer@demo', name: '张伟 Zhang Wei', role: '海关关员', cockpit: true, users: false, card: 'authority' },
  { email: 'bank@demo', name: '陈静 Chen Jing', role: '银行业务员', cockpit: false, users: false, card: 'enterprise' },
  { email: 'admin@demo', name: '刘洋 Liu Yang', role: '示范区管理员', cockpit: true, users: true, card: 'authority' },
] as const;

const CENTRES = [
  {
    // The logistics centre opens on its route planner; what it will offer is on its overview tab.
    path: '/logistics/overview',
    zh: '区域物流中心',
    en: 'Regional logistics centre',
    feature: { zh: '全程“一单制”', en: 'One through bill of lading' },
  },
  {
    // The trade centre opens on its declarations; what it will offer is on its overview tab.
    path: '/trade/overview',
    zh: '现代贸易中心',
    en: 'Modern trade centre',
    feature: { zh: '单一窗口申报', en: 'Single-window declarations' },
  },
  {
    path: '/investment',
    zh: '双向投资合作中心',
    en: 'Two-way investment centre',
    feature: { zh: '贸易贷款', en: 'Trade loans' },
  },
  {
    path: '/exchange',
    zh: '商旅文交流发展中心',
    en: 'Commerce, tourism & culture exchange centre',
    feature: { zh: '友好城市', en: 'Partner cities' },
  },
] as const;

const runBrowserTests = chromiumAvailable();

describe.skipIf(!runBrowserTests)('web client in Chromium', () => {
  const session = browserSession();
  const { freshPage, openLogin, signIn, switchLanguage, navText } = session;

  it('shows the sign-in page in Chinese by default and switches its language', async () => {
    // Proves the default language is zh-CN, the product is named and described, and the switch re-renders.
    const page = await freshPage();
    await openLogin(page);
    await expect.poll(() => shown(page.getByTestId('product-name'))).toBe('上合经贸综合服务平台');
    expect(await shown(page.getByTestId('product-description'))).toContain('上合组织');
    expect(await shown(page.getByTestId('login-submit'))).toMatch(/登\s*录/);
    await screenshot(page, 'login-zh-CN');

    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => shown(page.getByTestId('product-name'))).toBe('SCO Trade Hub');
    expect(await shown(page.getByTestId('login-submit'))).toBe('Sign in');
    await screenshot(page, 'login-en');

    await page.getByTestId('language-switch').getByText('Русский').click();
    await expect.poll(() => shown(page.getByTestId('product-name'))).toBe('Торгово-экономическая платформа ШОС');
    await screenshot(page, 'login-ru');
  });

  it("shows the server's localised error for a wrong password", async () => {
    // Proves the client sends Accept-Language and shows the problem document's title, not its own text.
    const page = await freshPage();
    await openLogin(page);
    await page.getByTestId('login-email').fill('admin@demo');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => shown(page.getByTestId('login-error'))).toContain('邮箱或密码不正确');
    await screenshot(page, 'login-error-zh-CN');

    await page.getByTestId('language-switch').getByText('Русский').click();
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => shown(page.getByTestId('login-error')))
      .toContain('Неверный адрес электронной почты или пароль');
    expect(page.url()).toContain('/login');
  });

  for (const account of ROLES) {
    it(`signs in as ${account.email} and shows that role's home and menu`, async () => {
      // Proves each role lands on its own home page with the right card, and role-restricted menu items.
      const page = await freshPage();
      await signIn(page, account.email);
      expect(await shown(page.getByTestId('greeting'))).toContain(account.name);
      expect(await shown(page.getByTestId('current-role'))).toBe(account.role);
      expect(await shown(page.getByTestId('home-role'))).toContain(account.role);
      await page.getByTestId(`${account.card}-card`).waitFor();

      const nav = await navText(page);
      for (const always of [
        '首页',
        '区域物流中心',
        '现代贸易中心',
        '双向投资合作中心',
        '商旅文交流发展中心',
        'API 密钥',
        '审计日志',
      ]) {
        expect(nav).toContain(always);
      }
      expect(nav.includes('驾驶舱')).toBe(account.cockpit);
      expect(nav.includes('用户管理')).toBe(account.users);

      // Recent events come from the API (the demo seed registers enterprises and books shipments),
      // each named in the UI language rather than by its raw type.
      await expect
        .poll(() => shown(page.getByTestId('recent-events')))
        .toMatch(/企业完成注册|企业已入驻|信用等级变化|运单已订舱|运单节点|运单状态变更|单证已签发|运单存在风险/);
      expect(await shown(page.getByTestId('recent-events'))).not.toMatch(
        /\b(registry|logistics|credit|trade|bonded)\.[a-z_]+/,
      );
      await screenshot(page, `home-${account.email.split('@')[0]}-zh-CN`);

      if (!account.cockpit) {
        // Typing the address of a page the role may not open explains instead of showing it.
        await page.goto(`${session.baseUrl}/cockpit`);
        await expect.poll(() => shown(page.locator('.ant-result-title'))).toBe('无权访问');
      }
    });
  }

  it('switches zh-CN → English → Russian, keeps the choice on reload and saves it to the profile', async () => {
    // Proves menu labels follow the language, localStorage keeps it across reloads and the server remembers it.
    const page = await freshPage();
    await signIn(page, 'forwarder@demo');
    expect(await navText(page)).toContain('区域物流中心');

    await switchLanguage(page, 'en');
    await expect.poll(() => navText(page)).toContain('Logistics centre');
    expect(await navText(page)).not.toContain('区域物流中心');
    expect(await shown(page.getByTestId('current-role'))).toBe('Freight forwarder');
    await screenshot(page, 'home-forwarder-en');

    await switchLanguage(page, 'ru');
    await expect.poll(() => navText(page)).toContain('Логистический центр');
    expect(await shown(page.getByTestId('greeting'))).toContain('Здравствуйте');
    await screenshot(page, 'home-forwarder-ru');

    await page.reload();
    await page.getByTestId('nav').waitFor();
    expect(await navText(page)).toContain('Логистический центр');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');

    // A new browser has no localStorage: the language must come from the saved profile on sign-in.
    const other = await freshPage();
    await signIn(other, 'forwarder@demo');
    await expect.poll(() => navText(other)).toContain('Логистический центр');

    await switchLanguage(other, 'zh-CN');
    await expect.poll(() => navText(other)).toContain('区域物流中心');
  });

  it('draws the locations map and lists every location', async () => {
    // Proves the bundled world map renders to a canvas and the table holds the full reference set.
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await page.goto(`${session.baseUrl}/reference/locations`);
    const canvas = page.getByTestId('world-map').locator('canvas').first();
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(400);
    expect(box?.height ?? 0).toBeGreaterThan(300);

    const totalText = await shown(page.getByTestId('locations-total'));
    const total = Number(totalText.replace(/\D+/g, ''));
    expect(total).toBeGreaterThanOrEqual(90);
    expect(await shown(page.getByTestId('locations-table'))).toContain('阿拉山口');
    await page.waitForTimeout(500);
    await screenshot(page, 'reference-map-zh-CN');

    // Filtering narrows the table; names are searched in every language.
    await page.getByTestId('location-search').fill('Khorgos');
    await expect
      .poll(async () => Number((await shown(page.getByTestId('locations-total'))).replace(/\D+/g, '')))
      .toBeLessThan(total);
    expect(await shown(page.getByTestId('locations-table'))).toContain('霍尔果斯');
    await page.getByTestId('location-search').fill('');

    await switchLanguage(page, 'en');
    await expect.poll(() => shown(page.getByTestId('locations-total'))).toBe(`${total} in total`);
    expect(await shown(page.getByTestId('locations-table'))).toContain('Alashankou');
    await page.getByTestId('world-map').locator('canvas').first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'reference-map-en');
    await switchLanguage(page, 'zh-CN');
  });

  it('shows what each centre will offer, in Chinese and in English', async () => {
    // Proves every centre page names itself and lists concrete upcoming services in both languages.
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    for (const language of ['zh-CN', 'en'] as const) {
      if (language === 'en') await switchLanguage(page, 'en');
      for (const centre of CENTRES) {
        await page.goto(`${session.baseUrl}${centre.path}`);
        const heading = page.locator('.page-header-title');
        await expect.poll(() => shown(heading)).toBe(language === 'en' ? centre.en : centre.zh);
        const body = await shown(page.locator('.page'));
        expect(body).toContain(language === 'en' ? centre.feature.en : centre.feature.zh);
        expect(body).toContain(language === 'en' ? 'Coming next' : '即将上线');
        expect(body).not.toMatch(/TODO/i);
        await screenshot(page, `centre${centre.path.replaceAll('/', '-')}-${language}`);
      }
    }
    await switchLanguage(page, 'zh-CN');
  });

  it('shows the cockpit with real figures to the zone administrator', async () => {
    // Proves the cockpit counts come from the API (8 demo enterprises, ≥ 90 locations) and its charts draw.
    const page = await freshPage();
    await signIn(page, 'admin@demo');
    await page.goto(`${session.baseUrl}/cockpit`);
    await expect.poll(() => shown(page.getByTestId('kpi-enterprises').locator('.ant-statistic-content'))).toBe('8');
    const locations = Number(
      (await shown(page.getByTestId('kpi-locations').locator('.ant-statistic-content'))).replace(/\D+/g, ''),
    );
    expect(locations).toBeGreaterThanOrEqual(90);
    await page.getByTestId('chart-by-kind').locator('canvas').waitFor();
    await page.getByTestId('chart-by-country').locator('canvas').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'cockpit-zh-CN');
    await switchLanguage(page, 'en');
    await expect.poll(() => shown(page.locator('.page-header-title'))).toBe('Zone cockpit');
    await page.waitForTimeout(500);
    await screenshot(page, 'cockpit-en');
    await switchLanguage(page, 'zh-CN');
  });

  it('lets the administrator list users, create an API key and a webhook, and read the audit trail', async () => {
    // Proves the admin pages work end to end: secrets shown once, revoke and ping act, the audit records it.
    const page = await freshPage();
    await signIn(page, 'admin@demo');

    await page.goto(`${session.baseUrl}/admin/users`);
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('trader@demo');
    for (const email of ['forwarder@demo', 'officer@demo', 'bank@demo', 'admin@demo']) {
      expect(await shown(page.locator('.ant-table-tbody'))).toContain(email);
    }
    await screenshot(page, 'admin-users-zh-CN');

    // A rejected user shows the server's per-field message next to the field.
    await page.getByTestId('create-user').click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section');
    await drawer.waitFor();
    await screenshot(page, 'admin-users-create-zh-CN');
    await drawer.getByLabel('姓名').fill('测试 Test');
    await drawer.getByLabel('邮箱').fill('admin@demo');
    await drawer.getByLabel('初始密码').fill('longenough1');
    await drawer.locator('.ant-form-item').filter({ hasText: '所属企业' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option').first().click();
    await page
      .locator('.ant-drawer-footer')
      .getByRole('button', { name: /创\s*建/ })
      .click();
    await expect.poll(() => shown(drawer)).toContain('该邮箱已被使用');
    await page
      .locator('.ant-drawer-footer')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    await page.goto(`${session.baseUrl}/admin/api-keys`);
    await page.getByTestId('create-api-key').click();
    await page.locator('.ant-modal').getByRole('textbox').fill('ERP 对接');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /创\s*建/ })
      .click();
    const secret = page.getByTestId('secret-value');
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThan(20);
    expect(await shown(page.locator('.secret-once'))).toContain('仅显示这一次');
    await screenshot(page, 'admin-api-key-created-zh-CN');
    await page.getByTestId('secret-close').click();
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('ERP 对接');
    await page
      .locator('.ant-table-tbody')
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /吊\s*销/ })
      .click();
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('已吊销');
    await screenshot(page, 'admin-api-keys-zh-CN');

    await page.goto(`${session.baseUrl}/admin/webhooks`);
    await page.getByTestId('create-webhook').click();
    const modal = page.locator('.ant-modal').first();
    await modal.getByLabel('接收地址').fill('http://127.0.0.1:9/hooks/scohub');
    await modal.getByLabel('说明').fill('ERP 事件接收');
    await modal.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByTestId('secret-value').waitFor();
    expect((await page.getByTestId('secret-value').inputValue()).length).toBeGreaterThan(20);
    await page.getByTestId('secret-close').click();
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('127.0.0.1:9');
    await page
      .locator('.ant-table-tbody')
      .getByRole('button', { name: /发送测试/ })
      .click();
    await expect.poll(() => shown(page.locator('.ant-message'))).toContain('测试事件已发送');
    await screenshot(page, 'admin-webhooks-zh-CN');
    await page
      .locator('.ant-table-tbody')
      .getByRole('button', { name: /推送记录/ })
      .click();
    const deliveries = page.locator('.ant-drawer-open .ant-drawer-section');
    await expect.poll(() => shown(deliveries), { timeout: 20_000 }).toContain('Webhook 测试');
    await expect
      .poll(() => shown(deliveries.locator('.ant-tag').first()), { timeout: 20_000 })
      .toMatch(/待推送|推送失败|已送达/);
    await screenshot(page, 'admin-webhook-deliveries-zh-CN');

    await page.goto(`${session.baseUrl}/admin/audit`);
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('创建 API 密钥');
    const audit = await shown(page.locator('.ant-table-tbody'));
    expect(audit).toContain('吊销 API 密钥');
    expect(audit).toContain('创建 Webhook 订阅');
    // Newest first: the webhook test came after the key was created.
    expect(audit.indexOf('测试 Webhook 推送')).toBeLessThan(audit.indexOf('创建 API 密钥'));
    await screenshot(page, 'admin-audit-zh-CN');

    await switchLanguage(page, 'en');
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('API key created');
    await screenshot(page, 'admin-audit-en');
    for (const [path, name, text] of [
      ['/admin/users', 'admin-users-en', 'Zone administrator'],
      ['/admin/api-keys', 'admin-api-keys-en', 'Revoked'],
      ['/admin/webhooks', 'admin-webhooks-en', 'Send test'],
    ] as const) {
      await page.goto(`${session.baseUrl}${path}`);
      await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain(text);
      await screenshot(page, name);
    }
    await switchLanguage(page, 'zh-CN');
  });

  it('browses countries and currencies with exact reference rates', async () => {
    // Proves SCO filtering works on the countries table and rates are shown as the server's exact strings.
    const page = await freshPage();
    await signIn(page, 'bank@demo');
    await page.goto(`${session.baseUrl}/reference/countries`);
    await page
      .getByTestId('sco-filter')
      .getByText(/^成员国/)
      .click();
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('哈萨克斯坦');
    const members = await shown(page.locator('.ant-table-tbody'));
    expect(members).not.toContain('观察员国');
    expect(members).not.toContain('德国');
    await screenshot(page, 'reference-countries-zh-CN');

    await page.goto(`${session.baseUrl}/reference/currencies`);
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('7.0500000000');
    expect(await shown(page.locator('.ant-table-tbody'))).toContain('俄罗斯卢布');
    await screenshot(page, 'reference-currencies-zh-CN');
    await switchLanguage(page, 'ru');
    await expect.poll(() => shown(page.locator('.ant-table-tbody'))).toContain('Российский рубль');
    await screenshot(page, 'reference-currencies-ru');
    await switchLanguage(page, 'zh-CN');
  });

  it('signs out and guards pages behind sign-in', async () => {
    // Proves sign-out ends the session and a protected address sends an anonymous visitor to sign-in.
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await page.getByTestId('user-menu').click();
    expect(await shown(page.getByTestId('user-card'))).toContain('胶州上合国际贸易有限公司');
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByTestId('login-submit').waitFor();
    await page.goto(`${session.baseUrl}/admin/audit`);
    await page.getByTestId('login-submit').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
