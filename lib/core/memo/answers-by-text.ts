/**
 * `compute` with a process-wide table of its answers by exact text: each
 * text's answer is computed once and found again after. Only for pure
 * answers, which the same text always gives (a name lowered, a path split,
 * an expression parsed); an answer that is an object is shared by every
 * caller, so it must not be changed. A `context` carries what the answer is
 * computed from when that is more than the text: the text is then its key,
 * and the same text must always come with the same context.
 *
 * The table holds at most `limit` texts. When full it is emptied and fills
 * again: a process that meets many distinct texts (the keys of a document's
 * maps) never grows it without end, and gets the same answers.
 * @internal
 */
export function answersByText<T, C = void>(compute: (text: string, context: C) => T, limit = 10_000): (text: string, context: C) => T {
  const table = new Map<string, T>();
  return (text, context) => {
    const found = table.get(text);
    if (found !== undefined || table.has(text)) return found as T;
    const answer = compute(text, context);
    if (table.size >= limit) table.clear();
    table.set(text, answer);
    return answer;
  };
}
