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
  expect(run).toThrow(/status\.config\.yaml:\d+: url: is required: the address this page is published at/);
  expect(run).toThrow(/status\.config\.yaml:7: groups\.0\.components\.1\.id: must be lowercase letters, digits and hyphens/);
  const duplicate = () => readSiteConfig(configDir(`name: Chirp\nurl: https://x.example\n${GROUPS}`));
  expect(duplicate).toThrow(/status\.config\.yaml:8: groups\.0\.components\.1\.id: component id "web" is declared twice/);
});
