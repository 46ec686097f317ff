import { expect, test } from 'vitest';
import { siteText } from './site-text.ts';
import { lastDayChecks } from './measured.ts';

const text = (locale: 'en' | 'ar' | 'ja' | 'ru' | 'zh-CN') => siteText({ locale, timezone: 'UTC', now: 0 });

test('lists are joined as each language joins them', () => {
  expect(text('en').list(['Web', 'iOS app', 'Android app'])).toBe('Web, iOS app and Android app');
  expect(text('ar').list(['الويب', 'تطبيق iOS'])).toBe('الويب وتطبيق iOS');
  expect(text('ja').list(['Web', 'iOS'])).toBe('Web、iOS');
  // A page links each item: the same words, items handed back as given.
  expect(text('ar').listParts([{ id: 'web' }, { id: 'ios' }])).toEqual([
    { item: { id: 'web' }, glue: '' },
    { literal: ' ' },
    { item: { id: 'ios' }, glue: 'و' },
  ]);
});

test('counts take the plural form the language gives the number', () => {
  const updates = (locale: 'en' | 'ru' | 'zh-CN', count: number) =>
    text(locale).count(text(locale).t.event.updates, count);
  expect([1, 2, 5, 11, 21, 22, 111].map((count) => updates('ru', count))).toEqual([
    '1 обновление',
    '2 обновления',
    '5 обновлений',
    '11 обновлений',
    '21 обновление',
    '22 обновления',
    '111 обновлений',
  ]);
  expect(text('ru').count(text('ru').t.home.daysAgo, 90)).toBe('90 дней назад');
  expect(text('ru').count(text('ru').t.home.foldedAll, 3)).toBe('3 компонента, все в норме');
  expect([1, 5].map((count) => updates('zh-CN', count))).toEqual(['1条更新', '5条更新']);
  expect([1, 5].map((count) => updates('en', count))).toEqual(['1 update', '5 updates']);
});

test('response times carry the language’s unit, in its order', () => {
  expect(text('en').ms(1500)).toBe('1,500 ms');
  expect(text('ar').ms(500)).toBe('500 ملي ث');
});

test('the last day’s checks: how many failed, and when the last did', () => {
  const point = (at: number, ok: boolean) => ({
    at,
    check: 'web',
    ok,
    ms: ok ? 100 : null,
    why: ok ? null : 'timeout',
  });
  expect(lastDayChecks([point(1, true), point(2, false), point(3, false), point(4, true)])).toEqual({
    checks: 4,
    failed: 2,
    lastFailure: 3,
  });
  expect(lastDayChecks([point(1, true)])).toEqual({ checks: 1, failed: 0, lastFailure: null });
});
