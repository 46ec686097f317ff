import type { APIRoute, GetStaticPaths } from 'astro';
import { getStatusModel } from '../../lib/load';
import { redirectPage, type LegacyRedirect } from '../../lib/redirects';
import { absoluteUrl, href, paths } from '../../lib/urls';

// A page at each old path of an imported incident (`/incidents/<statuspage-id>/`), sending readers to ours.
export const getStaticPaths = (async () => {
  const model = await getStatusModel();
  return model.redirects.map((redirect) => ({ params: { legacy: redirect.from.replace(/^\/|\/$/g, '') }, props: { redirect } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ redirect: LegacyRedirect }> = ({ props, site }) => {
  const path = paths.incident(props.redirect.slug);
  return new Response(redirectPage(props.redirect, href(path), absoluteUrl(site!, import.meta.env.BASE_URL, path)), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
};
