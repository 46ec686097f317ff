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
  test.each(
    [PHONE, DESKTOP].flatMap((viewport) =>
      (['light', 'dark'] as const).map((colorScheme) => ({ viewport, colorScheme })),
    ),
  )('$viewport.width px, $colorScheme', async ({ viewport, colorScheme }) => {
    const { page, close } = await open(build, path, { viewport, colorScheme });
    const updates = await page.locator('.timeline > li').evaluateAll((items) =>
      items.map((item) => ({
        at: item.querySelector('time')!.getAttribute('datetime')!,
        textTop: item.querySelector('.message')!.getBoundingClientRect().top,
      })),
    );
    // Newest first, and the newest one's words begin with a line to spare above the fold.
    expect(updates.map((update) => update.at)).toEqual(
      updates
        .map((update) => update.at)
        .sort()
        .reverse(),
    );
    expect(updates[0]!.textTop + 24).toBeLessThanOrEqual(viewport.height);
    await close();
  });
});

describe.each([
  { build: 'example-mid-outage', path: '/', zone: 'America/New_York' },
  { build: 'example-mid-outage', path: EXAMPLE_INCIDENT, zone: 'America/New_York' },
  { build: 'ar', path: '/', zone: 'Asia/Riyadh' },
  { build: 'ar', path: '/incidents/outage/', zone: 'Asia/Riyadh' },
])(
  '$build $path: the newest update of the open incident on the first screen of a small phone',
  ({ build, path, zone }) => {
    test.each(
      [
        { width: 360, height: 780 },
        { width: 320, height: 640 },
      ].flatMap((viewport) => [false, true].map((stale) => ({ viewport, stale }))),
    )('$viewport.width × $viewport.height, stale warning shown: $stale', async ({ viewport, stale }) => {
      // With JavaScript, the reader's clock 1 minute after the build, or 3 hours after it, when the page warns it may be out of date.
      const { page, close } = await open(build, path, { viewport, timezoneId: zone, javaScriptEnabled: true });
      await page.clock.setFixedTime(
        new Date(
          Date.parse(build === 'ar' ? '2022-12-28T13:00:00Z' : '2022-12-28T13:30:00Z') +
            (stale ? 3 * 3_600_000 : 60_000),
        ),
      );
      await page.reload();
      await expect(page.locator('#stale').isVisible()).resolves.toBe(stale);
      const newest = page.locator(path === '/' ? 'article.card .message' : '.timeline > li .message').first();
      // Its words begin with a line to spare above the fold, as for the incident pages above.
      const top = await newest.evaluate((element) => element.getBoundingClientRect().top);
      expect(top + 24).toBeLessThanOrEqual(viewport.height);
      await close();
    });
  },
);

test('a resolved incident on a phone starts with its postmortem, then the timeline', async () => {
  const { page, close } = await open('example-next-day', EXAMPLE_INCIDENT, { viewport: PHONE });
  const [postmortem, updates] = await Promise.all(
    ['#postmortem', '#updates'].map((selector) =>
      page.locator(selector).evaluate((element) => element.getBoundingClientRect().top),
    ),
  );
  expect(postmortem! + 24).toBeLessThanOrEqual(PHONE.height);
  expect(postmortem!).toBeLessThan(updates!);
  await close();
});

describe('every link and control is a target a finger can hit (WCAG 2.2, 2.5.8)', () => {
  const pages = [
    ...[
      '/',
      EXAMPLE_INCIDENT,
      '/incidents/2022-12-30-messaging-database-maintenance/',
      '/components/web/',
      '/history/',
      '/subscribe/',
      '/no-such-page/',
    ].map((path) => ({ build: 'example-mid-outage', path })),
    { build: 'example-next-day', path: EXAMPLE_INCIDENT },
    { build: 'heavy', path: '/' },
    { build: 'ar', path: '/' },
    { build: 'ar', path: '/incidents/outage/' },
  ];
  test.each(pages.flatMap((where) => [{ viewport: PHONE }, TOUCH].map((options) => ({ ...where, options }))))(
    '$build $path at $options.viewport.width px',
    async ({ build, path, options }) => {
      const { page, close } = await open(build, path, options);
      expect(await smallTargets(page)).toEqual([]);
      await close();
    },
  );

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
    const directions = await page
      .locator('.timeline .message p')
      .evaluateAll((paragraphs) => paragraphs.map((p) => [p.textContent, getComputedStyle(p).direction]));
    expect(directions).toEqual([
      ['Login still fails for most people.', 'ltr'],
      ['تسجيل الدخول يفشل.', 'rtl'],
    ]);
    await close();
  });
});

describe('the subscribe page on a phone', () => {
  test.each(['example-mid-outage', 'ar'])(
    '%s: the main choices are links on the first screen, and addresses wrap only after "/" or "."',
    async (build) => {
      const { page, close } = await open(build, '/subscribe/', { viewport: PHONE });
      const choices = await page
        .locator('a.choice')
        .evaluateAll((links) =>
          links.map((link) => ({ href: link.getAttribute('href')!, bottom: link.getBoundingClientRect().bottom })),
        );
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
    },
  );
});

test.each([
  [PHONE, ['2022-12-28']],
  [{ width: 600, height: 780 }, ['2022-12-28', '2022-11-03']],
  [DESKTOP, ['2022-12-28', '2022-11-03']],
])('a component page at %o lists only the days its bar shows', async (viewport, expected) => {
  const { page, close } = await open('example-mid-outage', '/components/web/', { viewport });
  const listed = await page
    .locator('.days > li')
    .evaluateAll((items) =>
      items
        .filter((item) => item.getBoundingClientRect().height > 0)
        .map((item) => item.querySelector('time')!.getAttribute('datetime')),
    );
  const shownMarks = await page
    .locator('.bar > *')
    .evaluateAll((marks) => marks.filter((mark) => mark.getBoundingClientRect().width > 0).length);
  expect(listed).toEqual(expected);
  expect(shownMarks).toBe(viewport.width <= 480 ? 30 : viewport.width <= 720 ? 60 : 90);
  await close();
});

describe('the history bar legend', () => {
  test.each([PHONE, DESKTOP].flatMap((viewport) => ['/', '/components/web/'].map((path) => ({ viewport, path }))))(
    '$path at $viewport.width px: the sentence has its lines to itself, and each swatch stays beside its label',
    async ({ viewport, path }) => {
      const { page, close } = await open('example-mid-outage', path, { viewport });
      const { sentenceBottom, keys } = await page.locator('.legend:has(.swatch)').evaluate((legend) => {
        const sentence = legend.querySelector('p')!.getBoundingClientRect();
        return {
          sentenceBottom: sentence.bottom,
          keys: [...legend.querySelectorAll('.key')].map((key) => {
            const swatch = key.querySelector('.swatch')!.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents([...key.childNodes].find((node) => node.nodeType === Node.TEXT_NODE)!);
            const label = range.getBoundingClientRect();
            return {
              label: key.textContent,
              top: Math.min(swatch.top, label.top),
              labelLines: range.getClientRects().length,
              sameLine: swatch.top < label.bottom && label.top < swatch.bottom,
              gap: label.left - swatch.right,
            };
          }),
        };
      });
      expect(keys).toHaveLength(5);
      for (const key of keys) {
        expect(key.top, key.label!).toBeGreaterThanOrEqual(sentenceBottom);
        expect([key.labelLines, key.sameLine], key.label!).toEqual([1, true]);
        expect(key.gap, key.label!).toBeGreaterThanOrEqual(0);
        expect(key.gap, key.label!).toBeLessThan(12);
      }
      await close();
    },
  );
});

test.each([PHONE, DESKTOP].flatMap((viewport) => ['/', EXAMPLE_INCIDENT].map((path) => ({ viewport, path }))))(
  'the footer’s rule spans the content column, not the page’s side space ($path at $viewport.width px)',
  async ({ viewport, path }) => {
    const { page, close } = await open('example-mid-outage', path, { viewport });
    const geometry = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const style = getComputedStyle(main);
      const box = main.getBoundingClientRect();
      const footer = document.querySelector<HTMLElement>('.site-footer')!;
      const rule = footer.getBoundingClientRect();
      return {
        column: [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)].map(Math.round),
        rule: [rule.left, rule.right].map(Math.round),
        ruleWidth: getComputedStyle(footer).borderTopWidth,
        firstLink: Math.round(footer.querySelector('a')!.getBoundingClientRect().left),
      };
    });
    expect(geometry.ruleWidth).toBe('1px');
    expect(geometry.rule).toEqual(geometry.column);
    expect(geometry.firstLink).toBe(geometry.column[0]);
    await close();
  },
);

describe('Japanese at 360 px: a duration or a moment never breaks inside', () => {
  const brokenValues = (page: import('playwright-core').Page) =>
    page.locator('.nowrap, time:not([data-until])').evaluateAll((elements) =>
      elements
        .filter((element) => element.getBoundingClientRect().width > 0)
        .map((element) => ({
          text: element.textContent,
          lines: new Set([...element.getClientRects()].map((line) => Math.round(line.top))).size,
        })),
    );

  test.each(['/', '/incidents/outage/', '/history/', '/components/web/'])('%s', async (path) => {
    const { page, close } = await open('ja', path, { viewport: PHONE });
    const values = await brokenValues(page);
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((value) => value.lines > 1)).toEqual([]);
    await close();
  });

  test('the home page’s past incident says “継続時間 1時間” with the duration whole; let it wrap and it splits (so the check can fail)', async () => {
    const { page, close } = await open('ja', '/', { viewport: PHONE });
    await expect(page.locator('.events .nowrap').allTextContents()).resolves.toContain('1時間');
    await page.evaluate(() =>
      document.querySelectorAll<HTMLElement>('.nowrap, time').forEach((value) => (value.style.whiteSpace = 'normal')),
    );
    expect((await brokenValues(page)).filter((value) => value.lines > 1).length).toBeGreaterThan(0);
    await close();
  });
});

describe('names staff wrote keep their own direction on the Arabic page (Core services, Direct messages)', () => {
  const direction = (page: import('playwright-core').Page, selector: string) =>
    page
      .locator(selector)
      .evaluateAll((elements) =>
        elements.map((element) => [element.textContent!.trim(), getComputedStyle(element).direction]),
      );

  test('the home page: a group heading, a component row, a card’s component, and the site’s name in the header', async () => {
    const { page, close } = await open('ar', '/');
    await expect(direction(page, 'section[aria-labelledby="components"] h3 bdi')).resolves.toEqual([
      ['التطبيقات', 'rtl'],
      ['Core services', 'ltr'],
    ]);
    // The heading itself stays on the page's side, as every heading of the page.
    await expect(direction(page, 'section[aria-labelledby="components"] h3')).resolves.toContainEqual([
      'Core services',
      'rtl',
    ]);
    await expect(direction(page, 'li.row a.name')).resolves.toContainEqual(['Direct messages', 'ltr']);
    await expect(direction(page, 'li.row a.name')).resolves.toContainEqual(['الويب', 'rtl']);
    await expect(direction(page, 'article.card .affected a')).resolves.toContainEqual(['Direct messages', 'ltr']);
    await expect(direction(page, '.site-header .home bdi')).resolves.toEqual([['تشيرب', 'rtl']]);
    await close();
  });

  test('a component page’s heading', async () => {
    const { page, close } = await open('ar', '/components/dm/');
    await expect(direction(page, 'h1 bdi')).resolves.toEqual([['Direct messages', 'ltr']]);
    // The heading itself stays on the page's side.
    await expect(direction(page, 'h1')).resolves.toEqual([['Direct messages', 'rtl']]);
    await close();
  });
});

describe('every component on the home page links to its own page, a target of 24 × 24 px at least', () => {
  test.each(
    [PHONE, DESKTOP].flatMap((viewport) => ['example-mid-outage', 'heavy', 'ar'].map((build) => ({ viewport, build }))),
  )('$build at $viewport.width px', async ({ build, viewport }) => {
    const { page, close } = await open(build, '/', { viewport });
    const links = (selector: string) =>
      page.locator(selector).evaluateAll((items) =>
        items.map((item) => {
          const link = item.querySelector('a[href*="/components/"]');
          const box = link?.getBoundingClientRect();
          return {
            text: item.textContent!.trim().slice(0, 30),
            href: link?.getAttribute('href') ?? null,
            big: box !== undefined && box.width >= 24 && box.height >= 24,
          };
        }),
      );
    const rows = await links('li.row');
    const cards = await links('article.card .affected li');
    expect(rows.length).toBeGreaterThan(3);
    expect(cards.length).toBeGreaterThan(0);
    for (const item of [...rows, ...cards])
      expect([item.href ?? '', item.big], item.text).toEqual([expect.stringMatching(/\/components\/[^/]+\/$/), true]);
    expect(new Set(rows.map((row) => row.href)).size).toBe(rows.length);
    await close();
  });
});
