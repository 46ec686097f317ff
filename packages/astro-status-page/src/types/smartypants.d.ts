// smartypants ships no types; the one function used (src/rules/markdown.ts).
declare module 'smartypants' {
  /** SmartyPants with Unicode characters out ("“”’—…") instead of entities; `attr` '1' = quotes, `--` em dash, ellipses. */
  export function smartypantsu(text: string, attr?: string): string;
}
