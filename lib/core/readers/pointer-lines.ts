import { Node, parseTree } from 'jsonc-parser';

/**
 * The 1-based line where a value of a JSON text is written, so a report can
 * say "line 42" and a SARIF result can point at it. The value is found by an
 * RFC 6901 pointer (`/resources/3`), then, optionally, by a payload path
 * within it (`properties.apiServerAccessProfile.authorizedIPRanges[0]`).
 * A document in `az aks show`'s shape has no `properties` level and other
 * casing, so the path is followed through both. Where the way stops (an
 * absent property), the line is that of the deepest part that is written.
 * @see https://www.rfc-editor.org/rfc/rfc6901
 * @internal
 */
export class PointerLines {
  /** The text's syntax tree and where its lines start, read on the first question (many documents are never asked). */
  private read: { readonly root: Node | undefined; readonly lineStarts: readonly number[] } | undefined;

  constructor(private readonly text: string) {}

  private get parsed(): { readonly root: Node | undefined; readonly lineStarts: readonly number[] } {
    if (!this.read) {
      const lineStarts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) lineStarts.push(i + 1);
      this.read = { root: parseTree(this.text), lineStarts };
    }
    return this.read;
  }

  /** The line of the value at `pointer`, then at `property` within it (of its property's name when it is a member). */
  public lineOf(pointer: string, property = ''): number | undefined {
    let node = this.parsed.root;
    if (!node) return undefined;
    for (const token of pointer.split('/').filter(Boolean).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
      const next = childOf(node, token);
      if (!next) break;
      node = next;
    }
    let within = true;
    for (const segment of payloadPath(property)) {
      if (!within) break;
      const next = childOf(node, segment);
      if (next) node = next;
      else within = segment === 'properties';
    }
    return this.lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }

  private lineAt(offset: number): number {
    const { lineStarts } = this.parsed;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** `properties.a.b[0]` as segments; a property that is not a path (`diagnostic settings`) is the value itself. */
function payloadPath(property: string): string[] {
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/.test(property)) return [];
  return property.replace(/\[(\d+)\]/g, '.$1').split('.');
}

/** A member of an object (by its name, or without regard to case, as the CLI's casing differs) or an element of an array. */
function childOf(node: Node, token: string): Node | undefined {
  if (node.type === 'array') return /^\d+$/.test(token) ? node.children?.[Number(token)] : undefined;
  if (node.type !== 'object') return undefined;
  const exact = node.children?.find((p) => p.children?.[0]?.value === token);
  const found = exact ?? node.children?.find((p) => String(p.children?.[0]?.value).toLowerCase() === token.toLowerCase());
  return found?.children?.[1];
}
