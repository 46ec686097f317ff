/*
 * Size limits on what staff write, and why. A status page is read on bad
 * phones at the worst moment: every page must stay within its budget (home
 * ≤ 14 KB gzipped, any page ≤ 50 KB) whatever is published, the build must
 * stay quick, and a mistake (a pasted log, a runaway script) must be refused,
 * not published. Sizes are in UTF-8 bytes, what a page actually carries.
 */

export const LIMITS = {
  /** A headline, shown in lists, tabs and feed titles. */
  titleBytes: 150,
  /**
   * One update: a few paragraphs. Measured on 1,000 updates of real histories
   * (`node bench/message-lengths.ts`; nine public cState sites, four saved
   * Statuspage dumps): median 233 bytes, 90% under 692, 99% under 1,484,
   * 99.9% under 2,555. 2,600 admits 999 of the 1,000 (1,400 admitted 98.8%);
   * the one over is a 6,979-byte postmortem with a pasted log, which the
   * importer moves into the body. With 30 updates at the limit and a full
   * body the incident page is about 27 KB gzipped (its budget is 50 KB); the
   * home page does not grow, as its cards show at most `cardMessageBytes`.
   */
  messageBytes: 2_600,
  /**
   * What a home-page card shows of the latest update before "Read the full
   * update": five open incidents with long updates would otherwise push the
   * home page past its first round trip, and a phone reader past the banner.
   * Most real updates (median 233 bytes; 87% are 600 or less) show whole.
   */
  cardMessageBytes: 600,
  /** The postmortem (the file's body): about 2,000 words of English. */
  bodyBytes: 12_000,
  /** Updates per incident; a longer story is a follow-up incident. */
  updates: 30,
  /** Lists and quotes nested deeper than this are a paste gone wrong, and slow or crash Markdown rendering. */
  markdownDepth: 16,
  /** A run of one emphasis character (`*`, `_`, `~`) longer than this is never meant. */
  emphasisRun: 100,
  /** A maintenance window; longer work is several windows. */
  windowDays: 7,
  /** How far ahead a maintenance window, or an update marked `scheduled: true`, may lie. */
  futureDays: 366,
  /** How far ahead of the clock an ordinary update may be stamped (clocks and typing disagree a little). */
  clockSkewMinutes: 10,
  /**
   * Components on one page. The home page lists each with its bar of days;
   * at 500 it is still within its 50 KB gzipped budget (groups over
   * `openGroupComponents` show folded, their worst status first), and
   * a reader can still scan it. A larger estate is several pages.
   */
  components: 500,
  /**
   * How far after its update a promised next update (`next_update:`) may lie:
   * a day covers an overnight "we will post by 09:00"; a promise further off
   * is a typo ("30 h" for "30 min") that would keep readers waiting silently.
   */
  promiseHours: 24,
  /** The earliest year a timestamp may have. */
  firstYear: 1970,
} as const;

export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** "2,600 bytes (about 2,600 characters of English, …)" */
export function describeBytes(bytes: number): string {
  return `${bytes.toLocaleString('en')} bytes (about ${bytes.toLocaleString('en')} characters of English, a third as many in Chinese or Japanese)`;
}

/**
 * How deeply a line nests Markdown containers: each leading `>` or list
 * marker counts one level, and indentation counts a level per two columns
 * (nested lists are made by indenting). An over-estimate is fine: the limit
 * is far above anything written by hand.
 */
export function markdownDepth(markdown: string): number {
  let deepest = 0;
  for (const line of markdown.split('\n')) {
    let depth = 0;
    let rest = line;
    for (;;) {
      const container = /^( *)(>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))/.exec(rest);
      if (!container) break;
      depth += 1 + Math.floor(container[1]!.length / 2);
      rest = rest.slice(container[0].length);
    }
    depth += Math.floor((/^ */.exec(rest)?.[0].length ?? 0) / 2);
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The longest run of one emphasis character. */
export function longestEmphasisRun(markdown: string): number {
  let longest = 0;
  for (const match of markdown.matchAll(/\*+|_+|~+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** What is wrong with a piece of Markdown, if anything, for a message. */
export function markdownProblem(markdown: string): string | undefined {
  const depth = markdownDepth(markdown.replace(/\t/g, '    '));
  if (depth > LIMITS.markdownDepth) {
    return `nests lists or quotes ${depth} levels deep; at most ${LIMITS.markdownDepth} are allowed. Flatten the list or remove the extra ">" and list markers`;
  }
  const run = longestEmphasisRun(markdown);
  if (run > LIMITS.emphasisRun)
    return `has a run of ${run} emphasis characters (* _ ~); at most ${LIMITS.emphasisRun} are allowed`;
  return undefined;
}
