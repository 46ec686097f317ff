import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSiteConfig } from './site-files.ts';

/*
 * One URL rule and one address rule hold for every field of their kind: each
 * careless value is tried in each field, and refused on its line with the
 * reason (or accepted where that field allows it).
 */

/** A config with `line` as line 3 (top level) or inside one email channel (`channel`). */
function config(place: 'top' | 'notify' | 'channel', line: string): string {
  const top = place === 'top' ? `${line}\n` : '';
  const hub = place === 'notify' ? `  ${line}\n` : '';
  const channel =
    place !== 'channel'
      ? ''
      : line.startsWith('from:')
        ? `      ${line}\n`
        : `      from: status@chirp.example\n      ${line}\n`;
  return `name: Chirp
url: https://status.chirp.example
${top}groups:
  - name: Apps
    components:
      - id: web
        name: Web
notify:
${hub}  channels:
    - name: mail
      type: email
      url_env: SMTP_URL
${channel || '      from: status@chirp.example\n'}      to: [subscribers@chirp.example]
`;
}

function read(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'status-fields-'));
  writeFileSync(join(dir, 'status.config.yaml'), yaml);
  return readSiteConfig(dir);
}

/** Where each field sits in `config`, and the line its error names. */
const FIELDS = {
  url: { place: 'top', line: 3, path: 'url' },
  homepage: { place: 'top', line: 3, path: 'homepage' },
  logo: { place: 'top', line: 3, path: 'logo' },
  websub_hub: { place: 'notify', line: 9, path: 'notify.websub_hub' },
  list_unsubscribe: { place: 'channel', line: 14, path: 'notify.channels.0.list_unsubscribe' },
  from: { place: 'channel', line: 13, path: 'notify.channels.0.from' },
} as const;

type Field = keyof typeof FIELDS;

function outcome(field: Field, value: string): string {
  const { place, line, path } = FIELDS[field];
  // `url` is line 2 already: replace it rather than give it twice.
  const yaml =
    field === 'url'
      ? config('top', '').replace('url: https://status.chirp.example\n\n', `url: ${JSON.stringify(value)}\n`)
      : config(place, `${field}: ${JSON.stringify(value)}`);
  try {
    read(yaml);
    return 'accepted';
  } catch (error) {
    const message = (error as Error).message;
    const at = `status.config.yaml:${field === 'url' ? 2 : line}: ${path}: `;
    const found = message.split('\n').find((row) => row.trim().startsWith(at));
    return found
      ? found
          .trim()
          .slice(at.length)
          .replace(/; (write|it must).*$/, '')
      : `unexpected: ${message}`;
  }
}

const CREDENTIALS = 'must not carry a user name or password';
const UNSEEN = 'holds a space, line break or control character';

describe('one URL rule for every URL field', () => {
  const cases: Array<[Field, string, string]> = [
    // A user name and password would be published on every page (or in every mail).
    ['url', 'https://user:pass@status.chirp.example/', CREDENTIALS],
    ['homepage', 'https://user:pass@chirp.example/', CREDENTIALS],
    ['websub_hub', 'https://user:pass@hub.example/', CREDENTIALS],
    ['list_unsubscribe', 'https://user:pass@chirp.example/unsubscribe', CREDENTIALS],
    // A script URL, published as a link or in every feed.
    ['url', 'javascript:alert(1)', 'uses javascript:, but only https: or http: is allowed here'],
    ['homepage', 'javascript:alert(1)', 'uses javascript:, but only https: or http: is allowed here'],
    ['websub_hub', 'javascript:alert(1)', 'uses javascript:, but only https: or http: is allowed here'],
    ['list_unsubscribe', 'javascript:alert(1)', 'uses javascript:, but only mailto: or https: is allowed here'],
    ['list_unsubscribe', 'http://chirp.example/unsubscribe', 'uses http:, but only mailto: or https: is allowed here'],
    // A line break the URL parser would silently drop.
    ['url', 'https://status.chirp\n.example/', UNSEEN],
    ['homepage', 'https://chirp\n.example/', UNSEEN],
    ['websub_hub', 'https://hub\t.example/', UNSEEN],
    ['list_unsubscribe', 'mailto:unsub\n@chirp.example', UNSEEN],
    // Not absolute.
    ['url', 'status.chirp.example', 'is not an absolute URL'],
    ['homepage', 'chirp.example', 'is not an absolute URL'],
    ['websub_hub', '/hub', 'is not an absolute URL'],
    ['list_unsubscribe', 'unsubscribe please', UNSEEN],
    ['list_unsubscribe', 'mailto:?subject=unsubscribe', 'names no address after mailto:'],
    // What each field allows.
    ['url', 'https://chirp.example/status/', 'accepted'],
    ['url', 'https://chirp.example/?x=1', 'must not have a query (?…) or fragment (#…)'],
    ['homepage', 'https://chirp.example/?ref=status', 'accepted'],
    ['websub_hub', 'https://pubsubhubbub.appspot.com/', 'accepted'],
    ['list_unsubscribe', 'mailto:unsubscribe@chirp.example?subject=unsubscribe', 'accepted'],
    ['list_unsubscribe', 'https://chirp.example/unsubscribe', 'accepted'],
    // A site path starts with one slash: two (or a backslash) name another host.
    ['logo', '//chirp-logo.svg', "starts with //, which browsers read as another host's address"],
    ['logo', '/\\evil.example/logo.svg', "starts with /\\, which browsers read as another host's address"],
    ['logo', 'logo.svg', 'must start with /'],
    ['logo', '/../secret.svg', 'must not step out of the site with ..'],
    ['logo', '/logo.gif', 'is not the name of an SVG or PNG file'],
    ['logo', '/brand/logo.svg', 'accepted'],
  ];
  test.each(cases)('%s: %j is %s', (field, value, expected) => {
    expect(outcome(field, value)).toBe(expected);
  });
});

describe('one address rule for every email address field', () => {
  const cases: Array<[Field | 'to', string, string]> = [
    ['from', 'Chirp status <status@chirp.example>', 'accepted'],
    ['from', 'Chirp\nstatus <status@chirp.example>', 'holds a line break or control character'],
    ['from', 'Chirp status', 'names no address'],
    ['from', 'a@chirp.example, b@chirp.example', 'holds 2 addresses; give one per entry'],
    ['to', 'subscribers\r\n@chirp.example', 'holds a line break or control character'],
    ['to', 'Subscribers', 'names no address'],
    ['to', 'Subscribers <subscribers@lists.chirp.example>', 'accepted'],
  ];
  test.each(cases)('%s: %j is %s', (field, value, expected) => {
    if (field !== 'to') return expect(outcome(field, value)).toBe(expected);
    const yaml = config('top', '').replace('to: [subscribers@chirp.example]', `to: [${JSON.stringify(value)}]`);
    let got = 'accepted';
    try {
      read(yaml);
    } catch (error) {
      const row = (error as Error).message.split('\n').find((line) => line.includes('notify.channels.0.to.0: '));
      got = row ? row.split('notify.channels.0.to.0: ')[1]!.replace(/; write.*$/, '') : (error as Error).message;
      expect(row).toContain('status.config.yaml:15: ');
    }
    expect(got).toBe(expected);
  });
});
