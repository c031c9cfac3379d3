/**
 * Text made safe for HTML and SVG content and for double-quoted attribute
 * values: the five characters OWASP's cross-site scripting prevention
 * guidance lists (`& < > " '`) as character references. Every value of a
 * report (resource names, properties, reasons) goes through it.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html#output-encoding-for-html-contexts
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A link to a public document, or plain text when the address is not an
 * `https:` URL (a link is never a `javascript:` or `data:` address). Links are
 * not loaded by the page: a reader follows them.
 */
export function htmlLink(url: string, text: string = url): string {
  return /^https:\/\/[^\s"'<>]+$/.test(url) ? `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
}
