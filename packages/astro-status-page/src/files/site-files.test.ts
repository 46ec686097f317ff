import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readContentFolder, readSiteConfig, type ContentFolder } from './site-files.ts';

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
  const config = readSiteConfig(
    configDir(
      `name: Chirp\nurl: https://status.chirp.example\n${GROUPS.replace('id: web\n        name: Web again', 'id: ios\n        name: iOS')}`,
    ),
  );
  expect(config.groups[0]?.components.map((c) => c.id)).toEqual(['web', 'ios']);
});

test('a duplicate component id, a bad id and a missing URL are each reported with their line', () => {
  const run = () =>
    readSiteConfig(
      configDir(`name: Chirp\n${GROUPS.replace('id: web\n        name: Web again', 'id: Web Again\n        name: x')}`),
    );
  expect(run).toThrow(/status\.config\.yaml:\d+: url: is required: the address this page is published at/);
  expect(run).toThrow(
    /status\.config\.yaml:7: groups\.0\.components\.1\.id: must be lowercase letters, digits and hyphens/,
  );
  const duplicate = () => readSiteConfig(configDir(`name: Chirp\nurl: https://x.example\n${GROUPS}`));
  expect(duplicate).toThrow(
    /status\.config\.yaml:8: groups\.0\.components\.1\.id: component id "web" is declared twice/,
  );
});

const NOTIFY_SITE = `name: Chirp
url: https://status.chirp.example
groups:
  - name: Apps
    components:
      - id: web
        name: Web
      - id: api
        name: API
`;

test('notify channels: a valid list, and each mistake reported with its line, field and what is allowed', () => {
  const valid = readSiteConfig(
    configDir(`${NOTIFY_SITE}notify:
  websub_hub: https://hub.example/
  channels:
    - { name: api-slack, type: slack, url_env: API_SLACK_URL, components: [api] }
    - { name: mail, type: email, url_env: SMTP_URL, from: s@chirp.example, to: [l@chirp.example], list_unsubscribe: "mailto:u@chirp.example" }
`),
  );
  expect(valid.notify?.channels.map((channel) => [channel.name, channel.type, channel.components])).toEqual([
    ['api-slack', 'slack', ['api']],
    ['mail', 'email', undefined],
  ]);
  const run = () =>
    readSiteConfig(
      configDir(`${NOTIFY_SITE}notify:
  channels:
    - name: api-slack
      type: slack
      url_env: https://hooks.slack.com/services/oops
      components: [api]
    - name: pager
      type: pager
      url_env: PAGER_URL
    - name: mail
      type: email
      url_env: SMTP_URL
      from: s@chirp.example
      to: [not-an-address]
      list_unsubscribe: unsubscribe please
`),
    );
  expect(run).toThrow(/status\.config\.yaml:14: notify\.channels\.0\.url_env: must name an environment variable/);
  expect(run).toThrow(
    /status\.config\.yaml:17: notify\.channels\.1\.type: type must be one of: slack, discord, teams, webhook, email/,
  );
  expect(run).toThrow(
    'status.config.yaml:23: notify.channels.2.to.0: names no address; write one address such as subscribers@lists.chirp.example',
  );
  expect(run).toThrow(
    'status.config.yaml:24: notify.channels.2.list_unsubscribe: holds a space, line break or control character; write a mailto: or https: URL',
  );
});

test('notify channels: an unknown component and a repeated channel name, once the rest is valid', () => {
  const run = () =>
    readSiteConfig(
      configDir(`${NOTIFY_SITE}notify:
  channels:
    - { name: api-slack, type: slack, url_env: A_URL, components: [web, apii] }
    - { name: api-slack, type: discord, url_env: B_URL }
`),
    );
  expect(run).toThrow(
    /status\.config\.yaml:12: notify\.channels\.0\.components\.1: unknown component "apii"\. Did you mean "api"\? Allowed: web, api/,
  );
  expect(run).toThrow(/status\.config\.yaml:13: notify\.channels\.1\.name: channel name "api-slack" is used twice/);
});

const VALID_GROUPS = GROUPS.replace('id: web\n        name: Web again', 'id: ios\n        name: iOS');

test('time zone, language and local time default to UTC, English and on', () => {
  const config = readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\n${VALID_GROUPS}`));
  expect([config.timezone, config.locale, config.localTime]).toEqual(['UTC', 'en', true]);
  const set = readSiteConfig(
    configDir(
      `name: Chirp\nurl: https://status.chirp.example\ntimezone: Asia/Tokyo\nlocale: pt-BR\nlocalTime: false\n${VALID_GROUPS}`,
    ),
  );
  expect([set.timezone, set.locale, set.localTime]).toEqual(['Asia/Tokyo', 'pt-BR', false]);
});

test('a misspelt time zone or language is refused on its line with the nearest valid one', () => {
  const run = (lines: string) => () =>
    readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\n${lines}${VALID_GROUPS}`));
  expect(run('timezone: America/New_Yrok\n')).toThrow(
    'status.config.yaml:3: timezone: unknown time zone "America/New_Yrok". Did you mean "America/New_York"? Use an IANA name such as "America/New_York", "Asia/Kolkata" or "UTC".',
  );
  expect(run('timezone: EST5\n')).toThrow(/status\.config\.yaml:3: timezone: unknown time zone "EST5"\./);
  expect(run('locale: pt-br\n')).toThrow(
    'status.config.yaml:3: locale: unknown locale "pt-br". Did you mean "pt-BR"? Allowed: en, de, fr, es, pt-BR, ru, ja, zh-CN, ar',
  );
  expect(run('localTime: yes please\n')).toThrow(/status\.config\.yaml:3: localTime: /);
});

test('logo and homepage: optional; each mistake refused on its line with what is allowed', () => {
  const read = (lines: string) =>
    readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\n${lines}${VALID_GROUPS}`));
  expect(read('logo: /chirp-logo.svg\nhomepage: https://chirp.example\n')).toMatchObject({
    logo: '/chirp-logo.svg',
    homepage: 'https://chirp.example',
  });
  expect(read('')).not.toHaveProperty('logo');
  expect(() => read('logo: logo.gif\n')).toThrow(
    'status.config.yaml:3: logo: must start with /; write the path of an SVG or PNG file under public/, such as /logo.svg for public/logo.svg',
  );
  expect(() => read('logo: /../secret.svg\n')).toThrow(
    /status\.config\.yaml:3: logo: must not step out of the site with \.\.; write the path of an SVG or PNG file under public\//,
  );
  expect(() => read('homepage: chirp.example\n')).toThrow(
    "status.config.yaml:3: homepage: is not an absolute URL; write the platform's own site as an absolute http(s) URL, such as https://chirp.example",
  );
  expect(() => read('homepage: javascript:alert(1)\n')).toThrow(
    /status\.config\.yaml:3: homepage: uses javascript:, but only https: or http: is allowed here/,
  );
});

test('given public/, a logo that is not there is refused on its line, naming the images that are', () => {
  const publicDir = mkdtempSync(join(tmpdir(), 'status-public-'));
  mkdirSync(join(publicDir, 'brand'));
  writeFileSync(join(publicDir, 'brand/mark.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(publicDir, 'favicon.png'), '');
  mkdirSync(join(publicDir, 'folder.svg'));
  const read = (logo: string) =>
    readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\nlogo: ${logo}\n${VALID_GROUPS}`), {
      publicDir,
    });
  expect(read('/brand/mark.svg').logo).toBe('/brand/mark.svg');
  expect(() => read('/brand/logo.png')).toThrow(
    'status.config.yaml is not valid; nothing was published:\n  status.config.yaml:3: logo: names /brand/logo.png, but there is no public/brand/logo.png; add the file to public/ or remove logo (images there: /brand/mark.svg, /favicon.png)',
  );
  expect(() => read('/folder.svg')).toThrow(/logo: names \/folder\.svg, but there is no public\/folder\.svg/);
  // Without public/ to look in (the pages' own reads), the path's form is all that is checked.
  expect(
    readSiteConfig(configDir(`name: Chirp\nurl: https://status.chirp.example\nlogo: /brand/logo.png\n${VALID_GROUPS}`))
      .logo,
  ).toBe('/brand/logo.png');
});

// One rule for what may sit in incidents/ and templates/: the same careless entries give the same located reasons in both.
test.each<[ContentFolder, string]>([
  ['incidents', 'incident files'],
  ['templates', 'templates'],
])('what may sit in %s/: a file of the folder, or a reason it cannot be one', (folder, noun) => {
  const dir = mkdtempSync(join(tmpdir(), 'status-content-'));
  const site = join(dir, 'site');
  mkdirSync(join(site, folder, 'sub'), { recursive: true });
  writeFileSync(join(site, folder, 'good.md'), '---\n---\n');
  writeFileSync(join(site, folder, 'sub/nested.md'), '\uFEFF---\r\n---\r\n');
  mkdirSync(join(site, folder, 'folder.md'));
  symlinkSync(join(site, folder, 'gone.md'), join(site, folder, 'dangling.md'));
  writeFileSync(join(dir, 'outside.md'), 'x');
  symlinkSync(join(dir, 'outside.md'), join(site, folder, 'outside.md'));
  symlinkSync(join(site, folder, 'sub'), join(site, folder, 'linked-folder'));
  execFileSync('mkfifo', [join(site, folder, 'pipe.md')]);
  writeFileSync(join(site, folder, 'shout.MD'), 'x');
  writeFileSync(join(site, folder, 'latin1.md'), Buffer.from([0x2d, 0xe9, 0x0a]));
  // Skipped: hidden files (editors' and the CLI's temporary files) and files that are not Markdown at all.
  writeFileSync(join(site, folder, '.good.md.1234.tmp'), 'x');
  writeFileSync(join(site, folder, '.hidden.md'), 'x');
  writeFileSync(join(site, folder, 'notes.txt'), 'x');
  const found = Object.fromEntries(
    readContentFolder(site, folder).map((source) => [source.path, source.unreadable ?? source.text]),
  );
  expect(found).toEqual({
    [`${folder}/good.md`]: '---\n---\n',
    [`${folder}/sub/nested.md`]: '---\n---\n',
    [`${folder}/folder.md`]: `is a folder, not a file; a folder under ${folder}/ must not end in .md`,
    [`${folder}/dangling.md`]: 'is a link to a file that does not exist; replace it with the file itself',
    [`${folder}/outside.md`]: `is a link to ${join(dir, 'outside.md')}, outside the site folder; copy the file here instead of linking to it`,
    [`${folder}/linked-folder`]: `is a link to a folder; folders under ${folder}/ must be real folders, not links`,
    [`${folder}/pipe.md`]: `is not a plain file (a pipe, socket or device); ${noun} must be plain text files`,
    [`${folder}/shout.MD`]: `is not read: ${noun} end in ".md" (lowercase). Did you mean shout.md? Rename it, or move it out of ${folder}/`,
    [`${folder}/latin1.md`]: expect.stringMatching(/^is not valid UTF-8 \(byte 1 cannot be read\)/),
  });
  expect(readContentFolder(join(dir, 'nowhere'), folder)).toEqual([]);
});
