import type { APIRoute, GetStaticPaths } from 'astro';
import type { ApiEndpoint } from '../../../outputs/api';
import { getApi } from '../../../astro/load-api';

const ENDPOINTS: ApiEndpoint[] = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
  'measurements.json',
];

export const getStaticPaths = (() =>
  ENDPOINTS.map((file) => ({
    params: { endpoint: file.replace(/\.json$/, '') },
    props: { file },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const api = await getApi(site!);
  return new Response(JSON.stringify(api[props['file'] as ApiEndpoint], null, 2), {
    headers: { 'content-type': 'application/json' },
  });
};
