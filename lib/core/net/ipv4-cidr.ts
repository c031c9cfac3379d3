import { answersByText } from '../memo/answers-by-text';

/**
 * An IPv4 CIDR block, parsed strictly: four decimal octets without leading
 * zeros, and a prefix length from 0 to 32.
 * @category Network and identity
 */
export class Ipv4Cidr {
  /**
   * Parses `text`, or returns a reason it is not an IPv4 CIDR.
   */
  public static parse(text: string): Ipv4Cidr | { readonly error: string } {
    // Only text is kept: its content is its identity.
    return typeof text === 'string' ? Ipv4Cidr.parsedOnce(text) : Ipv4Cidr.parseOnce(text);
  }

  /**
   * Each text parsed once, by its exact content: the rules of a tenant's audit parse the same blocks (an
   * authorized range, a pod CIDR) on cluster after cluster. A block is immutable, so one object serves them all.
   */
  private static readonly parsedOnce = answersByText((text) => Object.freeze(Ipv4Cidr.parseOnce(text)));

  private static parseOnce(text: string): Ipv4Cidr | { readonly error: string } {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (!m) return { error: 'not of the form a.b.c.d/n' };
    const octets = m.slice(1, 5);
    for (const o of octets) {
      if ((o.length > 1 && o.startsWith('0')) || Number(o) > 255) {
        return { error: `octet "${o}" is not a number from 0 to 255 without leading zeros` };
      }
    }
    const prefixText = m[5];
    const prefix = Number(prefixText);
    if ((prefixText.length > 1 && prefixText.startsWith('0')) || prefix > 32) {
      return { error: `prefix length "${prefixText}" is not a number from 0 to 32` };
    }
    const address = octets.reduce((acc, o) => acc * 256 + Number(o), 0);
    return new Ipv4Cidr(address, prefix);
  }

  /** Parses `text` and throws if it is not an IPv4 CIDR (for trusted, library-made values). */
  public static of(text: string): Ipv4Cidr {
    const parsed = Ipv4Cidr.parse(text);
    if (!(parsed instanceof Ipv4Cidr)) throw new Error(`invalid IPv4 CIDR "${text}": ${parsed.error}`);
    return parsed;
  }

  private constructor(
    /** The address as an unsigned 32-bit number. */
    public readonly address: number,
    /** The prefix length. */
    public readonly prefixLength: number,
  ) {}

  /** Number of addresses in the block. */
  public get size(): number {
    return 2 ** (32 - this.prefixLength);
  }

  /** First address of the block (host bits cleared). */
  public get network(): number {
    return this.address - (this.address % this.size);
  }

  /** Last address of the block. */
  public get last(): number {
    return this.network + this.size - 1;
  }

  /** Whether the address has bits set beyond the prefix (`10.0.0.1/24`). */
  public get hasHostBits(): boolean {
    return this.address !== this.network;
  }

  /** The block written with host bits cleared (`10.0.0.0/24`). */
  public get canonical(): string {
    return `${formatIpv4(this.network)}/${this.prefixLength}`;
  }

  /** Whether `other` lies entirely inside this block. */
  public contains(other: Ipv4Cidr): boolean {
    return other.network >= this.network && other.last <= this.last;
  }

  /** Whether the address `ip` (a number) lies inside this block. */
  public containsAddress(ip: number): boolean {
    return ip >= this.network && ip <= this.last;
  }

  /** Whether the two blocks share any address. */
  public overlaps(other: Ipv4Cidr): boolean {
    return this.network <= other.last && other.network <= this.last;
  }

  public toString(): string {
    return `${formatIpv4(this.address)}/${this.prefixLength}`;
  }
}

/**
 * Parses a dotted IPv4 address into a number, or undefined if malformed.
 * @category Network and identity
 */
export function parseIpv4(text: string): number | undefined {
  const parsed = Ipv4Cidr.parse(`${text}/32`);
  return parsed instanceof Ipv4Cidr ? parsed.address : undefined;
}

/**
 * Formats a 32-bit number as a dotted IPv4 address.
 * @category Network and identity
 */
export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
