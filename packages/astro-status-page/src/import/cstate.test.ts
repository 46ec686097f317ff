import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseIncidentFile } from '../files/validate.ts';
import { listComponents } from '../files/schemas/site-config.ts';
import { mapCstate, readCstateFolder } from './cstate.ts';
import { renderConfig, renderEvent } from './plan.ts';

const FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/cstate');
const plan = mapCstate(readCstateFolder(FIXTURE));
const fileOf = (name: string) =>
  renderEvent(plan.events.find((event) => 'cstate' in event.source && event.source.cstate === name)!);

describe('a cState site', () => {
  test('categories become groups in their order, with their descriptions; systems without one share a group', () => {
    expect(renderConfig(plan.config)).toContain(`name: Acme Status
url: https://status.acme.example
groups:
  - name: Frontend
    description: What you see
    components:
      - id: website
        name: Website
        description: acme.example in a browser
  - name: Backend
    components:
      - id: api
        name: API
        description: Requests to api.acme.example
      - id: gateway
        name: Gateway
  - name: Components
    components:
      - id: docs
        name: Docs
`);
  });

  test('tracked paragraphs become updates, oldest first, with their status; severity gives impact and component status', () => {
    expect(fileOf('2024-05-01-api-outage')).toBe(`---
title: API outage
impact: critical
components:
  api: major_outage
  gateway: major_outage
started: 2024-05-01T09:00:00Z
source:
  cstate: 2024-05-01-api-outage
updates:
  - at: 2024-05-01T09:05:00Z
    status: investigating
    message: We are looking into API errors.
  - at: 2024-05-01T10:00:00Z
    status: monitoring
    message: A fix has been deployed; requests **succeed** again.
  - at: 2024-05-01T10:30:00Z
    status: resolved
    message: The API is back.
---
`);
  });

  test('a body without tracks is the first report; resolvedWhen is its end, with no update made up', () => {
    expect(fileOf('2024-04-10-slow-website')).toBe(`---
title: Slow website
impact: major
components:
  website: partial_outage
ended: 2024-04-10T15:20:00Z
source:
  cstate: 2024-04-10-slow-website
updates:
  - at: 2024-04-10T14:00:00Z
    status: investigating
    message: Pages are slow to load for some visitors.
---
`);
  });

  test('an open notice stays open; times with a zone keep it; unknown systems are noted', () => {
    const text = fileOf('2024-05-03-docs-notice');
    expect(text).toContain('impact: minor\ncomponents:\n  docs: degraded_performance\nstarted: 2024-05-03T11:30:00Z\n');
    expect(text).toContain('  - at: 2024-05-03T12:00:00Z\n    status: identified\n');
    expect(text).not.toContain('resolved');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2024-05-03-docs-notice',
      message: 'left out "Blog": it is not among the systems in config.yml',
    });
    expect(plan.notes).toContainEqual({
      source: 'cstate',
      message: 'times without a zone were read as UTC, as Hugo reads them by default',
    });
  });

  test('an unknown severity is imported as cState lists it: a notice (impact none) that marks no component, noted', () => {
    expect(plan.skipped).toEqual([]);
    expect(fileOf('2024-03-01-unknown-severity')).toContain('impact: none\ncomponents: {}\n');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2024-03-01-unknown-severity',
      message:
        'severity "catastrophic" is not one cState knows (down, disrupted, notice): cState lists it as a notice and marks neither its systems nor the banner, so it is imported with impact none',
    });
  });

  test('every file it maps passes the build’s validator', () => {
    const ids = listComponents(plan.config).map((component) => component.id);
    expect(plan.events).toHaveLength(4);
    for (const event of plan.events)
      expect(parseIncidentFile({ path: 'incidents/x.md', text: renderEvent(event) }, ids).problems).toEqual([]);
  });
});

test('an issue saved with a BOM and CRLF line ends maps to the same file as the plain one (the one frontmatter splitter)', () => {
  const site = readCstateFolder(FIXTURE);
  const windows = {
    ...site,
    issues: site.issues.map((issue) =>
      'text' in issue ? { ...issue, text: `\uFEFF${issue.text.replace(/\n/g, '\r\n')}` } : issue,
    ),
  };
  const mapped = mapCstate(windows);
  expect(mapped.skipped).toEqual(plan.skipped);
  expect(mapped.events.map(renderEvent)).toEqual(plan.events.map(renderEvent));
});

test('words the import must write are in the site’s language (Hugo’s languageCode) and marked as the import’s', () => {
  const site = readCstateFolder(FIXTURE);
  const german = mapCstate({
    config: { ...(site.config as object), languageCode: 'de-de' },
    issues: [
      {
        name: '2024-06-01-api.md',
        text: '---\ntitle: API nicht erreichbar\ndate: 2024-06-01T10:00:00Z\nseverity: down\naffected: [API]\n---\nDie API antwortet nicht.\n\n*Resolved* - {{< track "2024-06-01T11:00:00Z" >}}\n',
      },
    ],
  });
  expect(renderConfig(german.config)).toContain('locale: de\n');
  const file = renderEvent(german.events[0]!);
  // The source's words stay as they are; the resolving entry had none, so its status is said in German and marked.
  expect(file).toContain('    message: Die API antwortet nicht.\n');
  expect(file).toContain(
    '  - at: 2024-06-01T11:00:00Z\n    status: resolved\n    message: Behoben.\n    added_by_import: true\n',
  );
  expect(file.match(/added_by_import/g)).toHaveLength(1);
  const inLanguage = (languageCode: string) =>
    mapCstate({ ...site, config: { ...(site.config as object), languageCode } });
  expect(renderConfig(inLanguage('zh-cn').config)).toContain('locale: zh-CN\n');
  expect(renderConfig(inLanguage('ru-ru').config)).toContain('locale: ru\n');
  // A Taiwanese site is not given Simplified characters: English (the default, no locale: written), noted.
  const taiwanese = inLanguage('zh-tw');
  expect(renderConfig(taiwanese.config)).not.toMatch(/^locale:/m);
  expect(taiwanese.notes).toContainEqual({
    source: 'cstate config.yml',
    message: expect.stringContaining('its language "zh-tw" is not one the page ships'),
  });
});
