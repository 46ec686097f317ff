import { describe, expect, test } from 'vitest';
import en from './en.json' with { type: 'json' };
import { catalogOf, catalogSchema, fill, shapeSchema } from './catalog.ts';
import { LOCALES } from './locales.ts';

/** Every leaf of a catalog as `path → text` (plural forms as `path.one`…). */
function leaves(catalog: unknown, path = ''): Array<[string, string]> {
  if (typeof catalog === 'string') return [[path, catalog]];
  return Object.entries(catalog as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, path ? `${path}.${key}` : key),
  );
}
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('catalogs', () => {
  test.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(() => catalogOf(locale)).not.toThrow();
  });

  test('a catalog lacking a key, or with one English does not have, is refused', () => {
    const lacking = structuredClone(en) as Record<string, Record<string, unknown>>;
    delete lacking['home']!['pastIncidents'];
    const result = catalogSchema.safeParse(lacking);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['home.pastIncidents']);

    const extra = structuredClone(en) as Record<string, Record<string, unknown>>;
    extra['home']!['pastIncidentz'] = 'Past incidents';
    expect(catalogSchema.safeParse(extra).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['pastIncidentz'],
      path: ['home'],
    });
  });

  test('plural messages need `other` and take only plural categories', () => {
    const schema = shapeSchema({ n: { one: 'a', other: 'b' } });
    expect(schema.safeParse({ n: { other: 'x' } }).success).toBe(true);
    expect(schema.safeParse({ n: { zero: 'a', two: 'b', few: 'c', many: 'd', other: 'x' } }).success).toBe(true);
    expect(schema.safeParse({ n: { one: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ n: { single: 'x', other: 'y' } }).success).toBe(false);
  });

  test.each(LOCALES.filter((locale) => locale !== 'en'))('%s keeps every placeholder of the English text', (locale) => {
    const english = new Map(
      leaves(en).map(([path, text]) => [path.replace(/\.(zero|one|two|few|many|other)$/, ''), text]),
    );
    for (const [path, text] of leaves(catalogOf(locale))) {
      const reference = english.get(path.replace(/\.(zero|one|two|few|many|other)$/, ''))!;
      // A plural form for zero, one or two may spell the count out ("تحديثان", two updates); every other placeholder stays.
      const countOptional = /\.(zero|one|two)$/.test(path);
      const without = (names: string[]) => (countOptional ? names.filter((name) => name !== '{count}') : names);
      expect(without(placeholders(text)), `${locale} ${path}`).toEqual(without(placeholders(reference)));
    }
  });

  // A count is a whole number of updates, components or days: every form Intl.PluralRules picks for one is written
  // (Russian 1 обновление, 2 обновления, 5 обновлений), and no form it never picks (Japanese has only `other`);
  // `other` always, the schema's fallback (in Russian the form of fractions, which no count takes).
  test.each(LOCALES)('%s has the plural form of every whole count, and no other', (locale) => {
    const rules = new Intl.PluralRules(locale);
    const counts = Array.from({ length: 10_001 }, (_, count) => rules.select(count));
    const needed = [...new Set([...counts, 'other'])].sort();
    const plurals = leaves(catalogOf(locale))
      .map(([path]) => /^(.*)\.(zero|one|two|few|many|other)$/.exec(path))
      .filter((match) => match !== null);
    expect(plurals.length).toBeGreaterThan(0);
    const forms = new Map<string, string[]>();
    for (const [, message, category] of plurals) forms.set(message!, [...(forms.get(message!) ?? []), category!]);
    for (const [message, categories] of forms) expect(categories.sort(), `${locale} ${message}`).toEqual(needed);
  });

  test('fill replaces named placeholders and leaves unknown ones visible', () => {
    expect(fill('{name} status: {what}', { name: 'Chirp' })).toBe('Chirp status: {what}');
  });
});
