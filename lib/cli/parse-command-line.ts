import { parseArgs, ParseArgsOptionsConfig } from 'node:util';
import { CliUsageError } from './cli-result';
import { didYouMean } from './did-you-mean';

/**
 * Parses a command's arguments strictly (`node:util` parseArgs): positionals
 * (`-` among them, standard input) and the given options only. An unknown
 * option, an option without its value or a flag with one is a usage error
 * that names the option, in our words rather than Node's, with the closest
 * known option when one is close (never one of `hidden`, such as a deprecated alias).
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(argv: readonly string[], options: O, hidden: readonly string[] = []) {
  // A first, lenient pass finds the mistakes by token, so the message needs no parsing of Node's.
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name] as ParseArgsOptionsConfig[string] | undefined;
    if (option === undefined) throw new CliUsageError(unknownOption(token.rawName, Object.keys(options).filter((n) => !hidden.includes(n))));
    if (option.type === 'string' && token.value === undefined) throw new CliUsageError(`option '${token.rawName}' needs a value`);
    if (option.type === 'string' && !token.inlineValue && /^-./.test(token.value ?? '')) {
      throw new CliUsageError(`option '${token.rawName}' needs a value, not the option '${token.value}' (write ${token.rawName}=${token.value} if you mean it)`);
    }
    if (option.type === 'boolean' && token.value !== undefined) throw new CliUsageError(`option '${token.rawName}' takes no value`);
  }
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (e) {
    // Anything the lenient pass lets through, in Node's words.
    throw new CliUsageError((e as Error).message.replace(/^Option/, 'option'));
  }
}

/** `unknown option '--fromat'. Did you mean '--format'?` */
function unknownOption(rawName: string, known: readonly string[]): string {
  const message = `unknown option '${rawName}'`;
  if (!rawName.startsWith('--')) return message;
  const suggestion = didYouMean(rawName.slice(2).split('=')[0], known);
  return suggestion === undefined ? message : `${message}. Did you mean '--${suggestion}'?`;
}
