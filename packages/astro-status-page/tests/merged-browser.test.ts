import { describe, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe.ts';
import { serveBuilds } from './helpers/built-sites.ts';
import { smallTargets } from './helpers/target-size.ts';

/*
 * A merged incident as a reader sees it, mid-outage: its page says where it
 * is followed (with the link), never "Resolved", no green band, no component
 * "Operational" at the merge and no "Lasted"; the home page's history says
 * the same. In English and Arabic, at 360 and 1280 px, JavaScript on and off.
 */
const open = serveBuilds(['example-mid-outage', 'ar']);

const CASES = [
  {
    build: 'example-mid-outage',
    path: '/incidents/2022-12-28-web-is-not-responding/',
    followed: 'Followed in Login and posting failing on web, iOS and Android',
    target: '/incidents/2022-12-28-login-and-posting-failing/',
    words: ['Resolved', 'Lasted', 'Operational', '✓'],
  },
  {
    build: 'ar',
    path: '/incidents/web-down/',
    followed: 'تتم متابعته في تعذّر تسجيل الدخول في كل مكان',
    target: '/incidents/outage/',
    words: ['تم الحل', 'استمر', 'يعمل', '✓'],
  },
] as const;

describe.each(CASES)('the merged incident of $build', ({ build, path, followed, target, words }) => {
  test.each([360, 1280].flatMap((width) => [true, false].map((javaScriptEnabled) => ({ width, javaScriptEnabled }))))(
    'at $width px, JavaScript $javaScriptEnabled: followed elsewhere, with the link, and no recovery claimed',
    async ({ width, javaScriptEnabled }) => {
      const { page, close } = await open(build, path, { viewport: { width, height: 780 }, javaScriptEnabled });
      const line = page.locator('.status-line');
      await expect(line.innerText()).resolves.toContain(followed);
      await expect(line.locator('a').getAttribute('href')).resolves.toBe(target);
      const article = await page.locator('article').innerText();
      for (const word of words) expect(article).not.toContain(word);
      // The band is neutral: not the green of a recovery.
      const colours = await line.evaluate((element) => {
        const probe = document.createElement('span');
        probe.style.color = 'var(--operational)';
        document.body.append(probe);
        const green = getComputedStyle(probe).color;
        probe.remove();
        return { background: getComputedStyle(element).backgroundColor, green };
      });
      expect(colours.background).not.toBe(colours.green);
      // The merged update links there too, and lists no component change.
      const newest = page.locator('.timeline li').first();
      await expect(newest.locator('.followed a').getAttribute('href')).resolves.toBe(target);
      await expect(newest.locator('.changes').count()).resolves.toBe(0);
      // Nothing wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await smallTargets(page)).toEqual([]);
      if (javaScriptEnabled && width === 360) expect(await axeViolations(page)).toEqual([]);
      await close();
    },
  );
});

test('the home page’s history says it is followed elsewhere, without "Resolved" or "Lasted"', async () => {
  const { page, close } = await open('example-mid-outage', '/', { viewport: { width: 360, height: 780 } });
  const item = page.locator('.events li', { hasText: 'Web is not responding' });
  const text = await item.innerText();
  expect(text).toContain('Followed in Login and posting failing on web, iOS and Android');
  expect(text).not.toMatch(/Resolved|Lasted/);
  await close();
});
