import { z } from 'astro/zod';
import { byteLength, describeBytes, markdownProblem } from '../../rules/limits.ts';
import { unsafeLinks } from '../../rules/markdown.ts';
import { describeForbidden, findForbiddenCharacter, quote } from '../../rules/text.ts';

/** Why a published text cannot be published as is, or undefined. Shared by incident fields and the file body. */
export function textProblem(
  text: string,
  options: { maxBytes: number; markdown: boolean; oneLine?: boolean },
): string | undefined {
  const forbidden = findForbiddenCharacter(text);
  if (forbidden) return `contains ${describeForbidden(forbidden.codePoint)}, at character ${forbidden.index + 1}`;
  if (options.oneLine && text.includes('\n')) return 'must be one line';
  const bytes = byteLength(text);
  if (bytes > options.maxBytes)
    return `is ${bytes.toLocaleString('en')} bytes long; at most ${describeBytes(options.maxBytes)} are allowed. Shorten it`;
  if (!options.markdown) return undefined;
  const markdown = markdownProblem(text);
  if (markdown) return markdown;
  const [link] = unsafeLinks(text);
  if (link !== undefined)
    return `links to ${quote(link)}; links may only be https:, http:, mailto: or a path on this site such as /history/. Write the full address, e.g. https://example.com/page`;
  return undefined;
}

/** A text staff write and every output publishes: checked for characters, size and (for Markdown) nesting and links. */
export function publishedText(options: { maxBytes: number; markdown: boolean; oneLine?: boolean; required: string }) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `is required: ${options.required}` : `must be text: ${options.required}`,
    })
    .trim()
    .min(1, `must not be empty: ${options.required}`)
    .superRefine((text, ctx) => {
      const problem = textProblem(text, options);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
