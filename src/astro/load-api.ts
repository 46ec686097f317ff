import { buildApi, type Api } from '../outputs/api.ts';
import { getStatusModel } from './load.ts';

let api: Promise<Api> | undefined;

/** The API of this build, computed once and shared by every endpoint. */
export function getApi(site: URL): Promise<Api> {
  api ??= getStatusModel().then((model) => buildApi({ model, site, base: import.meta.env.BASE_URL }));
  return api;
}
