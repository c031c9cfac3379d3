import { PointerLines } from '../core/readers/pointer-lines';

/**
 * The lines of the files an audit read, so that a SARIF result points at the
 * line of its property (GitHub code scanning annotates it there): a resource
 * at a JSON pointer of a file (`file#/resources/3`), and a payload path within it.
 * A file's lines are indexed on the first question about it, once: a text
 * report asks none, and a tenant's export is not indexed for nothing.
 */
export class PropertyLocations {
  private readonly files = new Map<string, { readonly text: string; lines?: PointerLines }>();

  /** Remembers a file's text. */
  public add(file: string, text: string): void {
    this.files.set(file, { text });
  }

  /** The 1-based line of `property` of the resource at `source` (`file#pointer`), if the file was added. */
  public lineOf(source: string, property: string): number | undefined {
    const [file, pointer = ''] = source.split('#');
    const found = this.files.get(file);
    if (found === undefined) return undefined;
    found.lines ??= new PointerLines(found.text);
    return found.lines.lineOf(pointer, property);
  }
}
