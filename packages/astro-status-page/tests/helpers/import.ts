import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readIncidentSources } from '../../src/files/site-files.ts';
import { splitFrontmatter } from '../../src/files/frontmatter.ts';
import { slugFromPath } from '../../src/rules/slug.ts';
import { STATUS_CLI } from './build.ts';
import { childEnv } from './child-env.ts';

const CLI = STATUS_CLI;

/** Run the staff CLI in `site`, as staff would; the environment is ours plus `env`. */
export function statusIn(site: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: site, encoding: 'utf8', env: childEnv(env) });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The same without blocking this process, for a CLI that talks to a server this process runs. */
export function statusInAsync(
  site: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: site, encoding: 'utf8', env: childEnv(env) },
      (_, out, err) => done({ code: child.exitCode, out, err }),
    );
  });
}

/** Each imported file's slug → the Statuspage id it came from (its `source`). */
export function importedIds(site: string): Map<string, string> {
  return new Map(
    readIncidentSources(site).map((file) => {
      const data = parse(splitFrontmatter(file.text)!.yaml) as { source: { statuspage: string } };
      return [slugFromPath(file.path), data.source.statuspage];
    }),
  );
}

/** Component ids of the rebuilt site → the original's, matched by name (ids are chosen afresh on import). */
export function componentIds(original: string, rebuilt: string): Map<string, string> {
  const components = (dir: string) =>
    (
      JSON.parse(readFileSync(join(dir, 'api/v2/components.json'), 'utf8')) as {
        components: Array<{ id: string; name: string }>;
      }
    ).components;
  const byName = new Map(components(original).map((component) => [component.name, component.id]));
  return new Map(components(rebuilt).map((component) => [component.id, byName.get(component.name) ?? component.id]));
}

/**
 * A JSON document with the rebuilt site's ids put back to the original's:
 * incident ids (and the update ids, incident_ids and shortlinks made from
 * them) and component ids. Everything else is compared as it is.
 */
export function withOriginalIds(
  value: unknown,
  incidents: Map<string, string>,
  components: Map<string, string>,
): unknown {
  const rename = (text: string): string => {
    const component = components.get(text);
    if (component !== undefined) return component;
    const update = /^(.*)-(update-\d{8}T\d{6}(?:\.\d+)?Z(?:-\d+)?)$/.exec(text);
    if (update && incidents.has(update[1]!)) return `${incidents.get(update[1]!)}-${update[2]}`;
    return text
      .replace(/\/incidents\/([^/]+)\/$/, (whole, slug: string) =>
        incidents.has(slug) ? `/incidents/${incidents.get(slug)}/` : whole,
      )
      .replace(/^.*$/, (whole) => incidents.get(whole) ?? whole);
  };
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((item) => withOriginalIds(item, incidents, components));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withOriginalIds(item, incidents, components)]),
    );
  return value;
}
