import { createHash } from 'node:crypto';

/**
 * With `localTime: true`, the one script a page carries: it rewrites each
 * time a person reads (a `<time>` with a UTC `title`) into the reader's own
 * zone and says so, "(your time)" in the page's language (`data-your-time`
 * on `<html>`). Days (headings) stay the site zone's: they group the lists.
 * Without JavaScript the page reads in the site zone, complete.
 */
export const LOCAL_TIME_SCRIPT =
  "(()=>{const h=document.documentElement,f=new Intl.DateTimeFormat(h.lang,{day:'numeric',month:'short',year:'numeric',hour:'2-digit',minute:'2-digit',hourCycle:'h23',timeZoneName:'short'});" +
  "for(const t of document.querySelectorAll('time[title]')){const a=new Date(t.dateTime),u=t.dataset.until;" +
  "t.textContent=(u?f.formatRange(a,new Date(u)):f.format(a))+' ('+h.dataset.yourTime+')'}})()";

/** Its CSP source: only this exact script may run, on any page. */
export const LOCAL_TIME_SCRIPT_HASH = `'sha256-${createHash('sha256').update(LOCAL_TIME_SCRIPT).digest('base64')}'`;
