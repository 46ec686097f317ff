import { describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import { legacyRedirects, redirectPage, redirectsFile } from './redirects.ts';
import type { ValidIncidentFile } from '../files/validate.ts';

const file = (slug: string, source?: Record<string, string>): ValidIncidentFile =>
  ({
    slug,
    file: `incidents/${slug}.md`,
    body: '',
    data: {
      kind: 'incident',
      title: `Title of ${slug}`,
      impact: 'minor',
      components: {},
      updates: [],
      ...(source ? { source } : {}),
    },
  }) as unknown as ValidIncidentFile;

describe('legacyRedirects', () => {
  test('maps each Statuspage and cState source to its old path, leaving out paths the site publishes itself', () => {
    const redirects = legacyRedirects([
      file('2024-05-02-login-failing', { statuspage: 'p31zjtct2jer' }),
      file('2024-05-03-api-errors', { cstate: '2024-05-03-api' }),
      file('2024-05-04-same-as-old', { statuspage: '2024-05-04-same-as-old' }),
      file('2024-05-05-hand-written'),
    ]);
    expect(redirects).toEqual([
      {
        from: '/incidents/p31zjtct2jer/',
        slug: '2024-05-02-login-failing',
        title: 'Title of 2024-05-02-login-failing',
      },
      { from: '/issues/2024-05-03-api/', slug: '2024-05-03-api-errors', title: 'Title of 2024-05-03-api-errors' },
    ]);
  });

  test('a cState path is answered lowercased, as Hugo publishes it, and in its original case', () => {
    const redirects = legacyRedirects([
      file('2022-04-27-aks-publick8s-version-update', { cstate: '2022-04-26-maintenance-AKS-k8s' }),
      file('2022-05-01-red', { cstate: 'actualización-RED' }),
    ]);
    expect(redirects.map((redirect) => [redirect.from, redirect.slug])).toEqual([
      ['/issues/2022-04-26-maintenance-aks-k8s/', '2022-04-27-aks-publick8s-version-update'],
      ['/issues/2022-04-26-maintenance-AKS-k8s/', '2022-04-27-aks-publick8s-version-update'],
      ['/issues/actualización-red/', '2022-05-01-red'],
      ['/issues/actualización-RED/', '2022-05-01-red'],
    ]);
  });

  test('the first file to claim an old path keeps it', () => {
    const redirects = legacyRedirects([
      file('2024-05-02-a', { statuspage: 'x1' }),
      file('2024-05-02-b', { statuspage: 'x1' }),
    ]);
    expect(redirects.map((redirect) => redirect.slug)).toEqual(['2024-05-02-a']);
  });
});

test('_redirects lists each old path, with and without its slash, permanently, under the base', () => {
  const text = redirectsFile(
    [{ from: '/incidents/p31zjtct2jer/', slug: '2024-05-02-login-failing', title: 'x' }],
    (path) => `/status${path}`,
  );
  expect(text).toBe(
    '/status/incidents/p31zjtct2jer /status/incidents/2024-05-02-login-failing/ 301\n/status/incidents/p31zjtct2jer/ /status/incidents/2024-05-02-login-failing/ 301\n',
  );
});

test('the redirect page refreshes to the new page, links to it, has no script and is not indexed', () => {
  const html = redirectPage(
    { from: '/incidents/x/', slug: 's', title: 'Login <failing>' },
    '/incidents/s/',
    'https://status.example/incidents/s/',
  );
  const root = parse(html);
  expect(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/incidents/s/');
  expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  expect(root.querySelector('a')?.getAttribute('href')).toBe('/incidents/s/');
  expect(root.querySelector('a')?.text).toBe('Login <failing>');
  expect(root.querySelector('html')?.getAttribute('lang')).toBe('en');
  expect(html).not.toMatch(/<script/i);
});
