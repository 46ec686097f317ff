import { describe, expect, test } from 'vitest';
import { serveBuilds } from './helpers/built-sites.ts';
import { smallTargets } from './helpers/target-size.ts';

// The reader at 3 a.m. on a phone (issue 21): the latest word on the first
// screen, every tap a target a finger can hit, every text in its own direction.
const EXAMPLE_INCIDENT = '/incidents/2022-12-28-login-and-posting-failing/';
const open = serveBuilds(['heavy', 'example-mid-outage', 'example-monitoring', 'example-next-day', 'ja', 'ar']);
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 780 };
// A wide touch screen: with a mouse (a fine pointer) a bar's marks stay links of their own, aimed at 8 px wide with their labels on hover.
const TOUCH = { viewport: DESKTOP, hasTouch: true };

describe.each([
  // Nine components through six updates (tests/fixtures/heavy): heavier than the example.
  { build: 'heavy', path: '/incidents/everything-down/' },
  { build: 'example-mid-outage', path: EXAMPLE_INCIDENT },
  { build: 'example-monitoring', path: EXAMPLE_INCIDENT },
  { build: 'ja', path: '/incidents/outage/' },
  { build: 'ar', path: '/incidents/outage/' },
])('$build $path: the newest update on the first screen', ({ build, path }) => {
  test.each([PHONE, DESKTOP].flatMap((viewport) => (['light', 'dark'] as const).map((colorScheme) => ({ viewport, colorScheme }))))(
    '$viewport.width px, $colorScheme',
    async ({ viewport, colorScheme }) => {
      const { page, close } = await open(build, path, { viewport, colorScheme });
      const updates = await page.locator('.timeline > li').evaluateAll((items) =>
        items.map((item) => ({ at: item.querySelector('time')!.getAttribute('datetime')!, textTop: item.querySelector('.message')!.getBoundingClientRect().top })),
      );
      // Newest first, and the newest one's words begin with a line to spare above the fold.
      expect(updates.map((update) => update.at)).toEqual(updates.map((update) => update.at).sort().reverse());
      expect(updates[0]!.textTop + 24).toBeLessThanOrEqual(viewport.height);
      await close();
    },
  );
});

test('a resolved incident on a phone starts with its postmortem, then the timeline', async () => {
  const { page, close } = await open('example-next-day', EXAMPLE_INCIDENT, { viewport: PHONE });
  const [postmortem, updates] = await Promise.all(['#postmortem', '#updates'].map((selector) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().top)));
  expect(postmortem! + 24).toBeLessThanOrEqual(PHONE.height);
  expect(postmortem!).toBeLessThan(updates!);
  await close();
});

describe('every link and control is a target a finger can hit (WCAG 2.2, 2.5.8)', () => {
  const pages = [
    ...['/', EXAMPLE_INCIDENT, '/incidents/2022-12-30-messaging-database-maintenance/', '/components/web/', '/history/', '/subscribe/', '/no-such-page/'].map((path) => ({ build: 'example-mid-outage', path })),
    { build: 'example-next-day', path: EXAMPLE_INCIDENT },
    { build: 'heavy', path: '/' },
    { build: 'ar', path: '/' },
    { build: 'ar', path: '/incidents/outage/' },
  ];
  test.each(pages.flatMap((where) => [{ viewport: PHONE }, TOUCH].map((options) => ({ ...where, options }))))('$build $path at $options.viewport.width px', async ({ build, path, options }) => {
    const { page, close } = await open(build, path, options);
    expect(await smallTargets(page)).toEqual([]);
    await close();
  });

  test('the check finds the 9 px day marks when the bar does not stand in for them (so it can fail)', async () => {
    const { page, close } = await open('example-mid-outage', '/', { viewport: PHONE });
    await page.evaluate(() => {
      for (const mark of document.querySelectorAll<HTMLElement>('.bar > a')) mark.style.pointerEvents = 'auto';
      for (const overlay of document.querySelectorAll<HTMLElement>('.bar-all')) overlay.style.display = 'none';
    });
    expect((await smallTargets(page)).map((target) => target.width)).toContain(9);
    await close();
  });

  test('on a phone a bar is one tap target, leading to the component page’s day list', async () => {
    const { page, close } = await open('example-mid-outage', '/', { viewport: PHONE });
    const bar = page.locator('li.row').first().locator('.bar');
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    await page.mouse.click(box.x + box.width - 3, box.y + box.height / 2);
    await page.waitForURL(/\/components\/web\/#days$/);
    await expect(page.locator('#days').isVisible()).resolves.toBe(true);
    await close();
  });
});

describe('user text in its own direction', () => {
  test('an English update on the Arabic page reads left to right, the Arabic ones right to left', async () => {
    const { page, close } = await open('ar', '/incidents/outage/');
    const directions = await page.locator('.timeline .message p').evaluateAll((paragraphs) => paragraphs.map((p) => [p.textContent, getComputedStyle(p).direction]));
    expect(directions).toEqual([
      ['Login still fails for most people.', 'ltr'],
      ['تسجيل الدخول يفشل.', 'rtl'],
    ]);
    await close();
  });
});

describe('the subscribe page on a phone', () => {
  test.each(['example-mid-outage', 'ar'])('%s: the main choices are links on the first screen, and addresses wrap only after "/" or "."', async (build) => {
    const { page, close } = await open(build, '/subscribe/', { viewport: PHONE });
    const choices = await page.locator('a.choice').evaluateAll((links) => links.map((link) => ({ href: link.getAttribute('href')!, bottom: link.getBoundingClientRect().bottom })));
    const first = choices.filter((choice) => /\/(rss\.xml|history\.atom|maintenance\.ics)$/.test(choice.href));
    expect(first).toHaveLength(3);
    for (const choice of first) expect(choice.bottom, choice.href).toBeLessThanOrEqual(PHONE.height);
    // Where each address's lines break: the character before every break.
    const breaks = await page.locator('code.address').evaluateAll((codes) =>
      codes.flatMap((code) => {
        const found: string[] = [];
        let previous: { char: string; top: number } | undefined;
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent!.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const top = range.getBoundingClientRect().top;
            if (previous && top > previous.top + 2) found.push(`${code.textContent}: after "${previous.char}"`);
            previous = { char: node.textContent![i]!, top };
          }
        }
        return found;
      }),
    );
    expect(breaks.length).toBeGreaterThan(0);
    expect(breaks.filter((where) => !/after "[/.]"$/.test(where))).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await close();
  });
});

test.each([
  [PHONE, ['2022-12-28']],
  [{ width: 600, height: 780 }, ['2022-12-28', '2022-11-03']],
  [DESKTOP, ['2022-12-28', '2022-11-03']],
])('a component page at %o lists only the days its bar shows', async (viewport, expected) => {
  const { page, close } = await open('example-mid-outage', '/components/web/', { viewport });
  const listed = await page.locator('.days > li').evaluateAll((items) => items.filter((item) => item.getBoundingClientRect().height > 0).map((item) => item.querySelector('time')!.getAttribute('datetime')));
  const shownMarks = await page.locator('.bar > *').evaluateAll((marks) => marks.filter((mark) => mark.getBoundingClientRect().width > 0).length);
  expect(listed).toEqual(expected);
  expect(shownMarks).toBe(viewport.width <= 480 ? 30 : viewport.width <= 720 ? 60 : 90);
  await close();
});
