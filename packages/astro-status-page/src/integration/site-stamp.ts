import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `paths` with its size and modification time, as one
 * string: under `astro dev`, a change the file watcher missed (a second save
 * soon after the first) still changes it, so the next request checks again.
 */
export function siteStamp(paths: readonly string[]): string {
  const lines: string[] = [];
  const visit = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // Not there (no probes/ folder): nothing to stamp.
    }
    if (!stat.isDirectory()) lines.push(`${path}\t${stat.size}\t${stat.mtimeMs}`);
    else for (const name of readdirSync(path).sort()) visit(join(path, name));
  };
  paths.forEach(visit);
  return lines.join('\n');
}
