import { describe, expect, test } from 'vitest';
import { formatProblem, parseIncidentFile, validateIncidentFiles } from './validate.ts';

const COMPONENTS = ['web', 'ios', 'android', 'login', 'posting'];

const VALID_INCIDENT = `---
title: Login failing
impact: major
components:
  web: major_outage
  login: partial_outage
started: 2022-12-28T12:13:00Z
updates:
  - at: 2022-12-28T12:31:00Z
    status: investigating
    message: We are looking into it.
  - at: 2022-12-28T14:16:00Z
    status: resolved
    message: Fixed.
---
Body text.
`;

const VALID_MAINTENANCE = `---
kind: maintenance
title: Database upgrade
components: [posting]
window:
  start: 2022-12-30T02:00:00Z
  end: 2022-12-30T04:00:00Z
updates:
  - at: 2022-12-23T10:00:00Z
    status: scheduled
    message: Planned.
---
`;

const check = (text: string, path = 'incidents/2022/2022-12-28-login.md') =>
  parseIncidentFile({ path, text }, COMPONENTS);
const messages = (text: string) => check(text).problems.map(formatProblem);

describe('valid files', () => {
  test('an incident passes and keeps its slug, data and body', () => {
    const { entry, problems } = check(VALID_INCIDENT);
    expect(problems).toEqual([]);
    expect(entry?.slug).toBe('2022-12-28-login');
    expect(entry?.data.kind).toBe('incident');
    expect(entry?.body.trim()).toBe('Body text.');
  });

  test('a maintenance passes', () => {
    expect(check(VALID_MAINTENANCE).problems).toEqual([]);
  });

  test('an incident reopened after resolved passes and is open again', () => {
    const reopened = VALID_INCIDENT.replace(
      '    message: Fixed.\n',
      '    message: Fixed.\n  - at: 2022-12-28T15:00:00Z\n    status: investigating\n    reopened: true\n    message: It is failing again.\n',
    );
    expect(messages(reopened)).toEqual([]);
    expect(check(reopened).entry?.data.updates.map((update) => update.status)).toEqual([
      'investigating',
      'resolved',
      'investigating',
    ]);
  });

  test('updates may move component statuses and the impact, and name new components', () => {
    const moving = VALID_INCIDENT.replace(
      '    status: resolved\n',
      '    status: resolved\n    components: { web: operational }\n',
    ).replace(
      '    message: We are looking into it.\n',
      '    message: We are looking into it.\n  - at: 2022-12-28T13:00:00Z\n    status: monitoring\n    impact: minor\n    components:\n      web: degraded_performance\n      login: operational\n      ios: degraded_performance\n    message: Recovering.\n',
    );
    expect(messages(moving)).toEqual([]);
    expect(check(moving).entry?.data.updates[1]).toMatchObject({
      impact: 'minor',
      components: { web: 'degraded_performance', login: 'operational', ios: 'degraded_performance' },
    });
  });

  test('timestamps with an offset are normalised to UTC', () => {
    const { entry } = check(VALID_INCIDENT.replace('2022-12-28T12:31:00Z', '2022-12-28T07:31:00-05:00'));
    expect(entry?.data.updates[0]?.at).toBe('2022-12-28T12:31:00.000Z');
  });
});

// One row per rule: what is broken, and what the message must tell the reader.
describe.each([
  {
    rule: 'unknown component id names the valid ids and the nearest',
    text: VALID_INCIDENT.replace('  web: major_outage', '  webb: major_outage'),
    expected: [
      'incidents/2022/2022-12-28-login.md:5: components.webb: unknown component "webb". Did you mean "web"? Allowed: web, ios, android, login, posting',
    ],
  },
  {
    rule: 'unknown component id in a maintenance list',
    text: VALID_MAINTENANCE.replace('[posting]', '[postings]'),
    expected: [
      ':4: components.0: unknown component "postings". Did you mean "posting"? Allowed: web, ios, android, login, posting',
    ],
  },
  {
    rule: 'unknown impact suggests the nearest',
    text: VALID_INCIDENT.replace('impact: major', 'impact: majr'),
    expected: [':3: impact: unknown impact "majr". Did you mean "major"? Allowed: none, minor, major, critical'],
  },
  {
    rule: 'unknown update status suggests the nearest',
    text: VALID_INCIDENT.replace('status: investigating', 'status: investigatin'),
    expected: [
      ':10: updates.0.status: unknown status "investigatin". Did you mean "investigating"? Allowed: investigating, identified, monitoring, resolved',
    ],
  },
  {
    rule: 'unknown component status suggests the nearest',
    text: VALID_INCIDENT.replace('web: major_outage', 'web: major'),
    expected: [
      ':5: components.web: unknown component status "major". Did you mean "major_outage"? Allowed: degraded_performance, partial_outage, major_outage',
    ],
  },
  {
    rule: 'a timestamp without a zone',
    text: VALID_INCIDENT.replace('at: 2022-12-28T12:31:00Z', 'at: 2022-12-28T12:31:00'),
    expected: [':9: updates.0.at: "2022-12-28T12:31:00" has no time zone; add "Z" for UTC or an offset such as -05:00'],
  },
  {
    rule: 'an unparseable timestamp',
    text: VALID_INCIDENT.replace('at: 2022-12-28T12:31:00Z', 'at: yesterday at noon'),
    expected: [':9: updates.0.at: "yesterday at noon" has no time zone'],
  },
  {
    rule: 'an impossible date',
    text: VALID_INCIDENT.replace('at: 2022-12-28T12:31:00Z', 'at: 2022-13-45T12:31:00Z'),
    expected: [':9: updates.0.at: "2022-13-45T12:31:00Z" is not a real date and time'],
  },
  {
    rule: 'updates out of time order',
    text: VALID_INCIDENT.replace('2022-12-28T14:16:00Z', '2022-12-28T12:00:00Z'),
    expected: [
      ':12: updates.1.at: 2022-12-28T12:00:00.000Z is earlier than the update before it (2022-12-28T12:31:00.000Z); list updates oldest first',
    ],
  },
  {
    rule: 'an update before started',
    text: VALID_INCIDENT.replace('started: 2022-12-28T12:13:00Z', 'started: 2022-12-28T13:00:00Z'),
    expected: [':7: started: 2022-12-28T13:00:00.000Z is after the first update (2022-12-28T12:31:00.000Z)'],
  },
  {
    rule: 'ended on an incident its last update already resolves',
    text: VALID_INCIDENT.replace(
      'started: 2022-12-28T12:13:00Z',
      'started: 2022-12-28T12:13:00Z\nended: 2022-12-28T15:00:00Z',
    ),
    expected: [':8: ended: the last update (2022-12-28T14:16:00.000Z) already resolves the incident'],
  },
  {
    rule: 'ended before the last update',
    text: VALID_INCIDENT.replace(
      'started: 2022-12-28T12:13:00Z',
      'started: 2022-12-28T12:13:00Z\nended: 2022-12-28T12:20:00Z',
    ).replace('status: resolved', 'status: monitoring'),
    expected: [':8: ended: 2022-12-28T12:20:00.000Z is not after the last update (2022-12-28T14:16:00.000Z)'],
  },
  {
    rule: 'resolved anywhere but last',
    text: VALID_INCIDENT.replace('status: investigating', 'status: resolved'),
    expected: [':10: updates.0.status: "resolved" may only be the last update'],
  },
  {
    rule: 'an update after resolved that does not say it reopens the incident',
    text: VALID_INCIDENT.replace(
      '    message: Fixed.\n',
      '    message: Fixed.\n  - at: 2022-12-28T15:00:00Z\n    status: monitoring\n    message: Still watching.\n',
    ),
    expected: [
      ':13: updates.1.status: "resolved" may only be the last update; move it to the end, use another status, or, if the incident came back, add "reopened: true" to the next update',
    ],
  },
  {
    rule: 'completed anywhere but last in a maintenance',
    text: VALID_MAINTENANCE.replace(
      'status: scheduled\n    message: Planned.',
      'status: completed\n    message: Done.\n  - at: 2022-12-30T05:00:00Z\n    status: verifying\n    message: Checking.',
    ),
    expected: [':10: updates.0.status: "completed" may only be the last update'],
  },
  {
    rule: 'an empty timeline',
    text: VALID_MAINTENANCE.replace(/updates:[\s\S]*?---/, 'updates: []\n---'),
    expected: [':8: updates: is empty: add at least one update (at, status, message)'],
  },
  {
    rule: 'a missing timeline',
    text: VALID_MAINTENANCE.replace(/updates:[\s\S]*?---/, '---'),
    expected: [':2: updates: is required: a list of updates, oldest first'],
  },
  {
    rule: 'a maintenance window that ends before it starts',
    text: VALID_MAINTENANCE.replace('end: 2022-12-30T04:00:00Z', 'end: 2022-12-30T01:00:00Z'),
    expected: [
      ':7: window.end: 2022-12-30T01:00:00.000Z is not after the start (2022-12-30T02:00:00.000Z); a window must end after it starts',
    ],
  },
  {
    rule: 'an unknown kind',
    text: VALID_MAINTENANCE.replace('kind: maintenance', 'kind: maintenence'),
    expected: [':2: kind: unknown kind "maintenence". Did you mean "maintenance"? Allowed: incident, maintenance'],
  },
  {
    rule: 'an unknown field (a typo) is not silently ignored',
    text: VALID_INCIDENT.replace('title: Login failing', 'titel: Login failing'),
    expected: [
      ':2: title: is required',
      ':2: titel: is not a field we know; did you mean "title"? Check its spelling.',
    ],
  },
  {
    rule: 'a misspelt reopened marker',
    text: VALID_INCIDENT.replace(
      '    message: We are looking into it.\n',
      '    message: We are looking into it.\n    reopend: true\n',
    ),
    expected: [':12: updates.0.reopend: is not a field we know; did you mean "reopened"? Check its spelling.'],
  },
  {
    rule: 'an empty message',
    text: VALID_INCIDENT.replace('message: Fixed.', 'message: ""'),
    expected: [':14: updates.1.message: must not be empty'],
  },
  {
    rule: 'broken YAML',
    text: VALID_INCIDENT.replace('impact: major', 'impact: [major'),
    expected: ['frontmatter: YAML syntax'],
  },
  {
    rule: 'no frontmatter at all',
    text: 'Just text',
    expected: [':1: frontmatter: missing: start the file with a --- line'],
  },
  // Statuses that move with the updates (issue 8).
  {
    rule: 'an unknown component id on an update names the valid ids and the nearest',
    text: VALID_INCIDENT.replace(
      '    status: resolved\n',
      '    status: monitoring\n    components: { logn: degraded_performance }\n',
    ),
    expected: [
      ':14: updates.1.components.logn: unknown component "logn". Did you mean "login"? Allowed: web, ios, android, login, posting',
    ],
  },
  {
    rule: 'an unknown component status on an update suggests the nearest, operational included',
    text: VALID_INCIDENT.replace(
      '    status: resolved\n',
      '    status: monitoring\n    components: { web: operationl }\n',
    ),
    expected: [
      'updates.1.components.web: unknown component status "operationl". Did you mean "operational"? Allowed: operational, degraded_performance, partial_outage, major_outage',
    ],
  },
  {
    rule: 'an unknown impact on an update suggests the nearest',
    text: VALID_INCIDENT.replace('    status: resolved\n', '    status: monitoring\n    impact: minr\n'),
    expected: [
      ':14: updates.1.impact: unknown impact "minr". Did you mean "minor"? Allowed: none, minor, major, critical',
    ],
  },
  {
    rule: 'impact none with a component down says which impact to write',
    text: VALID_INCIDENT.replace('impact: major', 'impact: none'),
    expected: [
      ':3: impact: the impact is "none" but web is major_outage; an incident that takes a component down has an impact. Write impact: critical (what major_outage means), or set web to operational',
    ],
  },
  {
    rule: 'an update lowering the impact to none while a component is still down',
    text: VALID_INCIDENT.replace(
      '    status: resolved\n',
      '    status: monitoring\n    impact: none\n    components: { web: operational }\n',
    ),
    expected: [
      'updates.1.impact: the impact is "none" but login is partial_outage',
      'Write impact: major (what partial_outage means), or set login to operational',
    ],
  },
  {
    rule: 'an update taking a component down under an impact of none',
    text: VALID_INCIDENT.replace(
      'impact: major\ncomponents:\n  web: major_outage\n  login: partial_outage',
      'impact: none\ncomponents: {}',
    ).replace('    status: resolved\n', '    status: identified\n    components: { ios: degraded_performance }\n'),
    expected: ['updates.1.components.ios: the impact is "none" but ios is degraded_performance', 'Write impact: minor'],
  },
  {
    rule: 'a resolving update that leaves a component down',
    text: VALID_INCIDENT.replace(
      '    status: resolved\n',
      '    status: resolved\n    components: { web: degraded_performance }\n',
    ),
    expected: [
      ':14: updates.1.components.web: is "degraded_performance" on a resolved update, but resolving returns every component to operational',
    ],
  },
  {
    rule: 'a postmortem published before the incident began',
    text: VALID_INCIDENT.replace(
      'started: 2022-12-28T12:13:00Z',
      'started: 2022-12-28T12:13:00Z\npostmortem_at: 2022-12-27T09:00:00Z',
    ),
    expected: [
      ':8: postmortem_at: 2022-12-27T09:00:00.000Z is before the incident began (2022-12-28T12:13:00.000Z); a postmortem is published after the fact',
    ],
  },
  {
    rule: 'a postmortem time without a zone',
    text: VALID_INCIDENT.replace(
      'started: 2022-12-28T12:13:00Z',
      'started: 2022-12-28T12:13:00Z\npostmortem_at: 2022-12-29T09:00:00',
    ),
    expected: [':8: postmortem_at: "2022-12-29T09:00:00" has no time zone'],
  },
  {
    rule: 'a misspelt postmortem field',
    text: VALID_INCIDENT.replace(
      'started: 2022-12-28T12:13:00Z',
      'started: 2022-12-28T12:13:00Z\npostmortem: 2022-12-29T09:00:00Z',
    ),
    expected: [':8: postmortem: is not a field we know; did you mean "postmortem_at"?'],
  },
  {
    rule: 'components and impact on a maintenance update are refused',
    text: VALID_MAINTENANCE.replace('    status: scheduled\n', '    status: scheduled\n    impact: minor\n'),
    expected: [':11: updates.0.impact: is not a field we know'],
  },
])('rule: $rule', ({ text, expected }) => {
  test('fails with the file, line, field and a message saying what is allowed', () => {
    const found = messages(text);
    expect(found.length).toBeGreaterThan(0);
    for (const part of expected) expect(found.join('\n')).toContain(part);
    expect(check(text).entry).toBeUndefined();
  });
});

describe('rules across files', () => {
  test('two files with the same slug fail, naming both files', () => {
    const { entries, problems } = validateIncidentFiles(
      [
        { path: 'incidents/2022/2022-12-28-login.md', text: VALID_INCIDENT },
        { path: 'incidents/2023/2022-12-28-login.md', text: VALID_INCIDENT },
      ],
      COMPONENTS,
    );
    expect(entries).toHaveLength(1);
    expect(problems.map(formatProblem)).toEqual([
      'incidents/2023/2022-12-28-login.md:1: file name: slug "2022-12-28-login" is already used by incidents/2022/2022-12-28-login.md; rename one file, slugs are page URLs and must be unique',
    ]);
  });

  test('a file name that cannot be a URL fails', () => {
    const { problems } = check(VALID_INCIDENT, 'incidents/Login Failing.md');
    expect(problems.map(formatProblem)[0]).toContain(
      'incidents/Login Failing.md:1: file name: "Login Failing" must be lowercase letters, digits and hyphens',
    );
  });

  test('every problem in every file is reported, not just the first', () => {
    const { problems } = validateIncidentFiles(
      [
        {
          path: 'incidents/a.md',
          text: VALID_INCIDENT.replace('impact: major', 'impact: huge').replace(
            'web: major_outage',
            'webb: major_outage',
          ),
        },
        {
          path: 'incidents/b.md',
          text: VALID_MAINTENANCE.replace('end: 2022-12-30T04:00:00Z', 'end: 2022-12-30T01:00:00Z'),
        },
      ],
      COMPONENTS,
    );
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'incidents/a.md impact',
      'incidents/a.md components.webb',
      'incidents/b.md window.end',
    ]);
  });
});

describe('id: the slug a file keeps when it is renamed', () => {
  const withId = (text: string, id: string) => text.replace('---\n', `---\nid: ${id}\n`);

  test('an id is the slug, whatever the file is called, on incidents and maintenance', () => {
    expect(check(withId(VALID_INCIDENT, '2022-12-28-login'), 'incidents/renamed/login-trouble.md').entry?.slug).toBe(
      '2022-12-28-login',
    );
    expect(check(withId(VALID_MAINTENANCE, 'db-upgrade'), 'incidents/2022-12-30-upgrade.md').entry?.slug).toBe(
      'db-upgrade',
    );
    expect(check(VALID_INCIDENT, 'incidents/2022/2022-12-28-login.md').entry?.slug).toBe('2022-12-28-login');
  });

  test.each([
    [
      'Login_Failing',
      'id: must be lowercase letters, digits and hyphens, e.g. "id: 2022-12-28-login-failing"; it is the incident\'s page URL',
    ],
    ['-login', 'id: must be lowercase letters, digits and hyphens'],
    ['2022', 'id: must be lowercase letters, digits and hyphens'],
    ['""', 'id: must be lowercase letters, digits and hyphens'],
    ['[a, b]', 'id: must be lowercase letters, digits and hyphens'],
    [
      'a'.repeat(121),
      "id: must be at most 120 characters; it is the incident's page URL and the id of its feed items, API entries and notifications",
    ],
  ])('id: %s is refused on its line, saying what is allowed', (id, expected) => {
    const found = messages(VALID_INCIDENT.replace('impact: major\n', `impact: major\nid: ${id}\n`));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`incidents/2022/2022-12-28-login.md:4: ${expected}`);
  });

  test('an id at the length limit is accepted', () => {
    expect(check(withId(VALID_INCIDENT, 'a'.repeat(120))).problems).toEqual([]);
  });

  test('a misspelt id key is suggested', () => {
    expect(messages(VALID_INCIDENT.replace('---\n', '---\nidd: x\n'))).toEqual([
      'incidents/2022/2022-12-28-login.md:2: idd: is not a field we know; did you mean "id"? Check its spelling.',
    ]);
  });

  test('two files with the same id fail, naming both files and lines', () => {
    const { entries, problems } = validateIncidentFiles(
      [
        { path: 'incidents/a.md', text: withId(VALID_INCIDENT, 'login') },
        { path: 'incidents/b.md', text: VALID_MAINTENANCE.replace('title:', 'id: login\ntitle:') },
      ],
      COMPONENTS,
    );
    expect(entries.map((entry) => entry.file)).toEqual(['incidents/a.md']);
    expect(problems.map(formatProblem)).toEqual([
      'incidents/b.md:3: id: "login" is already the id of incidents/a.md:2; ids are page URLs and must be unique: change one of them',
    ]);
  });

  test("an id that is another file's name fails, naming both files, whichever comes first", () => {
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const sources = [
        { path: 'incidents/2022/login.md', text: VALID_INCIDENT },
        { path: 'incidents/renamed.md', text: withId(VALID_INCIDENT, 'login') },
      ];
      const { entries, problems } = validateIncidentFiles(
        order.map((i) => sources[i]!),
        COMPONENTS,
      );
      expect(entries.map((entry) => entry.slug)).toEqual(['login']);
      expect(problems.map(formatProblem)).toEqual([
        'incidents/renamed.md:2: id: "login" is the file name of incidents/2022/login.md; a slug names one file: choose another id, or rename incidents/2022/login.md',
      ]);
    }
  });

  test("an id equal to its own file name, and ids beside other files' names, pass", () => {
    const { entries, problems } = validateIncidentFiles(
      [
        { path: 'incidents/login.md', text: withId(VALID_INCIDENT, 'login') },
        { path: 'incidents/old-name.md', text: withId(VALID_INCIDENT, 'outage') },
        { path: 'incidents/upgrade.md', text: VALID_MAINTENANCE },
      ],
      COMPONENTS,
    );
    expect(problems).toEqual([]);
    expect(entries.map((entry) => entry.slug)).toEqual(['login', 'outage', 'upgrade']);
  });

  test('files reused from an earlier check are held to the same rule', () => {
    const reused = validateIncidentFiles([{ path: 'incidents/a.md', text: withId(VALID_INCIDENT, 'b') }], COMPONENTS)
      .entries[0]!;
    const { problems } = validateIncidentFiles(
      [
        { path: 'incidents/a.md', text: withId(VALID_INCIDENT, 'b') },
        { path: 'incidents/b.md', text: VALID_MAINTENANCE },
      ],
      COMPONENTS,
      (source) => (source.path === 'incidents/a.md' ? reused : undefined),
    );
    expect(problems.map(formatProblem)).toEqual([
      'incidents/a.md:2: id: "b" is the file name of incidents/b.md; a slug names one file: choose another id, or rename incidents/b.md',
    ]);
  });
});

describe('re-checking after one file changed', () => {
  test('unchanged files reuse their earlier entry; the rest are parsed; slugs stay unique across both', () => {
    const first = validateIncidentFiles([{ path: 'incidents/a.md', text: VALID_INCIDENT }], COMPONENTS);
    const reused = first.entries[0]!;
    const { entries, problems } = validateIncidentFiles(
      [
        { path: 'incidents/a.md', text: VALID_INCIDENT },
        { path: 'incidents/b.md', text: VALID_MAINTENANCE },
        { path: 'incidents/2023/a.md', text: VALID_INCIDENT },
      ],
      COMPONENTS,
      (source) => (source.path === 'incidents/a.md' ? reused : undefined),
    );
    expect(entries[0]).toBe(reused);
    expect(entries.map((entry) => entry.slug)).toEqual(['a', 'b']);
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(['incidents/2023/a.md file name']);
  });
});

describe('source: where an imported file came from', () => {
  const withSource = (source: string, text = VALID_INCIDENT) => text.replace('updates:', `${source}\nupdates:`);

  test('a Statuspage id or a cState file name is accepted, on incidents and maintenance', () => {
    expect(messages(withSource('source:\n  statuspage: p31zjtct2jer'))).toEqual([]);
    expect(messages(withSource('source: { cstate: 2024-05-01-api-outage }', VALID_MAINTENANCE))).toEqual([]);
  });

  test('a misspelt key or an id that cannot be a path is refused, naming the field', () => {
    expect(messages(withSource('sorce:\n  statuspage: p31zjtct2jer'))).toEqual([
      'incidents/2022/2022-12-28-login.md:8: sorce: is not a field we know; did you mean "source"? Check its spelling.',
    ]);
    expect(messages(withSource('source:\n  statuspag: p31zjtct2jer'))).toEqual([
      'incidents/2022/2022-12-28-login.md:9: source.statuspag: is not a field we know; did you mean "statuspage"? Check its spelling.',
    ]);
    // The suggestions come from the schema itself: every field it declares, `probe` (added after the importers) too.
    expect(messages(withSource('source:\n  prbe: web'))).toEqual([
      'incidents/2022/2022-12-28-login.md:9: source.prbe: is not a field we know; did you mean "probe"? Check its spelling.',
    ]);
    expect(messages(withSource('source:\n  statuspage: "../../etc"'))).toEqual([
      'incidents/2022/2022-12-28-login.md:9: source.statuspage: must be a Statuspage incident id: letters, digits, "-" and "_"',
    ]);
  });

  // The build writes a page at each id's old path (/incidents/<id>/, /issues/<name>/): check refuses every id that write would fail on.
  test.each([
    ['statuspage', '".."', 'a Statuspage incident id'],
    ['statuspage', '""', 'a Statuspage incident id'],
    ['statuspage', 'null', 'a Statuspage incident id'],
    ['statuspage', 'a'.repeat(201), 'a Statuspage incident id: letters, digits, "-" and "_", at most 200 characters'],
    ['cstate', '".."', 'a cState issue file name'],
    ['cstate', '"."', 'a cState issue file name'],
    ['cstate', '".hidden"', 'a cState issue file name'],
    ['cstate', '/etc/passwd', 'a cState issue file name'],
    ['cstate', '"../../outside"', 'a cState issue file name'],
    ['cstate', '""', 'a cState issue file name'],
    ['cstate', '[a, b]', 'a cState issue file name'],
    ['cstate', 'b'.repeat(201), 'at most 200 characters'],
    // Measured after lowercasing, as the lowercased redirect is written too: 125 × "İ" is 250 bytes, 375 lowercased.
    ['cstate', 'İ'.repeat(125), 'at most 250 bytes in UTF-8, lowercased too'],
    ['cstate', 'Ⱥ'.repeat(125), 'at most 250 bytes in UTF-8, lowercased too'],
  ])('source.%s: %s is refused', (from, id, message) => {
    expect(messages(withSource(`source:\n  ${from}: ${id}`))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^incidents/2022/2022-12-28-login\\.md:9: source\\.${from}: must be .*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        ),
      ),
    ]);
  });

  test('an id at the length limit, and a cState name with dots inside, are accepted', () => {
    expect(messages(withSource(`source:\n  statuspage: ${'a'.repeat(200)}`))).toEqual([]);
    expect(messages(withSource('source:\n  cstate: 2024.05.01-api_outage'))).toEqual([]);
    expect(messages(withSource(`source:\n  cstate: ${'İ'.repeat(83)}`))).toEqual([]);
  });
});
