import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { IncidentFile } from '../files/schemas/incident.ts';
import { siteDir } from '../files/site-dir.ts';
import type { SourceFile, ValidIncidentFile } from '../files/validate.ts';
import { checkedSite } from '../site/checked-site.ts';

/** The folders whose code decides whether an incident file is valid: i18n, rules and files sit below everything else. */
export const RULE_FOLDERS = ['i18n', 'rules', 'files'] as const;

/**
 * The validation rules' own source. Astro clears the store only when its
 * config or version changes, so an entry checked by older rules must not be
 * reused: every file of the folders the validator may import (`RULE_FOLDERS`,
 * which lint keeps it inside) is part of every digest, so no list of files
 * can fall behind. Undefined (no reuse at all) if the source cannot be read.
 */
export function rulesSource(src = fileURLToPath(new URL('../', import.meta.url))): string | undefined {
  try {
    const files = globSync(
      RULE_FOLDERS.map((folder) => `${folder}/**/*.{ts,js,json}`),
      { cwd: src },
    ).filter((file) => !file.endsWith('.test.ts'));
    return files
      .sort()
      .map((file) => `${file}\n${readFileSync(`${src}${file}`, 'utf8')}`)
      .join('\n');
  } catch {
    return undefined;
  }
}

/** What the loader stores for each valid file: its path and its parsed frontmatter (the body is the entry's own). */
interface StoredIncident {
  file: string;
  frontmatter: IncidentFile;
}

/** A stored entry read back as the validator's result; the loader wrote only files that passed. */
export function storedIncident(entry: { id: string; data: unknown; body?: string | undefined }): ValidIncidentFile {
  const data = entry.data as StoredIncident;
  return { slug: entry.id, file: data.file, data: data.frontmatter, body: entry.body ?? '' };
}

/**
 * Loads `incidents/**\/*.md` with our own validator instead of the glob
 * loader: the glob loader's YAML parser turns `2022-12-28T12:13:00` into a UTC
 * date, hiding a missing zone, and it cannot check rules across files (unique
 * slugs) or report line numbers. The CLI's `check` runs the same function.
 *
 * Astro keeps the store between builds (in the cache folder), so a file whose
 * text and component ids are unchanged reuses its stored, already validated
 * entry: publishing one incident re-parses one file, not the whole history.
 *
 * Under `npm run build` the check has already validated every file and built
 * the model the pages use (src/site/checked-site.ts), so the loader reads
 * nothing and leaves the store as it was: its digests still decide what a
 * later `astro dev` or bare `astro build` must re-check. Nor does it load the
 * validator then: Astro's content sync loads this module through Vite, one
 * file at a time, on every build and `astro dev` start.
 *
 * `rules` is the validator's source (tests give a copy to edit).
 */
export function incidentsLoader(rules: () => string | undefined = rulesSource): Loader {
  return {
    name: 'status-incidents',
    load: async ({ store, generateDigest }) => {
      const dir = siteDir();
      if (checkedSite(dir)) return;
      const [{ openSite }, { IncidentValidationError }] = await Promise.all([
        import('../files/open-site.ts'),
        import('../files/validate.ts'),
      ]);
      const ruleText = rules();
      const digests = new Map<string, string>();
      let context: string | undefined;
      // A file's digest covers the rules, the component ids and its own path and text.
      const digestOf = (source: SourceFile, componentIds: readonly string[]) => {
        context ??= generateDigest(`${ruleText ?? ''}\n${componentIds.join(',')}`);
        const digest = generateDigest(`${context}\n${source.path}\n${source.text}`);
        digests.set(source.path, digest);
        return digest;
      };
      // Stored by slug, which an `id` makes differ from the file name: found by file.
      const storedByFile = new Map(store.values().map((stored) => [storedIncident(stored).file, stored]));
      const unchanged = (source: SourceFile, componentIds: readonly string[]): ValidIncidentFile | undefined => {
        const digest = digestOf(source, componentIds);
        const stored = storedByFile.get(source.path);
        if (ruleText === undefined || !stored || stored.digest !== digest) return undefined;
        return storedIncident(stored);
      };
      const { entries, problems } = openSite(dir, { unchanged });
      if (problems.length > 0) throw new IncidentValidationError(problems);
      const slugs = new Set(entries.map((entry) => entry.slug));
      for (const id of store.keys()) if (!slugs.has(id)) store.delete(id);
      for (const entry of entries) {
        // An unchanged digest makes set() a no-op.
        store.set({
          id: entry.slug,
          data: { file: entry.file, frontmatter: entry.data } satisfies StoredIncident,
          body: entry.body,
          filePath: entry.file,
          digest: digests.get(entry.file)!,
        });
      }
    },
  };
}
