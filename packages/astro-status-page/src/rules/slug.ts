/**
 * What names a page or a thing in a URL: an incident file's slug, a
 * component id, a notify channel's name. Lowercase ASCII letters, digits and
 * hyphens, starting with a letter or digit; the one rule every such name
 * follows, so `slugify` can never make one that the validator refuses.
 */
export const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Whether `text` is a slug by the rule above. */
export const isSlug = (text: string): boolean => SLUG.test(text);

/** The words every refusal of a slug uses, before its example. */
export const SLUG_RULE = 'lowercase letters, digits and hyphens';

/** `incidents/2022/2022-12-28-outage.md` → `2022-12-28-outage`: a content file's name without its folder and `.md`. */
export function slugFromPath(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
}

/**
 * `Login & posting: failing!` → `login-posting-failing`: lowercase ASCII
 * letters, digits and hyphens (the validator's file-name rule), accents
 * dropped. With `maxLength`, a longer slug is cut at a word.
 */
export function slugify(text: string, maxLength: number = Infinity): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return cut.slice(0, lastHyphen > 20 ? lastHyphen : maxLength).replace(/-+$/, '');
}
