import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { type RunningApp, startApp } from './server.js';

/** Shared by every browser suite: the demo password, the UI languages and their names in the switcher. */
export const PASSWORD = 'demo1234';
export type Language = 'zh-CN' | 'en' | 'ru';
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English', ru: 'Русский' };

/** The text a user sees (rendered, CSS applied), which is what these tests assert on. */
export function shown(locator: Locator): Promise<string> {
  return locator.innerText();
}

export interface BrowserSession {
  /** Base URL of the running app (valid once the suite's beforeAll has run). */
  readonly baseUrl: string;
  /** A fresh browser profile (no cookies, empty localStorage), like a first visit. */
  freshPage(): Promise<Page>;
  openLogin(page: Page): Promise<void>;
  signIn(page: Page, email: string, password?: string): Promise<void>;
  switchLanguage(page: Page, language: Language): Promise<void>;
  navText(page: Page): Promise<string>;
  /** The signed-in browser's session cookie, so Node's fetch can act as the same user. */
  cookieHeader(page: Page): Promise<string>;
  /** Calls the API as the page's signed-in user, in English; a failure throws with the problem document. */
  apiCall<T>(page: Page, method: string, url: string, body?: unknown): Promise<T>;
}

/**
 * Starts the real app and Chromium for the enclosing describe block and closes the browser
 * profiles after each test; call it at the top of a `describe`.
 */
export function browserSession(): BrowserSession {
  let server: RunningApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const session: BrowserSession = {
    get baseUrl() {
      if (!server) throw new Error('the app is not running yet (use the session inside a test)');
      return server.baseUrl;
    },

    async freshPage() {
      if (!browser) throw new Error('the browser is not running yet (use the session inside a test)');
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return page;
    },

    async openLogin(page) {
      await page.goto(`${session.baseUrl}/login`);
      await page.getByTestId('login-submit').waitFor();
    },

    async signIn(page, email, password = PASSWORD) {
      await session.openLogin(page);
      await page.getByTestId('login-email').fill(email);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('nav').waitFor();
    },

    async switchLanguage(page, language) {
      // On a loaded 2-core CI machine a click can land while the menu is still animating open or a
      // heavy page (the world map) is re-rendering; the click is then lost. Retry the gesture a few
      // times, each time checking the outcome (<html lang>) rather than the click itself.
      // Already in that language (e.g. from the user's saved profile): nothing to do, and no menu to leave open.
      if (await page.evaluate((lang) => document.documentElement.lang === lang, language)) return;
      const attempts = 4;
      for (let attempt = 1; ; attempt += 1) {
        try {
          const openMenu = page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');
          if (!(await openMenu.isVisible())) await page.getByTestId('language-menu').click();
          await openMenu.getByRole('menuitem', { name: LANGUAGE_NAMES[language] }).click({ timeout: 5_000 });
          await page.waitForFunction((lang) => document.documentElement.lang === lang, language, { timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt >= attempts) throw error;
          if (await page.evaluate((lang) => document.documentElement.lang === lang, language)) break;
          await page.keyboard.press('Escape');
          await page.waitForTimeout(300);
        }
      }
      await page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'hidden' });
    },

    navText(page) {
      return shown(page.getByTestId('nav'));
    },

    async cookieHeader(page) {
      const cookies = await page.context().cookies(session.baseUrl);
      return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
    },

    async apiCall<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
      const response = await fetch(`${session.baseUrl}${url}`, {
        method,
        headers: {
          cookie: await session.cookieHeader(page),
          'accept-language': 'en',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${url} → ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
  };
  return session;
}
