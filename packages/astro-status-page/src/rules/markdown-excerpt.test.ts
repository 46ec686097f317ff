import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { byteLength } from './limits.ts';
import { excerptMarkdown, renderMarkdown } from './markdown.ts';

// A real long update (Jenkins' status page, status.jenkins.io, cState issue
// "2023-01-23-ci-jenkins-io-outage", shortened) and the shapes staff write.
const REAL = [
  'ci.jenkins.io is unavailable: the controller VM was stopped by the cloud provider during a maintenance of the underlying host.',
  'We are restoring it from the latest snapshot, see [the infra ticket](https://github.com/jenkins-infra/helpdesk/issues/3360) for details.',
  '',
  '- Builds queued before 08:00 UTC are lost and must be retriggered',
  '- `Jenkinsfile` changes are not affected',
].join(' ');

describe('the start of a long update, for a home-page card', () => {
  test('a message that fits is not cut', () => {
    expect(excerptMarkdown('Login works again.', 600)).toBeUndefined();
  });

  test('whole blocks are kept while they fit; the next paragraph is cut at a space', () => {
    const markdown = `First paragraph, short.\n\n${'word '.repeat(200).trim()}`;
    const excerpt = excerptMarkdown(markdown, 100)!;
    expect(excerpt.startsWith('First paragraph, short.\n\nword')).toBe(true);
    expect(excerpt.endsWith('word')).toBe(true);
    expect(byteLength(excerpt)).toBeLessThanOrEqual(100);
  });

  test('a link, code or emphasis is never split: it is kept whole or left out', () => {
    const excerpt = excerptMarkdown(REAL, 190)!;
    expect(excerpt).not.toContain('[the infra');
    const longer = excerptMarkdown(REAL, 270)!;
    expect(renderMarkdown(longer)).toContain(
      '<a href="https://github.com/jenkins-infra/helpdesk/issues/3360">the infra ticket</a>',
    );
  });

  test('property: any cut fits its budget, is a start of the message, and renders every link it keeps whole', () => {
    const piece = fc.constantFrom(
      'Login ',
      'failing ',
      'é ',
      '🔥 ',
      '[status](https://example.com/a) ',
      '`code` ',
      '*slow* ',
      '\n\n',
      '- item\n',
      'مرحبا ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 20, max: 400 }),
        (pieces, max) => {
          const markdown = pieces.join('').trim();
          const excerpt = excerptMarkdown(markdown, max);
          if (excerpt === undefined) {
            expect(byteLength(markdown)).toBeLessThanOrEqual(max);
          } else {
            expect(byteLength(excerpt)).toBeLessThanOrEqual(max);
            expect(markdown.startsWith(excerpt)).toBe(true);
            expect(renderMarkdown(excerpt)).not.toContain('[status](');
          }
        },
      ),
    );
  });
});

test('a cut with no space to end at keeps every emoji whole: a family of four, a flag, a pirate flag', () => {
  const run = '👨‍👩‍👧‍👦🇯🇵🏴‍☠️🇫🇷'.repeat(40);
  const whole = new Set(['👨‍👩‍👧‍👦', '🇯🇵', '🏴‍☠️', '🇫🇷']);
  const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const max of [26, 33, 100, 599, 600, 601]) {
    const excerpt = excerptMarkdown(`${run} and words.`, max)!;
    expect(byteLength(excerpt)).toBeLessThanOrEqual(max);
    expect(excerpt.length).toBeGreaterThan(0);
    for (const { segment } of graphemes.segment(excerpt)) expect(whole.has(segment)).toBe(true);
  }
});
