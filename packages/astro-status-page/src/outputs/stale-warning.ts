import { createHash } from 'node:crypto';

/**
 * The script every page carries (unless `freshness.warning: false`): the
 * warning that the page may be out of date is in the page, hidden; once the
 * reader's clock is past `data-after` (the next build's due time plus the
 * grace) it is shown. It changes nothing else, and without JavaScript the
 * page still states when it was built and when the next build is due.
 */
export const STALE_WARNING_SCRIPT =
  "(()=>{const w=document.getElementById('stale');if(w&&Date.now()>Date.parse(w.dataset.after))w.hidden=!1})()";

/** The element the script shows: its id, and the attribute holding the ISO time after which it does. */
export const STALE_WARNING_ID = 'stale';

/** Its CSP source: only this exact script may run. */
export const STALE_WARNING_SCRIPT_HASH = `'sha256-${createHash('sha256').update(STALE_WARNING_SCRIPT).digest('base64')}'`;
