import { getCollection } from 'astro:content';
import { siteText, type SiteText } from '../model/site-text.ts';
import { buildStatusModel, type StatusModel } from '../model/status-model.ts';
import { resolveNow } from '../rules/now.ts';
import { readSiteConfig, siteDir } from '../files/site-files.ts';
import { readProbeData } from '../files/probe-data.ts';
import { checkedSite } from './checked-site.ts';
import { storedIncident } from './incidents-loader.ts';

let model: Promise<StatusModel> | undefined;

/**
 * The one status model of this build, shared by every page: the one
 * `npm run build` computed in its check, or else computed here on first use
 * from the content collection.
 */
export function getStatusModel(): Promise<StatusModel> {
  model ??= (async () => {
    const stamp = process.env['STATUS_NOW'];
    const checked = checkedSite(siteDir(), stamp === undefined ? undefined : resolveNow(stamp));
    if (checked) return checked.model;
    const entries = await getCollection('incidents');
    return buildStatusModel(readSiteConfig(siteDir()), entries.map(storedIncident), resolveNow(process.env['STATUS_NOW']), readProbeData(siteDir()));
  })();
  return model;
}

/** The site's words and dates: its language, its zone, this build's now. */
export async function getSiteText(): Promise<SiteText> {
  const { config, now } = await getStatusModel();
  return siteText({ locale: config.locale, timezone: config.timezone, now });
}
