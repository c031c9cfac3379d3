import { Node, parseTree } from 'jsonc-parser';

/**
 * Finds where a property of a resource read from a JSON file is written, so
 * that a SARIF result points at its line (GitHub code scanning annotates it
 * there). The resource is at a JSON pointer of the file (`#/resources/3`);
 * the property is a payload path (`properties.apiServerAccessProfile.authorizedIPRanges[0]`).
 * A file in `az aks show`'s shape has no `properties` level and other casing:
 * the path is followed through both. Where the path stops (a property that is
 * not written, such as a missing `disableLocalAccounts`), the line is that of
 * the deepest part that is.
 */
export class PropertyLocations {
  private readonly trees = new Map<string, { root: Node | undefined; lineStarts: number[] }>();

  /** Remembers a file's text. */
  public add(file: string, text: string): void {
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
    this.trees.set(file, { root: parseTree(text), lineStarts });
  }

  /** The 1-based line of `property` of the resource at `source` (`file#pointer`), if the file was added. */
  public lineOf(source: string, property: string): number | undefined {
    const [file, pointer = ''] = source.split('#');
    const tree = this.trees.get(file);
    if (!tree?.root) return undefined;
    let node: Node | undefined = tree.root;
    // A pointer may end at a value that is not written (an absent property): its line is that of the deepest part that is.
    for (const segment of pointer.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
      const next: Node | undefined = child(node, segment);
      if (!next) break;
      node = next;
    }
    for (const segment of payloadPath(property)) {
      const next: Node | undefined = child(node, segment);
      if (next) node = next;
      else if (segment !== 'properties') break;
    }
    return line(tree.lineStarts, node!.parent?.type === 'property' ? node!.parent.offset : node!.offset);
  }
}

/** `properties.a.b[0]` as segments; a property that is not a path (`diagnostic settings`) is the resource itself. */
function payloadPath(property: string): string[] {
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$-]*|\[\d+\])*$/.test(property)) return [];
  return property.replace(/\[(\d+)\]/g, '.$1').split('.');
}

/** A member of an object (its name compared without regard to case, as the CLI's casing differs) or an element of an array. */
function child(node: Node | undefined, segment: string): Node | undefined {
  if (!node?.children) return undefined;
  if (node.type === 'array') return /^\d+$/.test(segment) ? node.children[Number(segment)] : undefined;
  if (node.type !== 'object') return undefined;
  const exact = node.children.find((p) => p.children?.[0]?.value === segment);
  const found = exact ?? node.children.find((p) => String(p.children?.[0]?.value).toLowerCase() === segment.toLowerCase());
  return found?.children?.[1];
}

function line(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
