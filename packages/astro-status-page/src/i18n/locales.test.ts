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
  expect(localeFor('zh-cn')).toBeUndefined();
  expect(localeFor('')).toBeUndefined();
});
