import { describe, expect, test } from 'vitest';
import { bodyUpdates, hugoTime } from './cstate-body.ts';
import { UnmappableError } from './plan.ts';

const DATE = '2024-05-01T09:00:00Z';
const updates = (body: string) =>
  bodyUpdates(body, DATE, [], () => {}, 'en').map(({ at, status, message }) => ({ at, status, message }));

describe('hugoTime reads times as Hugo does', () => {
  test.each([
    // Jenkins (status.jenkins.io) writes a one-digit hour, which Go's "15" reads.
    ['2023-12-04T8:00:00-00:00', '2023-12-04T08:00:00Z', false],
    ['2018-08-29 18:50:00', '2018-08-29T18:50:00Z', true],
    ['2018-08-29 18:50', '2018-08-29T18:50:00Z', true],
    ['2024-02-24', '2024-02-24T00:00:00Z', true],
    ['2021-10-13T09:24:28+01:00', '2021-10-13T08:24:28Z', false],
    ['2021-10-13 09:24:28 +0100', '2021-10-13T08:24:28Z', false],
    ['2021-10-13 09:24:28 UTC', '2021-10-13T09:24:28Z', false],
    ['2020-01-19T11:29:00.000Z', '2020-01-19T11:29:00Z', false],
  ])('%s → %s', (text, at, zoneless) => {
    expect(hugoTime(text, 'date')).toEqual({ at, zoneless });
  });

  test.each([
    ['2017-02-30 14:30:00', 'has no day 30'],
    ['2024-05-01T24:00:00Z', 'the hour 24 does not exist'],
    ['2024-13-01', 'there is no month 13'],
    ['yesterday', 'is not a date and time Hugo reads'],
    ['', 'is not a date and time Hugo reads'],
  ])('%s is refused for its issue, with the reason, never rolled over', (text, reason) => {
    expect(() => hugoTime(text, 'date')).toThrow(UnmappableError);
    expect(() => hugoTime(text, 'date')).toThrow(reason);
  });
});

describe('the updates of a body', () => {
  test('text then its track (cState’s own example), oldest first; the untracked end is the description at the issue’s date', () => {
    expect(
      updates(
        '*Resolved* - It works. {{< track "2024-05-01 10:30:00" >}}\n\n*Monitoring* - A fix is out. {{< track "2024-05-01 10:00:00" >}}\n\nThe API fails.',
      ),
    ).toEqual([
      { at: DATE, status: 'investigating', message: 'The API fails.' },
      { at: '2024-05-01T10:00:00Z', status: 'monitoring', message: 'A fix is out.' },
      { at: '2024-05-01T10:30:00Z', status: 'resolved', message: 'It works.' },
    ]);
  });

  test('a label heading with its track, the text below it (Dogsbody’s form)', () => {
    expect(
      updates(
        'Mail is slow.\n\n***Update*** {{< track "2024-05-01T09:30:00Z" >}}\nStill slow.\n\n***Resolved*** {{< track "2024-05-01T10:00:00Z" >}}\nMail flows.\n',
      ),
    ).toEqual([
      { at: DATE, status: 'investigating', message: 'Mail is slow.' },
      { at: '2024-05-01T09:30:00Z', status: 'investigating', message: 'Still slow.' },
      { at: '2024-05-01T10:00:00Z', status: 'resolved', message: 'Mail flows.' },
    ]);
  });

  test.each([
    '**Resolved:** Fixed.',
    '**Resolved**: Fixed.',
    '*Resolved* - Fixed.',
    '_Resolved_ — Fixed.',
    '***Resolved*** Fixed.',
    '__resolved__: Fixed.',
  ])('%s is read as resolved', (text) => {
    expect(updates(`${text} {{< track "2024-05-01 10:00:00" >}}`).at(-1)).toEqual({
      at: '2024-05-01T10:00:00Z',
      status: 'resolved',
      message: 'Fixed.',
    });
  });

  test('an unknown label stays in the text, and the status stays what it was', () => {
    expect(updates('*Pending* - Waiting on the vendor. {{< track "2024-05-01 10:00:00" >}}').at(-1)).toEqual({
      at: '2024-05-01T10:00:00Z',
      status: 'investigating',
      message: '*Pending* - Waiting on the vendor.',
    });
  });

  test('of a run of "Resolved" labels only the last resolves; the others keep their label as text', () => {
    const [, first, last] = updates(
      'Down.\n\n***Resolved*** {{< track "2024-05-01T09:30:00Z" >}}\nFound it.\n\n***Resolved*** {{< track "2024-05-01T10:00:00Z" >}}\nBack.',
    );
    expect(first).toEqual({
      at: '2024-05-01T09:30:00Z',
      status: 'investigating',
      message: '***Resolved***\nFound it.',
    });
    expect(last?.status).toBe('resolved');
  });

  test('a description dated after the first track is still the first update, at the first track’s time', () => {
    // Dogsbody dated a maintenance notice at the window's start, after its first update.
    const late = bodyUpdates(
      '***Starting*** {{< track "2024-05-01T08:00:00Z" >}}\nStarted.\n\n***Resolved*** {{< track "2024-05-01T08:30:00Z" >}}\nDone.',
      '2024-05-01T09:00:00Z',
      [],
      () => {},
      'en',
    );
    expect(late.map(({ at, status }) => [at, status])).toEqual([
      ['2024-05-01T08:00:00Z', 'investigating'],
      ['2024-05-01T08:30:00Z', 'resolved'],
    ]);
    const described = bodyUpdates(
      'Planned.\n\n***Starting*** {{< track "2024-05-01T08:00:00Z" >}}\nStarted.',
      '2024-05-01T09:00:00Z',
      [],
      () => {},
      'en',
    );
    expect(described.map(({ at, message }) => [at, message])).toEqual([
      ['2024-05-01T08:00:00Z', 'Planned.'],
      ['2024-05-01T08:00:00Z', '***Starting***\nStarted.'],
    ]);
  });

  test('HTML comments are dropped, Markdown kept', () => {
    expect(
      updates('<!-- markdown-link-check-disable-next-line -->\nSee <https://example.com/x> and **this**.')[0]?.message,
    ).toBe('See <https://example.com/x> and **this**.');
  });

  test('a track with an impossible time refuses the issue', () => {
    expect(() => updates('Down. {{< track "2024-02-30 10:00:00" >}}')).toThrow('2024-02 has no day 30');
  });
});
