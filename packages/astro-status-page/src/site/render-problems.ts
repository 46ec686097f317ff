import type { Problem, ValidIncidentFile } from '../files/validate.ts';
import { renderMarkdown } from '../rules/markdown.ts';

/*
 * Apart from check-site.ts, which brings every output (feeds, calendar,
 * badges): the CLI checks what it writes with this alone, and starts lighter.
 */

/** Render every message and body, as the pages will at some moment; a failure is a problem, never a crash. */
export function renderProblems(entries: readonly ValidIncidentFile[]): Problem[] {
  const problems: Problem[] = [];
  const attempt = (entry: ValidIncidentFile, field: string, markdown: string) => {
    try {
      renderMarkdown(markdown);
    } catch {
      problems.push({
        file: entry.file,
        line: 1,
        field,
        message: 'cannot be turned into HTML; simplify its Markdown (nesting, long runs of symbols)',
      });
    }
  };
  for (const entry of entries) {
    entry.data.updates.forEach((update, i) => attempt(entry, `updates.${i}.message`, update.message));
    attempt(entry, 'body', entry.body);
  }
  return problems;
}
