import { PointerLines } from '../core/readers/pointer-lines';

/**
 * The lines of the files an audit read, so that a SARIF result points at the
 * line of its property (GitHub code scanning annotates it there): a resource
 * at a JSON pointer of a file (`file#/resources/3`), and a payload path within it.
 */
export class PropertyLocations {
  private readonly files = new Map<string, PointerLines>();

  /** Remembers a file's text. */
  public add(file: string, text: string): void {
    this.files.set(file, new PointerLines(text));
  }

  /** The 1-based line of `property` of the resource at `source` (`file#pointer`), if the file was added. */
  public lineOf(source: string, property: string): number | undefined {
    const [file, pointer = ''] = source.split('#');
    return this.files.get(file)?.lineOf(pointer, property);
  }
}
