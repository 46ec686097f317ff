import { expect, test } from 'vitest';
import { serveBuilds } from './helpers/built-sites.ts';

// Printed, a page keeps what it says and drops what only works on screen: the header's links, and the bars with every label of theirs.
const open = serveBuilds(['example-mid-outage']);

test.each(['/', '/components/web/'])(
  'printing %s hides the header links and the bars with their labels',
  async (path) => {
    const { page, close } = await open('example-mid-outage', path, { viewport: { width: 1280, height: 900 } });
    const shown = (media: 'screen' | 'print') =>
      page.emulateMedia({ media }).then(() =>
        page.evaluate(() =>
          [
            '.site-header .subscribe',
            '.site-header .back',
            '.bar',
            '.windows',
            '.site-header .home',
            'main h1, #components',
          ]
            .map((selector) => [
              selector,
              [...document.querySelectorAll(selector)].some((element) => getComputedStyle(element).display !== 'none'),
            ])
            .filter(([, any]) => any)
            .map(([selector]) => selector),
        ),
      );
    expect(await shown('screen')).toEqual([
      '.site-header .subscribe',
      '.site-header .back',
      '.bar',
      '.windows',
      '.site-header .home',
      'main h1, #components',
    ]);
    expect(await shown('print')).toEqual(['.site-header .home', 'main h1, #components']);
    await close();
  },
);
