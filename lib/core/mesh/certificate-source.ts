import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, schemaOf, text, wellFormedText } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { isDns1123Subdomain } from '../kubernetes/kubernetes-names';

/**
 * A cert-manager issuer of the customer CA.
 * @category Cross-cluster mTLS
 */
export interface IssuerReference {
  /** `Issuer` (namespaced: it must exist in each gateway namespace) or `ClusterIssuer`. */
  readonly kind: 'Issuer' | 'ClusterIssuer';
  readonly name: string;
  /** @default 'cert-manager.io' */
  readonly group?: string;
}

/**
 * Options of certificates issued by cert-manager.
 * @category Cross-cluster mTLS
 */
export interface CertManagerOptions {
  /** The issuer for the client (egress) side. */
  readonly clientIssuer: IssuerReference;
  /**
   * The issuer for the server (ingress) side.
   * @default - the client issuer
   */
  readonly serverIssuer?: IssuerReference;
  /**
   * Certificate lifetime, as a Go duration.
   * @default '2160h' (90 days)
   */
  readonly duration?: string;
  /**
   * When to renew before expiry.
   * @default '360h' (15 days)
   */
  readonly renewBefore?: string;
}

/**
 * Where the customer-CA certificates of the gateway-to-gateway hop come
 * from. They are separate from the mesh CA: rotating them never touches
 * Istio's own CA (cacerts / istio-ca-secret).
 * @example
 * CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } });
 * CertificateSource.existingSecrets();
 * @category Cross-cluster mTLS
 */
export class CertificateSource {
  /**
   * cert-manager `Certificate`s issued by the customer CA's Issuer or
   * ClusterIssuer, written as secrets with `tls.crt`, `tls.key` and `ca.crt`
   * in the gateway workload's namespace, renewed by cert-manager.
   * @see https://cert-manager.io/docs/usage/certificate/
   */
  public static certManager(options: CertManagerOptions): CertificateSource {
    // A broken issuer is reported; the placeholder keeps the link buildable for the other rules.
    return fromOptions(
      CERT_MANAGER_OPTIONS,
      options,
      (o) => new CertificateSource('certManager', { ...o, clientIssuer: o.clientIssuer ?? { kind: 'ClusterIssuer', name: 'customer-ca' } }),
    );
  }

  /**
   * Secrets that already exist in the gateway namespaces, in Istio's format
   * (`tls.crt`, `tls.key`, `ca.crt`). Their names are given per service.
   */
  public static existingSecrets(): CertificateSource {
    return new CertificateSource('existingSecrets');
  }

  private constructor(
    public readonly kind: 'certManager' | 'existingSecrets',
    public readonly certManager?: CertManagerOptions,
  ) {}
}

/** The runtime schema of {@link IssuerReference}. @internal */
export const ISSUER_REFERENCE = lazySchema(() => schemaOf<IssuerReference>()(
  zod.strictObject({
    kind: zod.enum(['Issuer', 'ClusterIssuer']),
    name: text(),
    group: wellFormedText(Rules.issuerWellFormed, 'use the issuer\'s API group, e.g. "cert-manager.io"', (s) => isDns1123Subdomain(s) && s.includes('.')).optional(),
  }),
));
const CERT_MANAGER_OPTIONS = lazySchema(() => schemaOf<CertManagerOptions>()(
  zod.strictObject({ clientIssuer: ISSUER_REFERENCE, serverIssuer: ISSUER_REFERENCE.optional(), duration: text().optional(), renewBefore: text().optional() }),
));
