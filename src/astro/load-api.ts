import { buildApi, type Api } from '../outputs/api.ts';
import { notifyIndex, type NotifyIndexJson } from '../outputs/notify-index.ts';
import { absoluteUrl, paths } from '../rules/urls.ts';
import { getStatusModel } from './load.ts';

let api: Promise<Api> | undefined;

/** The API of this build, computed once and shared by every endpoint. */
export function getApi(site: URL): Promise<Api> {
  api ??= getStatusModel().then((model) => buildApi({ model, site, base: import.meta.env.BASE_URL }));
  return api;
}

/** `/api/v2/notify-index.json`: every event of this build, for `status notify` to compare. */
export async function getNotifyIndex(site: URL): Promise<NotifyIndexJson> {
  const model = await getStatusModel();
  return notifyIndex(model.events, model.now, absoluteUrl(site, import.meta.env.BASE_URL, paths.home()));
}
