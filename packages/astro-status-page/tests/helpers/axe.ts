import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The axe-core rules whose outcome depends on how a page is drawn (its
 * colours, sizes and overlaps) rather than on its DOM alone. Every other rule
 * gives the same answer for the same DOM, visible parts and layout, so a page
 * checked with all rules in one colour scheme needs only these in the other:
 * dark mode changes colours and nothing else (`darkModeChangesOnlyColours`).
 * The suites run all rules at least once per page and width.
 */
export const DRAWN_RULES = [
  'color-contrast',
  'link-in-text-block',
  'target-size',
  'scrollable-region-focusable',
] as const;

/**
 * Where each page is checked: every rule at 360 px in light mode and at
 * 1280 px in dark mode, so each width and each scheme is checked whole once;
 * the other two pairings change only how the same DOM is drawn, so they run
 * the drawn rules. `rules` is what `axeViolations` takes.
 */
export const AXE_PAIRINGS = [
  { width: 360, colorScheme: 'light', rules: undefined, ruleSet: 'all' },
  { width: 1280, colorScheme: 'dark', rules: undefined, ruleSet: 'all' },
  { width: 360, colorScheme: 'dark', rules: DRAWN_RULES, ruleSet: 'drawn' },
  { width: 1280, colorScheme: 'light', rules: DRAWN_RULES, ruleSet: 'drawn' },
] as const;

/**
 * axe-core's violations on the page as `rule: targets`, all rules or only
 * `rules`; fails unless axe really ran them (every rule asked for has an outcome).
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  // Only violations are listed node by node: what the assertions read, at about three quarters of the time.
  // WCAG 2.2's target size (2.5.8) is off in axe's defaults; this project aims at 2.2.
  const builder = new AxeBuilder({ page }).options({
    resultTypes: ['violations'],
    rules: { 'target-size': { enabled: true } },
  });
  if (rules) builder.withRules([...rules]);
  const results = await builder.analyze();
  const outcomes = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map(
    (rule) => rule.id,
  );
  if (rules) expect(rules.filter((rule) => !outcomes.includes(rule))).toEqual([]);
  else expect(results.passes.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const violation of results.violations) {
    const nodes: string[] = [];
    for (const node of violation.nodes) {
      const target = node.target.join(' ');
      if (
        violation.id === 'target-size' &&
        (await page.locator(target).evaluate((element, selector) => element.matches(selector), EQUIVALENT_TARGETS))
      )
        continue;
      nodes.push(target);
    }
    if (nodes.length > 0) found.push(`${violation.id}: ${nodes.join(', ')}`);
  }
  return found;
}

/**
 * Targets under 24 px that WCAG 2.2's 2.5.8 exempts as "Equivalent", which
 * axe cannot see: with a mouse, a history bar's day marks are small links,
 * and each leads to an entry of the component page's day list, which the
 * row's own heading link reaches at full size; with touch the whole bar is one
 * target (tests/phone-browser.test.ts checks both).
 */
const EQUIVALENT_TARGETS = '.bar > a';

/** Every rule inside a `prefers-color-scheme` media block of the page only sets custom properties (the palette). */
export function darkModeChangesOnlyColours(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const offenders: string[] = [];
    const visit = (rules: CSSRuleList, inScheme: boolean) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule)
          visit(rule.cssRules, inScheme || rule.conditionText.includes('prefers-color-scheme'));
        else if (inScheme && rule instanceof CSSStyleRule) {
          for (const property of rule.style)
            if (!property.startsWith('--')) offenders.push(`${rule.selectorText} { ${property} }`);
        } else if (inScheme) offenders.push(rule.cssText.slice(0, 80));
      }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules, false);
    return offenders;
  });
}
