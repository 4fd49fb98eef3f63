import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOT_DIR, screenshot } from './browser.js';
import { REPO_ROOT } from './server.js';
import { browserSession, shown } from './session.js';

const runBrowserTests = chromiumAvailable();
/** A server round trip and the page's refetch, on a slow machine. */
const SERVER_WAIT = { timeout: 20_000, interval: 100 };
const DOCS_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

/** Keeps a screenshot taken under test-output for the docs as well. */
function toDocs(name: string): void {
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(DOCS_SCREENSHOTS, `${name}.png`));
}

describe.skipIf(!runBrowserTests)("an enterprise's own administrator in Chromium", () => {
  const session = browserSession();
  const { freshPage, signIn, switchLanguage, navText } = session;

  it('trader@demo lists only its enterprise’s users, creates a colleague, who then signs in', async () => {
    // Proves Administration › Users for an enterprise admin: own users only, the enterprise fixed,
    // only the roles its business allows, and a working login for the user it created.
    const page = await freshPage();
    await signIn(page, 'trader@demo');
    await switchLanguage(page, 'en');
    expect(await navText(page)).toContain('Users');
    await page.goto(`${session.baseUrl}/admin/users`);
    const table = page.locator('.ant-table-tbody');
    await expect.poll(() => shown(table), SERVER_WAIT).toContain('trader@demo');
    for (const other of ['forwarder@demo', 'officer@demo', 'bank@demo', 'admin@demo']) {
      expect(await shown(table)).not.toContain(other);
    }
    expect(await shown(page.locator('.page-header'))).toContain('Accounts of your enterprise');

    const email = `clerk-${Date.now()}@jiaozhou.example`;
    await page.getByTestId('create-user').click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-section');
    await drawer.waitFor();
    await drawer.getByLabel('Name').fill('赵敏 Zhao Min');
    await drawer.getByLabel('E-mail').fill(email);
    await drawer.getByLabel('Initial password').fill('longenough1');
    // The enterprise is fixed to the admin's own, and a trading house's staff can only be traders.
    const enterprise = drawer.locator('.ant-form-item').filter({ hasText: 'Enterprise' }).first();
    expect(await enterprise.locator('.ant-select-disabled').count()).toBe(1);
    expect(await shown(enterprise)).toContain('Jiaozhou');
    await page.getByTestId('user-role').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => options.allInnerTexts()).toEqual(['Trader']);
    await page.keyboard.press('Escape');
    await page.getByTestId('user-enterprise-admin').check();
    await screenshot(page, 'enterprise-users-create-en', { fullPage: false });
    await page
      .locator('.ant-drawer-footer')
      .getByRole('button', { name: /Create/ })
      .click();
    await expect.poll(() => shown(table), SERVER_WAIT).toContain(email);
    expect(await shown(page.locator('.ant-table-tbody tr').filter({ hasText: email }))).toContain('Administrator');
    await screenshot(page, 'enterprise-users-en');
    toDocs('enterprise-users-en');

    // The new colleague signs in and finds itself in the same enterprise, with the Users page too.
    const colleague = await freshPage();
    await signIn(colleague, email, 'longenough1');
    expect(await shown(colleague.getByTestId('greeting'))).toContain('Zhao Min');
    await colleague.goto(`${session.baseUrl}/admin/users`);
    await expect.poll(() => shown(colleague.locator('.ant-table-tbody')), SERVER_WAIT).toContain('trader@demo');
  });
});
