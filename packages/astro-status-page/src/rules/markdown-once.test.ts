import { expect, test, vi } from 'vitest';
import * as smartypants from 'smartypants';
import { renderMarkdown } from './markdown.ts';

// Counts the typesetter's calls, which every render of plain text makes.
vi.mock('smartypants', async (original) => {
  const real = await original<typeof import('smartypants')>();
  return { smartypantsu: vi.fn(real.smartypantsu) };
});

test('a text is rendered once, however often the check and the model ask for it', () => {
  const text = 'The work has started -- thank you for your "patience".';
  const first = renderMarkdown(text);
  const calls = vi.mocked(smartypants.smartypantsu).mock.calls.length;
  expect(calls).toBeGreaterThan(0);
  expect(renderMarkdown(text)).toBe(first);
  expect(renderMarkdown(`${text}`)).toBe('<p dir="auto">The work has started — thank you for your “patience”.</p>\n');
  expect(vi.mocked(smartypants.smartypantsu).mock.calls.length).toBe(calls);
  renderMarkdown('Another text.');
  expect(vi.mocked(smartypants.smartypantsu).mock.calls.length).toBeGreaterThan(calls);
});
