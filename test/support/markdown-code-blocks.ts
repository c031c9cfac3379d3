/** A fenced code block of a Markdown page. */
export interface MarkdownCodeBlock {
  /** The first word of the info string: `ts`, `sh`, `yaml`, ... (empty when none). */
  readonly language: string;
  /** The words after the language (`continued`, `fragment`). */
  readonly flags: readonly string[];
  /** The block's text, without the fence's indentation, ending with a newline. */
  readonly body: string;
  /** The 1-based line of the page where the body starts. */
  readonly line: number;
  /** The page's last non-empty line before the opening fence. */
  readonly lineBefore: string;
}

/**
 * Every fenced code block of a page (```` ``` ```` fences, indented or not, as in a list item).
 * https://spec.commonmark.org/0.31.2/#fenced-code-blocks
 */
export function markdownCodeBlocks(page: string): MarkdownCodeBlock[] {
  const blocks: MarkdownCodeBlock[] = [];
  for (const m of page.matchAll(/^([ \t]*)```([^\n`]*)\n([\s\S]*?)^\1```[ \t]*$/gm)) {
    const [, indent, info, raw] = m;
    const [language = '', ...flags] = info.trim().split(/\s+/).filter((w) => w.length > 0);
    const body = raw
      .split('\n')
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
      .join('\n');
    const before = page.slice(0, m.index);
    blocks.push({
      language,
      flags,
      body,
      line: before.split('\n').length + 1,
      lineBefore: before.trimEnd().split('\n').pop()?.trim() ?? '',
    });
  }
  return blocks;
}
