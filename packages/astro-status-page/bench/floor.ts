import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * The floor the build is measured against: the least a static generator of
 * these pages must do, in plain Node. It reads the same incident files, parses
 * their YAML frontmatter and writes one page per incident, nothing more (no
 * validation, no Markdown, no model, no other pages). `npm run bench` runs it
 * beside `npm run build` on the same files, so each build time is a ratio to
 * it and two machines, or a busy and an idle one, compare. bench/astro-alone/
 * is the same page in an Astro project of one route: what Astro itself costs.
 *
 * `node bench/floor.ts <site dir> <out dir>`; replaces <out dir>.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string): string => text.replace(/[&<>"]/g, (char) => ESCAPES[char]!);

/**
 * One incident as the floors read it: its YAML parsed, nothing checked. A
 * type, not an interface, so Astro's page props take it as it is.
 */
export type FloorIncident = {
  slug: string;
  title: string;
  messages: string[];
  body: string;
};

/** Every incident file of a site, read and its frontmatter parsed: the part both floors share. */
export function readFloorIncidents(siteDir: string): FloorIncident[] {
  const files = readdirSync(join(siteDir, 'incidents'), { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith('.md'),
  );
  return files.map((entry) => {
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    const end = text.indexOf('\n---', 4);
    const data = parse(text.slice(4, end)) as { title: string; updates: { message: string }[] };
    return {
      slug: basename(entry.name, '.md'),
      title: data.title,
      messages: data.updates.map((update) => update.message),
      body: text.slice(text.indexOf('\n', end + 1) + 1),
    };
  });
}

export function writeFloorSite(siteDir: string, outDir: string): number {
  rmSync(outDir, { recursive: true, force: true });
  const incidents = readFloorIncidents(siteDir);
  for (const { slug, title, messages, body } of incidents) {
    const updates = messages.map((message) => `<li>${escape(message)}</li>`).join('');
    mkdirSync(join(outDir, 'incidents', slug), { recursive: true });
    writeFileSync(
      join(outDir, 'incidents', slug, 'index.html'),
      `<!doctype html><title>${escape(title)}</title><h1>${escape(title)}</h1><ol>${updates}</ol><pre>${escape(body)}</pre>\n`,
    );
  }
  return incidents.length;
}

if (import.meta.main) {
  const [site = '.', out = 'floor-dist'] = process.argv.slice(2);
  const pages = writeFloorSite(resolve(site), resolve(out));
  console.log(`${pages} pages written to ${resolve(out)}`);
}
