import { Node, parseTree } from 'jsonc-parser';

/**
 * The 1-based line of each RFC 6901 pointer of a JSON text: where a fact
 * read at that pointer is written, so a report can say "line 42". A pointer
 * that stops at a value not written (an absent property) gets the line of the
 * deepest part that is.
 * @see https://www.rfc-editor.org/rfc/rfc6901
 */
export class PointerLines {
  private readonly root: Node | undefined;
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    this.root = parseTree(text);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** The line of the value at `pointer` (of its property's name when it is a member). */
  public lineOf(pointer: string): number | undefined {
    let node = this.root;
    if (!node) return undefined;
    for (const token of pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
      const next = childOf(node, token);
      if (!next) break;
      node = next;
    }
    const offset = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

function childOf(node: Node, token: string): Node | undefined {
  if (node.type === 'array') return /^\d+$/.test(token) ? node.children?.[Number(token)] : undefined;
  if (node.type !== 'object') return undefined;
  return node.children?.find((p) => p.children?.[0]?.value === token)?.children?.[1];
}
