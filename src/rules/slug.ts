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
