import { NotExamined, ReadProblem } from '../../description/described-resource';

/** Where a template's reading records what it could not read or examine, in one document. */
export class ReadSink {
  public readonly problems: ReadProblem[] = [];
  public readonly notExamined: NotExamined[] = [];

  constructor(public readonly document: string) {}

  public problem(pointer: string, message: string): void {
    this.problems.push({ at: { document: this.document, pointer }, message });
  }

  public skip(pointer: string, what: string, reason: string): void {
    this.notExamined.push({ at: { document: this.document, pointer }, what, reason });
  }
}
