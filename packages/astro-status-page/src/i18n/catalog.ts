import { z } from 'astro/zod';
import ar from './ar.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };
import ptBR from './pt-BR.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };
import type { Locale } from './locales.ts';

/*
 * Every word of the interface, one catalog per language. English is the
 * reference: the schema below is derived from it, so a catalog that lacks one
 * of its keys, or has one it does not, is refused (src/i18n/catalog.test.ts).
 * Values are plain text with `{placeholders}`; a count takes plural forms
 * named by Intl.PluralRules (`one`, `few`, `other`…), `other` required.
 */

/** A message that depends on a count: a form per plural category of the language. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type Shape<T> = T extends string ? string : T extends { other: string } ? Plural : { [K in keyof T]: Shape<T[K]> };

/** A catalog: the English one's keys, each a string or plural forms. */
export type Catalog = Shape<typeof en>;

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
const pluralSchema = z.strictObject(
  Object.fromEntries(
    PLURAL_CATEGORIES.map((category) => [
      category,
      category === 'other' ? z.string().min(1) : z.string().min(1).optional(),
    ]),
  ),
);

/** The schema of `reference`'s shape: the same keys, nested the same way, no more. */
export function shapeSchema(reference: unknown): z.ZodType {
  // A separator that is a space in English may be nothing in another language (Japanese durations: 1時間57分).
  if (typeof reference === 'string')
    return reference.trim() === '' ? z.string() : z.string().min(1, 'must not be empty');
  const entries = Object.entries(reference as Record<string, unknown>);
  if (entries.some(([key]) => key === 'other')) return pluralSchema;
  return z.strictObject(Object.fromEntries(entries.map(([key, value]) => [key, shapeSchema(value)])));
}

export const catalogSchema = shapeSchema(en);

const SOURCES: Record<Locale, unknown> = { en, de, fr, es, 'pt-BR': ptBR, ru, ja, 'zh-CN': zhCN, ar };

/** The catalog of `locale`, checked against the English one's shape. */
export function catalogOf(locale: Locale): Catalog {
  const result = catalogSchema.safeParse(SOURCES[locale]);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`src/i18n/${locale}.json does not match the English catalog:\n${problems.join('\n')}`);
  }
  return result.data as Catalog;
}

export { fill } from './fill.ts';

/** `template` cut at its `{placeholders}`, for markup that puts an element (a `<time>`) in their place: "Updated {updated}" is ["Updated ", { name: "updated" }]. */
export function templateParts(template: string): Array<string | { name: string }> {
  return template
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 === 1 ? { name: part } : part))
    .filter((part) => part !== '');
}
