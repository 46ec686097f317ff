/**
 * This process's environment for a child it starts (a build, the CLI, astro
 * dev), plus `extra`: without what Vitest sets (BASE_URL, which a build would
 * take over STATUS_BASE; NODE_ENV, TEST, VITEST*) and without any STATUS_*
 * setting, which each test gives its child itself. `adopter` also drops npm's
 * own variables, for a child that stands for another project's npm.
 */
export function childEnv(extra: Record<string, string> = {}, { adopter = false } = {}): Record<string, string> {
  const dropped = adopter ? /^(VITEST|STATUS_|npm_)/ : /^(VITEST|STATUS_)/;
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined && !['BASE_URL', 'NODE_ENV', 'TEST'].includes(entry[0]) && !dropped.test(entry[0]),
  );
  return { ...Object.fromEntries(inherited), ...extra };
}
