/**
 * Names of HTML elements. A bare `<Name>` that is not one of these (e.g. `List<string>`, `Promise<Order>`)
 * is left alone: it is how people write generic types, and it hides nothing.
 */
export const HTML_ELEMENT_NAMES: ReadonlySet<string> = new Set(
  `a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code
  col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer
  form frame frameset g h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins kbd label legend
  li link main map mark marquee math menu meta meter nav noscript object ol optgroup option output p param path
  picture pre progress q rp rt ruby s samp script search section select slot small source span strike strong
  style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var
  video wbr`
    .split(/\s+/)
    .filter((name) => name.length > 0),
);
