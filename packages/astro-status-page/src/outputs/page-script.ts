import { createHash } from 'node:crypto';

/*
 * The one script a page carries, inline and pinned by its hash in the CSP
 * (csp.ts). It only keeps what the page says true at the reader's clock, and
 * without JavaScript the page reads complete as built:
 * - the warning that the page may be out of date (`#stale`, hidden) is shown
 *   once the clock is past `data-after`, the next build's due time plus the grace;
 * - a promise ("Next update by 08:54 EST", `data-due`) becomes "Update overdue
 *   by 12 min" (`data-overdue`, its `{duration}` filled in) a minute after it;
 * - each update's " · 17 min ago" (`data-since`, empty and hidden as built: a
 *   page may be read hours later) is counted from the reader's clock and shown;
 * - with `localTime` on, every time a person reads (a `<time data-zoned>`) is rewritten into the reader's zone, saying so ("(your time)"),
 *   unless the reader is in the site's zone, and marked `data-local` (it is
 *   longer than the site's wording, so it may wrap). Days (headings) stay the site zone's.
 * The words come from `<html>`: `data-locale` (the BCP 47 tag numbers and dates
 * are written in: Arabic pages keep Latin digits), `data-units` ("{n} d|{n} h|{n} min| ", the
 * catalog's duration words and separator), `data-ago` ("{duration} ago|just
 * now"), `data-your-time` and `data-zone`.
 */
export const PAGE_SCRIPT =
  "(()=>{const d=document,h=d.documentElement,D=h.dataset,n=Date.now(),q=s=>d.querySelectorAll(s),w=d.getElementById('stale');" +
  'if(w&&n>Date.parse(w.dataset.after))w.hidden=!1;' +
  "const[y,o,i,p]=(D.units||'').split('|'),N=new Intl.NumberFormat(D.locale)," +
  'l=m=>{m=Math.floor(m/6e4);const a=Math.floor(m/1440);' +
  "return[[a,y],[Math.floor(m%1440/60),o],[a?0:m%60,i]].filter(x=>x[0]>0).map(x=>x[1].replace('{n}',N.format(x[0]))).join(p)};" +
  "for(const e of q('[data-due]')){const m=n-Date.parse(e.dataset.due);" +
  "if(m>=6e4){e.textContent=e.dataset.overdue.replace('{duration}',l(m));e.classList.add('overdue')}}" +
  "const[g,j]=(D.ago||'').split('|');" +
  "for(const e of q('[data-since]')){const m=n-Date.parse(e.dataset.since);" +
  "e.textContent=' · '+(m<6e4?j:g.replace('{duration}',l(m)));e.hidden=!1}" +
  'if(D.yourTime&&Intl.DateTimeFormat().resolvedOptions().timeZone!==D.zone){' +
  "const f=new Intl.DateTimeFormat(D.locale,{day:'numeric',month:'short',year:'numeric',hour:'2-digit',minute:'2-digit',hourCycle:'h23',timeZoneName:'short'});" +
  "for(const t of q('time[data-zoned]')){const a=new Date(t.dateTime),u=t.dataset.until;" +
  "t.textContent=(u?f.formatRange(a,new Date(u)):f.format(a))+' ('+D.yourTime+')';t.dataset.local=1}}})()";

/** The element of the stale-page warning, which the script shows. */
export const STALE_WARNING_ID = 'stale';

/** Its CSP source: only this exact script may run. */
export const PAGE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(PAGE_SCRIPT).digest('base64')}'`;
