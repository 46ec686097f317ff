import { axeViolations, DRAWN_RULES } from './helpers/axe.ts';
import { describe, expect, test } from 'vitest';
import { serveBuilds } from './helpers/built-sites.ts';

// What a reader sees of statuses that move: a resolved incident that looks
// over, and on a phone mid-outage, what is down before anything else.
const INCIDENT = '/incidents/2022-12-28-login-and-posting-failing/';
const open = serveBuilds(['example-next-day', 'example-mid-outage', 'example-monitoring']);

describe.each(['light', 'dark'] as const)('the resolved incident page in %s mode', (scheme) => {
  test('no element carries a live-outage colour', async () => {
    const { page, close } = await open('example-next-day', INCIDENT, { colorScheme: scheme, javaScriptEnabled: true });
    const found = await page.evaluate(() => {
      // The palette's live-status colours, resolved the way the page resolves them.
      const probe = document.createElement('span');
      document.body.append(probe);
      const live = ['--major', '--partial', '--degraded'].map((name) => {
        probe.style.color = `var(${name})`;
        return getComputedStyle(probe).color;
      });
      probe.remove();
      const offenders: string[] = [];
      for (const element of document.querySelectorAll('main *')) {
        const style = getComputedStyle(element);
        const colours = [style.color, style.backgroundColor, style.borderLeftColor, style.borderTopColor, style.fill];
        if (colours.some((colour) => live.includes(colour)))
          offenders.push(`${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`);
      }
      return { live, offenders };
    });
    expect(found.live).toHaveLength(3);
    expect(new Set(found.live).size).toBe(3);
    expect(found.offenders).toEqual([]);
    await close();
  });

  test('and the same check finds the live colour on the page mid-outage (the test can fail)', async () => {
    const { page, close } = await open('example-mid-outage', INCIDENT, { colorScheme: scheme });
    const major = page.locator('.affected .label.major_outage').first();
    const colour = await major.evaluate((element) => getComputedStyle(element).color);
    const live = await page.evaluate(() => {
      const probe = document.createElement('span');
      probe.style.color = 'var(--major)';
      document.body.append(probe);
      return getComputedStyle(probe).color;
    });
    expect(colour).toBe(live);
    await close();
  });

  test('axe-core finds no violations', async () => {
    for (const [build, path] of [
      ['example-next-day', INCIDENT],
      ['example-monitoring', '/'],
      ['example-monitoring', INCIDENT],
    ] as const) {
      const { page, close } = await open(build, path, { colorScheme: scheme, javaScriptEnabled: true });
      // Dark mode changes only the palette (tests/browser.test.ts checks it), so it needs only the drawn rules.
      expect(
        (await axeViolations(page, scheme === 'dark' ? DRAWN_RULES : undefined)).map(
          (violation) => `${build} ${path} ${violation}`,
        ),
      ).toEqual([]);
      await close();
    }
  });
});

test('on a 360 px phone mid-outage, the first affected component shows without scrolling', async () => {
  const { page, close } = await open('example-mid-outage', '/', { viewport: { width: 360, height: 640 } });
  const first = page.locator('#active ~ article .affected li').first();
  await expect(first.innerText()).resolves.toBe('Web ✕ Major outage');
  const box = await first.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(640);
  // Scheduled maintenance waits below the components.
  const order = await page.evaluate(() =>
    ['#active', '#components', '#upcoming'].map((id) => document.querySelector(id)!.getBoundingClientRect().top),
  );
  expect(order).toEqual([...order].sort((a, b) => a - b));
  await close();
});
