import { expect, test } from 'vitest';
import en from '../i18n/en.json' with { type: 'json' };
import { COMPONENT_STATUS_WORDS, LEVELS, type Level } from './levels.ts';
import { COMPONENT_STATUSES } from './statuses.ts';

const sentenceCase = (words: string) => `${words[0]}${words.slice(1).toLowerCase()}`;

test.each(Object.keys(LEVELS) as Level[])(
  "level %s: the English words are the catalog's, and say what the API says",
  (level) => {
    expect(LEVELS[level].label).toBe(en.levels[level]);
    // The API keeps Statuspage's title case; a reworded English label would make the page and the API say two things.
    expect(en.levels[level]).toBe(sentenceCase(LEVELS[level].api));
  },
);

test.each(COMPONENT_STATUSES)("component status %s: the English words are the catalog's", (status) => {
  expect(COMPONENT_STATUS_WORDS[status].label).toBe(en.componentStatus[status].label);
});
