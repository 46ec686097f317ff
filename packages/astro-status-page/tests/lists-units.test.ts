import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { page, readBuilt, text } from './helpers/pages.ts';

// Lists and units in the page's language (SiteText: Intl.ListFormat and
// Intl.NumberFormat with units): never a Latin comma opening a line of an
// Arabic page (",iOS app"), never "ms 500".

describe('the Arabic site joins lists and writes units as Arabic does', () => {
  const build = 'ar';

  test('the components of a maintenance are joined with "و", on its page, in its timeline and in the calendar', () => {
    const upgrade = page(build, '/incidents/upgrade/');
    expect(text(upgrade.querySelector('.affected > ul'))).toBe('⚙ مجدولة: Direct messages وتسجيل الدخول');
    expect(text(upgrade.querySelector('.timeline .changes'))).toBe('قيد الصيانة: Direct messages وتسجيل الدخول');
    expect(upgrade.querySelector('.affected > ul')?.textContent).not.toMatch(/,/);
    const calendar = new ICAL.Component(ICAL.parse(readBuilt(build, 'maintenance.ics')));
    const description = calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('description');
    expect(description).toMatch(/^المتأثر: Direct messages وتسجيل الدخول\n/);
  });

  test('response times read as Arabic writes them, and no "ms" is left on the page', () => {
    const web = page(build, '/components/web/');
    const table = web.querySelectorAll('.measured table td').map(text);
    expect(table.filter((cell) => /\d/.test(cell) && /ملي ث/.test(cell)).length).toBeGreaterThan(3);
    expect(text(web.querySelector('.measured .figures dd'))).toMatch(/^\d+ ملي ث$/);
    expect(text(web.querySelector('main'))).not.toMatch(/\bms\b/);
  });
});

describe('English lists end with "and", no serial comma', () => {
  test('an update that changed seven components', () => {
    const incident = page('example-mid-outage', '/incidents/2022-12-28-login-and-posting-failing/');
    expect(incident.querySelectorAll('.timeline .changes').map(text)).toContain(
      'Major outage: Web, iOS app, Android app, Login and Posting · Partial outage: Timelines and Public API',
    );
    expect(text(page('example-mid-outage', '/components/web/').querySelector('.measured .figures dd'))).toBe('161 ms');
  });
});
