import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { contentSecurityPolicy } from '../src/outputs/csp.ts';
import { writeApiAt } from './helpers/api-at.ts';
import { axeViolations } from './helpers/axe.ts';
import { launchChromium } from './helpers/browser.ts';
import { CHIRP, outDir, STATUS_CLI } from './helpers/build.ts';
import { page as builtPage, text } from './helpers/pages.ts';
import { serveStatic } from './helpers/static-server.ts';
import {
  SECRET,
  startEmailStandIn,
  startService,
  until,
  type EmailStandIn,
  type Service,
} from './helpers/subscriptions.ts';
import { childEnv } from './helpers/child-env.ts';

/*
 * A reader subscribes on the built example, in Chromium with JavaScript off:
 * the form on /subscribe/ posts to the subscriptions service (in workerd),
 * whose answers lead back to the site's static pages; `status notify`, run
 * as the deploy workflow runs it, hands updates over, and the reader gets
 * the one that concerns the component chosen, once.
 */

const BUILD = 'example-mid-outage';
const SITE = 'https://status.chirp.example';
const SERVICE = 'https://subscriptions.chirp.example';

describe('the built pages', () => {
  test('with a service, /subscribe/ has a form posting to it: address, language, honeypot, every component', () => {
    const form = builtPage(BUILD, '/subscribe/').querySelector('form.signup')!;
    expect(form.getAttribute('action')).toBe(`${SERVICE}/subscribe`);
    expect(form.getAttribute('method')).toBe('post');
    const address = form.querySelector('input[name="email"]')!;
    expect([address.getAttribute('type'), address.hasAttribute('required')]).toEqual(['email', true]);
    expect(form.querySelector(`label[for="${address.id}"]`)).not.toBeNull();
    expect(form.querySelector('input[name="locale"]')?.getAttribute('value')).toBe('en');
    expect(form.querySelector('[hidden] input[name="website"]')).not.toBeNull();
    expect(form.querySelectorAll('input[name="components"]')).toHaveLength(9);
    expect(text(builtPage(BUILD, '/subscribe/').querySelector('main'))).not.toContain('feed-to-email');
    expect(text(builtPage(BUILD, '/subscribe/inbox/').querySelector('h1'))).toBe('Check your inbox');
  });

  test('without one, /subscribe/ stays as it was: no form, the feed-to-email advice, forms allowed nowhere, no step pages', () => {
    const subscribe = builtPage('basic-mid-outage', '/subscribe/');
    expect(subscribe.querySelector('form')).toBeNull();
    expect(text(subscribe.querySelector('main'))).toContain('feed-to-email');
    expect(subscribe.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      contentSecurityPolicy(),
    );
    expect(() => builtPage('basic-mid-outage', '/subscribe/inbox/')).toThrow();
  });

  test('in Arabic: the form and every step page in the page’s language, right to left', () => {
    const form = builtPage('ar', '/subscribe/').querySelector('form.signup')!;
    expect(form.querySelector('input[name="locale"]')?.getAttribute('value')).toBe('ar');
    expect(text(form.querySelector('button'))).toBe('اشترك بالبريد الإلكتروني');
    expect(
      ['inbox', 'confirmed', 'left', 'expired'].map((step) =>
        text(builtPage('ar', `/subscribe/${step}/`).querySelector('h1')),
      ),
    ).toEqual(['تحقق من بريدك الوارد', 'تم اشتراكك', 'تم إلغاء اشتراكك', 'انتهت صلاحية هذا الرابط']);
    expect(readFileSync(join(outDir('ar'), 'subscribe/inbox/index.html'), 'utf8')).toContain(
      '<html lang="ar" dir="rtl"',
    );
  });
});

describe('a reader, JavaScript off', () => {
  let api: EmailStandIn;
  let service: Service;
  let site: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let dir: string;

  beforeAll(async () => {
    api = await startEmailStandIn();
    service = await startService({ emailApi: api.url, siteUrl: `${SITE}/` });
    site = await serveStatic(outDir(BUILD), '/', { hostHeaders: true });
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    // The page's and the service's public addresses, answered here: the built site, and the Worker in workerd.
    await context.route(
      (url) => url.origin === SITE,
      async (route) => {
        const { pathname } = new URL(route.request().url());
        await route.fulfill({ response: await route.fetch({ url: `${site.url}${pathname}` }) });
      },
    );
    await context.route(
      (url) => url.origin === SERVICE,
      async (route) => {
        const request = route.request();
        const answer = await service.mf.dispatchFetch(request.url(), {
          method: request.method(),
          headers: request.headers(),
          ...(request.postDataBuffer() ? { body: request.postDataBuffer()! } : {}),
          redirect: 'manual',
        });
        await route.fulfill({
          status: answer.status,
          // Its own headers, less how workerd framed the body (Playwright frames it again).
          headers: Object.fromEntries(
            [...answer.headers].filter(
              ([name]) => !['transfer-encoding', 'mf-content-encoding', 'content-encoding'].includes(name),
            ),
          ),
          body: Buffer.from(await answer.arrayBuffer()),
        });
      },
    );
    // The site `status notify` runs in: the example's incidents, its config naming the service where it listens.
    dir = mkdtempSync(join(tmpdir(), 'subscriptions-notify-'));
    cpSync(join(CHIRP, 'incidents'), join(dir, 'site', 'incidents'), { recursive: true });
    const config = parse(readFileSync(join(CHIRP, 'status.config.yaml'), 'utf8'));
    delete config.notify;
    config.subscriptions = { service: service.url };
    writeFileSync(join(dir, 'site', 'status.config.yaml'), stringify(config));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await service?.dispose();
    await api?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `status notify` between the builds at `before` and `after`, as the deploy workflow runs it. */
  function notify(before: string, after: string) {
    const run = join(dir, `${before}-${after}`.replace(/:/g, ''));
    writeApiAt(join(dir, 'site'), before, join(run, 'previous'));
    writeApiAt(join(dir, 'site'), after, join(run, 'current', 'api', 'v2'));
    const result = spawnSync(
      process.execPath,
      [STATUS_CLI, 'notify', '--previous', join(run, 'previous'), '--current', join(run, 'current')],
      { cwd: join(dir, 'site'), env: childEnv({ STATUS_SUBSCRIPTIONS_SECRET: SECRET }), encoding: 'utf8' },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    return result.stdout;
  }

  test('the form is accessible (axe, WCAG 2.2 target sizes), on a phone and in dark mode', async () => {
    // axe runs as a script: a context of its own, with JavaScript on.
    const checking = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
    const tab = await checking.newPage();
    await tab.goto(`${site.url}/subscribe/`);
    expect(await axeViolations(tab)).toEqual([]);
    await checking.close();
  });

  const mine = () => api.sent.filter((email) => email.to.includes('reader@example.org'));

  test('signs up for Login, confirms, and gets the one update on Login once, in English; nothing twice, nothing on other components', async () => {
    const tab = await context.newPage();
    await tab.goto(`${SITE}/subscribe/`);
    await tab.getByLabel('Email address').fill('reader@example.org');
    // Every component is the default; a reader who wants only some opens the fold first.
    await tab.locator('summary', { hasText: 'Only these components' }).click();
    await tab.getByLabel('Login', { exact: true }).check();
    await tab.getByRole('button', { name: 'Subscribe by email' }).click();
    await tab.waitForURL(`${SITE}/subscribe/inbox/`);
    expect(await tab.locator('h1').textContent()).toBe('Check your inbox');

    await until(() => mine().length === 1);
    const [confirmation] = mine();
    expect(confirmation!.subject).toBe('Confirm your subscription to Chirp status');
    // The reader opens the message and follows its link.
    await tab.setContent(confirmation!.html);
    await tab.locator('a').click();
    await tab.waitForURL(`${SITE}/subscribe/confirmed/`);
    expect(await tab.locator('h1').textContent()).toBe('You are subscribed');

    // A reader of everything, to show the handovers below did reach the service.
    await service.db
      .prepare(
        "INSERT INTO subscribers (email, locale, components, created_at, confirmed_at) VALUES ('all@example.org', 'en', '[]', 0, 1)",
      )
      .run();
    const all = () => api.sent.filter((email) => email.to.includes('all@example.org'));

    // 12:58, "identified", on login and posting: one message.
    expect(notify('2022-12-28T12:45:00Z', '2022-12-28T13:00:00Z')).toMatch(
      /subscriptions \(subscriptions\): .* delivered/,
    );
    await until(() => mine().length === 2);
    const [update] = mine().slice(1);
    expect(update!.subject).toBe('[Chirp] Identified: Login and posting failing on web, iOS and Android');
    expect(update!.text).toContain(
      'Details: https://status.chirp.example/incidents/2022-12-28-login-and-posting-failing/#update-',
    );
    expect(update!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // The same run again (a retried workflow): nothing new.
    notify('2022-12-28T12:45:00Z', '2022-12-28T13:00:00Z');
    // The maintenance window opening on direct messages and notifications: the reader of everything only.
    notify('2022-12-30T01:30:00Z', '2022-12-30T02:10:00Z');
    await until(() => all().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mine()).toHaveLength(2);
    expect(all().map((email) => email.subject)).toEqual([
      '[Chirp] Identified: Login and posting failing on web, iOS and Android',
      expect.stringMatching(/^\[Chirp\] In progress: /),
    ]);

    // The message's manage link: a page of the service, with JavaScript off too; Timelines added.
    const manage = /https?:\S+\/manage\?t=\S+/.exec(update!.text)![0];
    await tab.goto(manage);
    expect(await tab.getByLabel('Login', { exact: true }).isChecked()).toBe(true);
    // axe runs as a script: the same page in a context with JavaScript on.
    const checking = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const copy = await checking.newPage();
    await copy.setContent(await tab.content());
    expect(await axeViolations(copy)).toEqual([]);
    await checking.close();
    await tab.getByLabel('Timelines', { exact: true }).check();
    await tab.getByRole('button', { name: 'Save' }).click();
    await tab.waitForURL(`${SITE}/subscribe/confirmed/`);
    expect(
      (await service.db.prepare("SELECT components FROM subscribers WHERE email = 'reader@example.org'").all()).results,
    ).toEqual([{ components: '["login","timelines"]' }]);

    // Leaving, from the message's one-click header (RFC 8058): the address is gone.
    const unsubscribe = /<(\S+)>/.exec(update!.headers['List-Unsubscribe']!)![1]!;
    const gone = await fetch(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(gone.status).toBe(200);
    expect(
      (await service.db.prepare("SELECT id FROM subscribers WHERE email = 'reader@example.org'").all()).results,
    ).toEqual([]);
    await tab.close();
  });
});
