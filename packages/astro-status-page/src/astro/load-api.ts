import { buildApi, type Api } from '../outputs/api.ts';
import { notifyIndex, type NotifyIndexJson } from '../outputs/notify-index.ts';
import { absoluteUrl, paths } from '../rules/urls.ts';
import { getStatusModel } from './load.ts';
import type { StatusModel } from '../model/status-model.ts';
import { PAGE_BASE } from './base.ts';

const apis = new WeakMap<StatusModel, Api>();

/** The API of this build, computed once per model and shared by every endpoint. */
export async function getApi(site: URL): Promise<Api> {
  const model = await getStatusModel();
  let api = apis.get(model);
  if (!api) apis.set(model, (api = buildApi({ model, site, base: PAGE_BASE })));
  return api;
}

/** `/api/v2/notify-index.json`: every event of this build, for `status notify` to compare. */
export async function getNotifyIndex(site: URL): Promise<NotifyIndexJson> {
  const model = await getStatusModel();
  return notifyIndex(model.events, model.now, absoluteUrl(site, PAGE_BASE, paths.home()));
}
