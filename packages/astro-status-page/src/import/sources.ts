/** What `status import` reads from, named as the command takes them. */
export const IMPORT_SOURCES = ['statuspage', 'cstate'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** The management API key is read from here, never from the command line (shell history, `ps`). */
export const API_KEY_VARIABLE = 'STATUSPAGE_API_KEY';
