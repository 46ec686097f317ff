import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readSiteConfig } from './site-files.ts';

function configDir(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-config-'));
  writeFileSync(join(dir, 'status.config.yaml'), yaml);
  return dir;
}

const GROUPS = `groups:
  - name: Apps
    components:
      - id: web
        name: Web
      - id: web
        name: Web again
`;

test('a valid config lists its groups and components', () => {
  const config = readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\n${GROUPS.replace('id: web\n        name: Web again', 'id: ios\n        name: iOS')}`));
  expect(config.groups[0]?.components.map((c) => c.id)).toEqual(['web', 'ios']);
});

test('a duplicate component id, a bad id and a missing URL are each reported with their line', () => {
  const run = () => readSiteConfig(configDir(`name: Chirp\n${GROUPS.replace('id: web\n        name: Web again', 'id: Web Again\n        name: x')}`));
  expect(run).toThrow(/status\.config\.yaml:\d+: url: must be an absolute URL/);
  expect(run).toThrow(/status\.config\.yaml:7: groups\.0\.components\.1\.id: must be lowercase letters, digits and hyphens/);
  const duplicate = () => readSiteConfig(configDir(`name: Chirp\nurl: https://x.example\n${GROUPS}`));
  expect(duplicate).toThrow(/status\.config\.yaml:8: groups\.0\.components\.1\.id: component id "web" is declared twice/);
});

const VALID_GROUPS = GROUPS.replace('id: web\n        name: Web again', 'id: ios\n        name: iOS');

test('time zone, language and local time default to UTC, English and off', () => {
  const config = readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\n${VALID_GROUPS}`));
  expect([config.timezone, config.locale, config.localTime]).toEqual(['UTC', 'en', false]);
  const set = readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\ntimezone: Asia/Tokyo\nlocale: pt-BR\nlocalTime: true\n${VALID_GROUPS}`));
  expect([set.timezone, set.locale, set.localTime]).toEqual(['Asia/Tokyo', 'pt-BR', true]);
});

test('a misspelt time zone or language is refused on its line with the nearest valid one', () => {
  const run = (lines: string) => () => readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\n${lines}${VALID_GROUPS}`));
  expect(run('timezone: America/New_Yrok\n')).toThrow(
    'status.config.yaml:3: timezone: unknown time zone "America/New_Yrok". Did you mean "America/New_York"? Use an IANA name such as "America/New_York", "Europe/Berlin" or "UTC".',
  );
  expect(run('timezone: EST5\n')).toThrow(/status\.config\.yaml:3: timezone: unknown time zone "EST5"\./);
  expect(run('locale: pt-br\n')).toThrow('status.config.yaml:3: locale: unknown locale "pt-br". Did you mean "pt-BR"? Allowed: en, de, fr, es, pt-BR, ja, ar');
  expect(run('localTime: yes please\n')).toThrow(/status\.config\.yaml:3: localTime: /);
});
