import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliFailure } from './cli-result';

/** A file system error in a few words, for `secure-aks: cannot write <path>: <reason>`. */
export function describeFileSystemError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way of a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOENT':
      return 'no such file or folder';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Checks, before any work, that `folder` can be created or written: its
 * nearest existing ancestor is a folder we may write to. A long run then does
 * not fail at its end for a mistyped path.
 */
export function checkWritableFolder(folder: string, given: string): void {
  let existing = folder;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (!fs.statSync(existing).isDirectory()) throw new CliFailure(`cannot write ${given}: ${existing} is a file, not a folder`);
  try {
    fs.accessSync(existing, fs.constants.W_OK);
  } catch (e) {
    throw new CliFailure(`cannot write ${given}: ${describeFileSystemError(e)} (${existing})`);
  }
}

/** Writes `text` to `file`, creating its parent folders, or fails with the reason in a line. */
export function writeOutputFile(file: string, text: string, shown: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new CliFailure(`cannot write ${shown}: ${describeFileSystemError(e)}`);
  }
}

/** How much of a report is gathered before it is written: a tenant's report then takes a few hundred writes, not one per cluster. */
const WRITE_BUFFER_BYTES = 1 << 20;

/**
 * Writes `chunks` to `file` as they come (a tenant's report is never held
 * whole; at most {@link WRITE_BUFFER_BYTES} wait to be written), creating its
 * parent folders, or fails with the reason in a line. When producing a chunk
 * fails, the half-written file is removed: no half report.
 */
export function writeOutputFileInChunks(file: string, chunks: Iterable<string>, shown: string): void {
  const fail = (e: unknown) => new CliFailure(`cannot write ${shown}: ${describeFileSystemError(e)}`);
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fd = fs.openSync(file, 'w');
  } catch (e) {
    throw fail(e);
  }
  const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  let used = 0;
  const write = (data: string) => {
    try {
      fs.writeSync(fd, data);
    } catch (e) {
      throw fail(e);
    }
  };
  const flush = () => {
    try {
      // writeSync may write less than asked (a pipe, a full disk): the rest follows.
      for (let written = 0; written < used; ) written += fs.writeSync(fd, buffer, written, used - written);
    } catch (e) {
      throw fail(e);
    }
    used = 0;
  };
  let complete = false;
  try {
    for (const chunk of chunks) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (used + chunk.length * 3 > buffer.length) flush();
      if (chunk.length * 3 > buffer.length) write(chunk);
      else used += buffer.write(chunk, used);
    }
    flush();
    complete = true;
  } finally {
    fs.closeSync(fd);
    if (!complete) fs.rmSync(file, { force: true });
  }
}
