/**
 * One word for a POSIX shell, for the commands the reports print: bare when it
 * holds only characters the shell takes literally, else single-quoted (a
 * quote inside closes, escapes and reopens).
 * @see https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_02_02
 * @internal
 */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
