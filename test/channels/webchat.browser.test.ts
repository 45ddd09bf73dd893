// The Web Chat page in a real browser (Debian chromium driven by playwright-core): a patient books
// by typing and tapping suggested actions, over the bot's own Direct Line (WebSocket), with time
// frozen at the spec's "now". Screenshots are kept in test-artifacts/.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningApp } from '../../bot/app';
import { ManualClock } from '../../services/clock';
import { startTestApp } from '../support/app';
import { SPEC_NOW } from '../support/dialog-harness';
import { SandboxAdmin, sharedSandbox } from '../support/sandbox';
import { until } from '../support/waiting';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('Web Chat page in a real browser', function () {
  this.timeout(60_000);
  let app: RunningApp;
  let browser: Browser;
  const pageErrors: string[] = [];
  let current: Page | undefined;

  before(async function () {
    const sandbox = await sharedSandbox();
    await new SandboxAdmin(sandbox.url).reset(SPEC_NOW);
    // Webhooks on: the sandbox's "record system" accepts the booking and tells the bot, which
    // sends the proactive "You're booked" through the channel's serviceUrl.
    app = await startTestApp({ WEBHOOKS_ENABLED: 'true' }, { clock: new ManualClock(SPEC_NOW) });
    // playwright gives every launch a fresh temporary profile (user-data-dir) and removes it on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  // A failed step leaves a picture of what the patient saw.
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && current && !current.isClosed()) {
      await current.screenshot({ path: path.join(ARTIFACTS, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`) });
    }
    await current?.close();
    current = undefined;
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openChat(viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    current = page;
    // The page starts at the bot's frozen "now" and runs on from there, so times read "Just now".
    await page.clock.install({ time: SPEC_NOW });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The page's Content-Security-Policy must not block anything Web Chat needs.
    page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text()); });
    await page.goto(app.url);
    await botSays(page, /front desk assistant/);
    return page;
  }

  it('books an appointment by typing and tapping, sees "Request sent", then the proactive "You\'re booked"', async () => {
    const page = await openChat({ width: 1280, height: 860 });
    assert.equal(await page.title(), 'Demo Dental · Book an appointment');
    assert.equal(await page.locator('header h1').textContent(), 'Demo Dental');

    await type(page, 'book');
    await botSays(page, /Which office would you like to visit\?/);
    await tap(page, 'Brooklyn Office');
    await botSays(page, /first and last name/);
    await type(page, 'Ana Diaz');
    await botSays(page, /date of birth/);
    await type(page, '3/4/1990');
    await botSays(page, /phone number or email/);
    await type(page, '555-201-3344');
    await botSays(page, /kind of appointment/);
    await tap(page, 'Cleaning');
    await botSays(page, /When would you like to come in/);
    await type(page, 'next tuesday afternoon');
    await botSays(page, /Here are the times I found/);
    const firstTime = (await suggestedActions(page))[0];
    assert.match(firstTime, /^Tue, Dec 1 at \d{1,2}:\d{2} PM$/);
    await tap(page, firstTime);
    await botSays(page, new RegExp(`Cleaning with Dr\\. .+, ${escapeRegExp(firstTime)}, Brooklyn Office\\. Book it\\?`));
    await tap(page, 'Yes');
    // Web Chat's markdown turns the apostrophe typographic.
    await botSays(page, /Request sent\. I.ll message you here as soon as the office confirms\./);

    await botSays(page, new RegExp(`You.re booked: Cleaning with Dr\\. .+, ${escapeRegExp(firstTime)}, Brooklyn Office\\.`));

    await settled(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat.png') });
    assert.deepEqual(pageErrors, []);
  });

  it('resumes the conversation after a reload in the same tab', async () => {
    const page = await openChat({ width: 1024, height: 768 });
    await type(page, 'book');
    await botSays(page, /Which office/);
    await page.reload();
    await botSays(page, /Which office/);
    assert.equal(await page.locator('.webchat__bubble--from-user', { hasText: 'book' }).count(), 1);
    await tap(page, 'Manhattan Office');
    await botSays(page, /first and last name/);
  });

  it('fits a phone screen', async () => {
    const page = await openChat({ width: 390, height: 844 });
    const chat = await page.locator('#webchat').boundingBox();
    assert.ok(chat && chat.width >= 380, `chat is ${chat?.width}px wide on a 390px screen`);
    await settled(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-mobile.png') });
  });
});

/** Waits for a bot message whose text matches. */
async function botSays(page: Page, pattern: RegExp): Promise<void> {
  await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)', { hasText: pattern }).last().waitFor({ timeout: 10_000 });
}

/**
 * Connected, and the transcript scrolled to its last message (for a screenshot). Read through
 * locators, not a script string: the page's CSP forbids evaluating strings.
 */
async function settled(page: Page): Promise<void> {
  await until(async () => {
    // allInnerTexts does not wait for an element that may come and go.
    if ((await page.locator('.webchat__connectivityStatus').allInnerTexts()).join('').trim()) return false;
    const last = await page.locator('.webchat__bubble').last().boundingBox();
    const input = await page.locator('[data-id="webchat-sendbox-input"]').boundingBox();
    return !!last && !!input && last.y + last.height <= input.y;
  }, 5_000);
}

async function type(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

async function tap(page: Page, label: string): Promise<void> {
  await page.locator('.webchat__suggested-actions button', { hasText: label }).first().click();
}

async function suggestedActions(page: Page): Promise<string[]> {
  const buttons = page.locator('.webchat__suggested-actions button');
  await buttons.first().waitFor();
  return (await buttons.allTextContents()).map((text) => text.trim());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
