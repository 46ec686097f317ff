import { checkedSite } from 'virtual:astro-status-page/checked-site';
import { siteText, type SiteText } from '../model/site-text.ts';
import type { StatusModel } from '../model/status-model.ts';

/**
 * The one status model of this build, shared by every page: the one the
 * integration's check computed (src/integration/). Read at each call, not
 * kept: under `astro dev` a changed file hands over a new one.
 */
export async function getStatusModel(): Promise<StatusModel> {
  const site = checkedSite();
  if (!site)
    throw new Error(
      'astro-status-page: no checked site was handed over; add statusPage() to the integrations in astro.config.mjs',
    );
  return site.model;
}

const texts = new WeakMap<StatusModel, SiteText>();

/** The site's words and dates: its language, its zone, this build's now. */
export async function getSiteText(): Promise<SiteText> {
  const model = await getStatusModel();
  let text = texts.get(model);
  if (!text)
    texts.set(
      model,
      (text = siteText({ locale: model.config.locale, timezone: model.config.timezone, now: model.now })),
    );
  return text;
}
