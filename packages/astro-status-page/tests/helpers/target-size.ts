import type { Page } from 'playwright-core';

/** A tap target under WCAG 2.2's 24 × 24 px that also fails its spacing rule. */
export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

/**
 * Every link and control on the page that fails WCAG 2.2 Target Size
 * (Minimum), 2.5.8: at least 24 × 24 CSS px, or, if smaller, a 24 px circle
 * centred on it overlaps no other target and no other small target's circle.
 * Exempt, as the criterion allows: links inside a sentence (shown inline in
 * a paragraph or list item with words of its own) and targets the pointer
 * cannot reach (hidden, or `pointer-events: none`).
 */
export function smallTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate(() => {
    const SIZE = 24;
    const targets = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [role="button"]'),
    ].filter((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.pointerEvents !== 'none';
    });
    // In a sentence: shown inline, in a paragraph or list item with words of its own (eight letters or more besides its links).
    const inSentence = (element: HTMLElement) => {
      const block = element.closest('p, li, dd, td');
      if (!block || getComputedStyle(element).display !== 'inline') return false;
      const words = block.cloneNode(true) as Element;
      words.querySelectorAll('a').forEach((link) => link.remove());
      return (words.textContent ?? '').replace(/[\s\p{P}\p{S}]/gu, '').length >= 8;
    };
    const boxes = targets.map((element) => ({ element, box: element.getBoundingClientRect() }));
    const small = boxes.filter(({ element, box }) => (box.width < SIZE || box.height < SIZE) && !inSentence(element));
    const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    const distanceToBox = (point: { x: number; y: number }, box: DOMRect) =>
      Math.hypot(
        Math.max(box.left - point.x, 0, point.x - box.right),
        Math.max(box.top - point.y, 0, point.y - box.bottom),
      );
    const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);
    return small
      .filter(({ element, box }) => {
        const c = centre(box);
        const hitsTarget = boxes.some(
          (other) => !related(other.element, element) && distanceToBox(c, other.box) < SIZE / 2 - 0.5,
        );
        const hitsCircle = small.some(
          (other) =>
            !related(other.element, element) &&
            Math.hypot(centre(other.box).x - c.x, centre(other.box).y - c.y) < SIZE - 0.5,
        );
        return hitsTarget || hitsCircle;
      })
      .map(({ element, box }) => ({
        what: `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''} "${(element.textContent ?? '').trim().slice(0, 40)}"`,
        width: Math.round(box.width),
        height: Math.round(box.height),
      }));
  });
}
