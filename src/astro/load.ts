import { getCollection } from 'astro:content';
import { siteText, type SiteText } from '../model/site-text.ts';
import type { IncidentFile } from '../files/schemas/incident.ts';
import { buildStatusModel, type StatusModel } from '../model/status-model.ts';
import { resolveNow } from '../rules/now.ts';
import { readSiteConfig, siteDir } from '../files/site-files.ts';
import type { ValidIncidentFile } from '../files/validate.ts';
import { checkedSite } from './checked-site.ts';

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
    // The loader stored only files that passed validation, so the data is an IncidentFile.
    const files = entries.map((entry): ValidIncidentFile => {
      const data = entry.data as { file: string; frontmatter: IncidentFile };
      return { slug: entry.id, file: data.file, data: data.frontmatter, body: entry.body ?? '' };
    });
    return buildStatusModel(readSiteConfig(siteDir()), files, resolveNow(process.env['STATUS_NOW']));
  })();
  return model;
}

/** The site's words and dates: its language, its zone, this build's now. */
export async function getSiteText(): Promise<SiteText> {
  const { config, now } = await getStatusModel();
  return siteText({ locale: config.locale, timezone: config.timezone, now });
}
