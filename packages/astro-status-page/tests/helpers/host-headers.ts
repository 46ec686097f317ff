import { existsSync, readFileSync } from 'node:fs';

export type HeaderRule = { pattern: string; headers: Record<string, string> };

/** A `_headers` file as Netlify and Cloudflare Pages read it: path pattern → header → value. */
export function readHeaderRules(file: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  if (!existsSync(file)) return rules;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers[name!.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

/** Both hosts' matching: `*` matches anything, including slashes. */
export const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

/** The headers a host sends for `path`: every matching rule's, a header set twice joined with commas. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const rule of rules.filter((candidate) => matches(candidate.pattern, path))) {
    for (const [name, value] of Object.entries(rule.headers))
      result[name] = result[name] ? `${result[name]}, ${value}` : value;
  }
  return result;
}
