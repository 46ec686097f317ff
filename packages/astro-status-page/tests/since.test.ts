import { describe, expect, test } from 'vitest';
import { page, text } from './helpers/pages.ts';

// The home card of an open incident says since when and for how long, near its top, with the time's zone.
describe('the home card of an open incident says since when', () => {
  test.each([
    { build: 'example-mid-outage', since: 'Since 07:13 EST · 1 h 17 min', datetime: '2022-12-28T12:13Z' },
    { build: 'example-monitoring', since: 'Since 07:13 EST · 1 h 47 min', datetime: '2022-12-28T12:13Z' },
    { build: 'ar', since: 'منذ 15:00 غرينتش+3 · 1 س', datetime: '2022-12-28T12:00Z' },
  ])('$build: "$since"', ({ build, since, datetime }) => {
    const card = page(build, '/').querySelector('#active ~ article')!;
    const line = card.querySelector('.since');
    expect(text(line)).toBe(since);
    expect(line!.querySelector('time')!.getAttribute('datetime')).toBe(datetime);
    // Under the status, above the affected components.
    const order = card.childNodes
      .filter((node) => 'tagName' in node)
      .map((node) => (node as unknown as { rawAttrs: string }).rawAttrs);
    expect(order.findIndex((attrs) => attrs.includes('class="since"'))).toBe(
      order.findIndex((attrs) => attrs.includes('class="meta"')) + 1,
    );
  });

  test('a resolved incident has no such line', () => {
    expect(page('example-next-day', '/').querySelectorAll('.since')).toHaveLength(0);
  });
});
