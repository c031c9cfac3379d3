/**
 * Markdown for the generated reports. Every cell goes through one escape:
 * text from a definition (names, hosts, reasons of acknowledgements) can hold
 * Markdown or HTML that would change the table a reviewer reads.
 */

/**
 * Escapes text for one table cell: no row or column breaks, no markup, no links, no HTML.
 * @internal
 */
export function markdownCell(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/([\\`*[\]|])/g, '\\$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A link cell for a trusted URL (our sources), rendered as an autolink.
 * @internal
 */
export function markdownLink(url: string): string {
  return `<${url}>`;
}

/**
 * A Markdown table. Cells are escaped unless given as `{ raw }` (trusted
 * markup the library writes itself, such as source links).
 * @internal
 */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | { readonly raw: string }>>): string {
  const cell = (c: string | { readonly raw: string }) => (typeof c === 'string' ? markdownCell(c) : c.raw);
  return [`| ${headers.map(markdownCell).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}
