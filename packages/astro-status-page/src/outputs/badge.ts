import { escapeHtml } from '../rules/markdown.ts';
import { xmlSafe } from '../rules/text.ts';

/** The badge colours: dark enough for white text (4.5:1) whatever the page behind it. */
const COLOURS = {
  operational: '#1d7a3b',
  under_maintenance: '#1c5bb0',
  degraded_performance: '#8a6200',
  partial_outage: '#b14a06',
  major_outage: '#b3261e',
  none: '#1d7a3b',
  minor: '#8a6200',
  major: '#b14a06',
  critical: '#b3261e',
  maintenance: '#1c5bb0',
} as const;

export type BadgeTone = keyof typeof COLOURS;

// Approximate advance widths of Verdana at 11 px, as shields.io badges use:
// narrow letters, wide letters and the rest.
function textWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[ilj.,:;'|!]/.test(char) ? 3.5 : /[mwMW]/.test(char) ? 10 : /[A-Z]/.test(char) ? 7.5 : 6.6;
  return Math.ceil(width);
}

/**
 * A shields-style flat badge, "status | operational": the words carry the
 * status (not only the colour), and the SVG names itself for screen readers.
 */
export function renderBadge(label: string, message: string, tone: BadgeTone): string {
  const left = textWidth(label) + 12;
  const right = textWidth(message) + 12;
  const width = left + right;
  const name = escapeHtml(`${label}: ${message}`);
  const text = (x: number, value: string) => `<text x="${x}" y="14">${escapeHtml(value)}</text>`;
  return xmlSafe(
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${name}">`,
      `<title>${name}</title>`,
      `<rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${COLOURS[tone]}"/>`,
      `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">`,
      text(left / 2, label),
      text(left + right / 2, message),
      '</g></svg>',
    ].join(''),
  );
}
