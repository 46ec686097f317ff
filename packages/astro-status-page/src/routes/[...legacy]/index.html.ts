import type { APIRoute, GetStaticPaths } from 'astro';
import { getStatusModel } from '../../astro/load';
import { redirectPage, type LegacyRedirect } from '../../model/redirects';
import { absoluteUrl, paths } from '../../rules/urls';
import { href } from '../../astro/href';
import { PAGE_BASE } from '../../astro/base';

// A page at each old path of an imported incident (`/incidents/<statuspage-id>/`), sending readers to ours.
export const getStaticPaths = (async () => {
  const model = await getStatusModel();
  return model.redirects.map((redirect) => ({
    params: { legacy: redirect.from.replace(/^\/|\/$/g, '') },
    props: { redirect },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ redirect: LegacyRedirect }> = ({ props, site }) => {
  const path = paths.incident(props.redirect.slug);
  return new Response(redirectPage(props.redirect, href(path), absoluteUrl(site!, PAGE_BASE, path)), {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
};
