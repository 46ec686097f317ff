import { expect, test } from 'vitest';
import { localeFor } from './locales.ts';

test('a tag another tool wrote finds the language shipped for it, in any case or region', () => {
  // Hugo sites write languageCode as en-us, de-de, fr, pt-br, zh-cn.
  expect(['en-us', 'EN', 'de-DE', 'de_CH', 'fr', 'pt-br', 'pt-PT', 'ja-JP', 'ar-SA'].map(localeFor)).toEqual([
    'en',
    'en',
    'de',
    'de',
    'fr',
    'pt-BR',
    'pt-BR',
    'ja',
    'ar',
  ]);
  expect(['ru-RU', 'ru_UA', 'zh-cn', 'zh', 'zh-Hans', 'zh-Hans-CN', 'zh-SG'].map(localeFor)).toEqual([
    'ru',
    'ru',
    'zh-CN',
    'zh-CN',
    'zh-CN',
    'zh-CN',
    'zh-CN',
  ]);
  // Traditional Chinese readers do not silently get Simplified characters: no match, so the caller's default applies.
  expect(['zh-TW', 'zh-hk', 'zh-MO', 'zh-Hant', 'zh-Hant-TW'].map(localeFor)).toEqual(Array(5).fill(undefined));
  expect(localeFor('ko')).toBeUndefined();
  expect(localeFor('')).toBeUndefined();
});
