/** `template` with each `{name}` replaced by `values[name]`. Its own module, free of the catalogs' schema, so the subscriptions Worker can use it. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
