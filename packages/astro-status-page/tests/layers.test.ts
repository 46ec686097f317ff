import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build.ts';

// The folder order is enforced by lint; these cases prove the rule can fail.
const lint = async (file: string, code: string) => {
  const [result] = await new ESLint({ cwd: ROOT }).lintText(code, { filePath: `${ROOT}/${file}` });
  return result!.messages
    .filter((message) => message.ruleId === 'layers/downward-only')
    .map((message) => message.message);
};

describe('src/ folders import downwards only', () => {
  it('refuses an import from a higher folder, naming both folders and the order', async () => {
    const [message] = await lint(
      'src/model/example.ts',
      "import { buildApi } from '../outputs/api.ts';\nexport const x = buildApi;\n",
    );
    expect(message).toContain('model/ may not import outputs/');
    expect(message).toContain('i18n < rules < files | net < model < outputs');
  });

  it('refuses a sideways import between folders of one tier (import and cli may not share through each other)', async () => {
    expect(await lint('src/import/example.ts', "export { main } from '../cli/main.ts';\n")).toHaveLength(1);
    expect(
      await lint('src/notify/example.ts', "export const load = () => import('../import/plan.ts');\n"),
    ).toHaveLength(1);
    expect(await lint('src/probe/example.ts', "export { runNotify } from '../notify/run.ts';\n")).toHaveLength(1);
  });

  it('lets the watchdog use notify (its alerts go through the channels), never the other way round', async () => {
    expect(await lint('src/watch/example.ts', "export { loadBuild } from '../notify/snapshot.ts';\n")).toEqual([]);
    expect(await lint('src/notify/example.ts', "export { runWatch } from '../watch/run.ts';\n")).toHaveLength(1);
  });

  it('refuses an unlisted folder and code reaching out of src/', async () => {
    expect((await lint('src/misc/example.ts', "export { slugify } from '../rules/slug.ts';\n"))[0]).toContain(
      'not in the folder order',
    );
    expect((await lint('src/rules/example.ts', "export { ROOT } from '../../tests/helpers/build.ts';\n"))[0]).toContain(
      'leaves src/',
    );
  });

  it('keeps astro:* modules and import.meta.env inside the Astro folders, so the CLI runs in plain Node', async () => {
    expect(
      (
        await lint(
          'src/model/example.ts',
          "import { getCollection } from 'astro:content';\nexport const x = getCollection;\n",
        )
      )[0],
    ).toContain('astro:content only exists inside Astro');
    expect((await lint('src/outputs/example.ts', 'export const base = import.meta.env.BASE_URL;\n'))[0]).toContain(
      'import.meta.env only exists inside Astro',
    );
    expect(
      await lint(
        'src/astro/example.ts',
        "import { getCollection } from 'astro:content';\nexport const x = [getCollection, import.meta.env.BASE_URL];\n",
      ),
    ).toEqual([]);
    expect(await lint('src/cli/example.ts', 'export const url = import.meta.url;\n')).toEqual([]);
  });

  it('allows imports from lower folders, the same folder, leaves, and test helpers in unit tests', async () => {
    expect(
      await lint(
        'src/cli/example.ts',
        "export { buildApi } from '../outputs/api.ts';\nexport { Refusal } from '../files/refusal.ts';\nexport * from './choices.ts';\n",
      ),
    ).toEqual([]);
    expect(await lint('src/cli/example.ts', "export { runProbe } from '../probe/probe.ts';\n")).toEqual([]);
    expect(
      await lint(
        'src/probe/example.ts',
        "export { assertValid } from '../site/assert-valid.ts';\nexport { eventAt } from '../model/events.ts';\n",
      ),
    ).toEqual([]);
    expect(await lint('src/model/example.test.ts', "export { ROOT } from '../../tests/helpers/build.ts';\n")).toEqual(
      [],
    );
  });
});
