/** Deep-merges catalog files into one tree. Two files defining the same text is a mistake. */
export type CatalogTree = { [k: string]: string | CatalogTree };

export function mergeCatalogs(files: readonly Record<string, unknown>[]): CatalogTree {
  const out: CatalogTree = {};
  const put = (into: CatalogTree, from: Record<string, unknown>, path: string) => {
    for (const [k, v] of Object.entries(from)) {
      const here = into[k];
      if (typeof v === 'string') {
        if (here !== undefined) throw new Error(`i18n key defined twice: ${path}${k}`);
        into[k] = v;
      } else if (v && typeof v === 'object') {
        if (typeof here === 'string') throw new Error(`i18n key defined twice: ${path}${k}`);
        const child = here ?? {};
        into[k] = child;
        put(child, v as Record<string, unknown>, `${path}${k}.`);
      }
    }
  };
  for (const f of files) put(out, f, '');
  return out;
}
