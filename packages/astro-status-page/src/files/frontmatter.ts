/*
 * The one reader of the shape every Markdown file of a site shares (incident
 * files, templates) and that the cState importer reads too: a `---` line,
 * YAML, a `---` line, then the body. A UTF-8 BOM before the first `---` and
 * CRLF line ends are allowed wherever the text comes from, so a file saved by
 * any editor splits the same way.
 */

/** A file split at its frontmatter. */
export interface Frontmatter {
  /** The YAML between the two `---` lines, without the line end before the closing one. */
  yaml: string;
  /** Index in the text where the YAML starts: after the BOM, if any, and the opening `---` line. */
  yamlStart: number;
  /** Lines before the YAML (the opening `---`): a YAML line plus this is the file's line. */
  lineOffset: number;
  /** Everything after the closing `---` line. */
  body: string;
  /** Index in the text where the body starts. */
  bodyStart: number;
  /** The file's 1-based line the body starts on. */
  bodyLine: number;
  /** The line end of the opening `---` line: what lines added to the file should end with. */
  eol: '\n' | '\r\n';
}

const OPEN = /^\uFEFF?---(\r?\n)/;
// The closing line may directly follow the opening one (empty YAML) and may end the file.
const CLOSE = /(^|\r?\n)---(?:\r?\n|$)/;

/** `text` split at its frontmatter, or undefined when it does not start with a `---` line followed, later, by another. */
export function splitFrontmatter(text: string): Frontmatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const yamlStart = open[0].length;
  const close = CLOSE.exec(text.slice(yamlStart));
  if (!close) return undefined;
  const yaml = text.slice(yamlStart, yamlStart + close.index);
  const bodyStart = yamlStart + close.index + close[0].length;
  let bodyLine = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < bodyStart; i = text.indexOf('\n', i + 1)) bodyLine++;
  return {
    yaml,
    yamlStart,
    lineOffset: 1,
    body: text.slice(bodyStart),
    bodyStart,
    bodyLine,
    eol: open[1] === '\r\n' ? '\r\n' : '\n',
  };
}
