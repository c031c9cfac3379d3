import { NotExamined, ReadProblem } from '../../description/described-resource';

/** Where a template's reading records what it could not read or examine, in one document. */
export class ReadSink {
  public readonly problems: ReadProblem[] = [];
  public readonly notExamined: NotExamined[] = [];

  constructor(public readonly document: string) {}

  private readonly seen = new Set<string>();

  /** Records a problem once: a copy loop or a symbolic reference may evaluate the same place again. */
  public problem(pointer: string, message: string): void {
    const key = `${pointer}\n${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ at: { document: this.document, pointer }, message });
  }

  public skip(pointer: string, what: string, reason: string): void {
    this.notExamined.push({ at: { document: this.document, pointer }, what, reason });
  }
}
