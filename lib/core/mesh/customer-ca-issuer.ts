import { zod, lazySchema } from '../validation/lazy-zod';
import { factoryResult, fromOptions, wellFormedText } from '../validation/input-boundary';
import { Rules } from '../validation/rule-catalog';
import { KubernetesObject } from '../kubernetes/kubernetes-object';
import { isDns1123Subdomain } from '../kubernetes/kubernetes-names';
import { ISSUER_REFERENCE, IssuerReference } from './certificate-source';

const kubernetesName = () => wellFormedText(Rules.issuerWellFormed, 'use a Kubernetes name: lowercase letters, digits, "-" and "."', isDns1123Subdomain);
const httpsUrl = () =>
  wellFormedText(Rules.issuerWellFormed, 'use the server\'s https:// URL', (s) => {
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  });
const CA_SECRET_OPTIONS = lazySchema(() => zod.strictObject({ name: kubernetesName().optional(), secretName: kubernetesName() }));
const ACME_OPTIONS = lazySchema(() => zod.strictObject({
  name: kubernetesName().optional(),
  server: httpsUrl(),
  email: wellFormedText(Rules.issuerWellFormed, 'use an email address', (s) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s)).optional(),
  privateKeySecretName: kubernetesName(),
  solvers: zod.array(zod.record(zod.string(), zod.unknown())).readonly(),
}));
const VAULT_OPTIONS = lazySchema(() => zod.strictObject({
  name: kubernetesName().optional(),
  server: httpsUrl(),
  path: wellFormedText(Rules.issuerWellFormed, 'use the PKI signing path, e.g. "pki_int/sign/mesh-gateways"', (s) => /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(s)),
  role: wellFormedText(Rules.issuerWellFormed, 'use the Vault role name: letters, digits, "_", "." and "-"', (s) => /^[A-Za-z0-9_.-]+$/.test(s)),
  mountPath: wellFormedText(Rules.issuerWellFormed, 'use the auth mount path, e.g. "/v1/auth/kubernetes"', (s) => /^\/[A-Za-z0-9_./-]*$/.test(s)).optional(),
  caBundle: wellFormedText(Rules.issuerWellFormed, 'use the base64-encoded PEM bundle', (s) => /^[A-Za-z0-9+/]+={0,2}$/.test(s)).optional(),
}));

/**
 * The cert-manager ClusterIssuer of the customer CA, in both clusters: the
 * one trust chain of the hop between them, separate from the mesh CAs.
 * @see https://cert-manager.io/docs/configuration/
 * @example
 * CustomerCaIssuer.fromCaSecret({ secretName: 'customer-ca' });
 * CustomerCaIssuer.vault({ server: 'https://vault.internal.example:8200', path: 'pki_int/sign/mesh', role: 'mesh' });
 * @category Cross-cluster mTLS
 */
export class CustomerCaIssuer {
  /**
   * A CA issuer from a secret you provide (`tls.crt`, `tls.key` of the
   * customer CA or an intermediate) in cert-manager's namespace.
   * @see https://cert-manager.io/docs/configuration/ca/
   */
  public static fromCaSecret(options: { readonly name?: string; readonly secretName: string }): CustomerCaIssuer {
    return fromOptions(CA_SECRET_OPTIONS, options, (o) => new CustomerCaIssuer(o.name ?? 'customer-ca', { ca: { secretName: o.secretName } }));
  }

  /**
   * An ACME issuer (an internal ACME CA of the customer PKI).
   * @see https://cert-manager.io/docs/configuration/acme/
   */
  public static acme(options: {
    readonly name?: string;
    readonly server: string;
    readonly email?: string;
    readonly privateKeySecretName: string;
    /** cert-manager ACME solvers, as cert-manager documents them. */
    readonly solvers: readonly Record<string, unknown>[];
  }): CustomerCaIssuer {
    return fromOptions(ACME_OPTIONS, options, (o) =>
      new CustomerCaIssuer(o.name ?? 'customer-ca', {
        acme: {
          server: o.server,
          ...(o.email ? { email: o.email } : {}),
          privateKeySecretRef: { name: o.privateKeySecretName },
          solvers: [...o.solvers],
        },
      }),
    );
  }

  /**
   * A HashiCorp Vault PKI issuer, authenticating with the Kubernetes auth method.
   * @see https://cert-manager.io/docs/configuration/vault/
   */
  public static vault(options: {
    readonly name?: string;
    readonly server: string;
    /** The PKI signing path, e.g. `pki_int/sign/mesh-gateways`. */
    readonly path: string;
    readonly role: string;
    /** @default '/v1/auth/kubernetes' */
    readonly mountPath?: string;
    /** PEM bundle of the Vault server's CA, base64-encoded. */
    readonly caBundle?: string;
  }): CustomerCaIssuer {
    return fromOptions(VAULT_OPTIONS, options, (o) =>
      new CustomerCaIssuer(o.name ?? 'customer-ca', {
        vault: {
          server: o.server,
          path: o.path,
          ...(o.caBundle ? { caBundle: o.caBundle } : {}),
          auth: { kubernetes: { role: o.role, mountPath: o.mountPath ?? '/v1/auth/kubernetes', serviceAccountRef: { name: 'cert-manager' } } },
        },
      }),
    );
  }

  /** An Issuer or ClusterIssuer you manage yourself; nothing is emitted. */
  public static existing(reference: IssuerReference): CustomerCaIssuer {
    return fromOptions(ISSUER_REFERENCE, reference, (o) => new CustomerCaIssuer(o.name, undefined, o));
  }

  private constructor(
    public readonly name: string,
    private readonly spec: Record<string, unknown> | undefined,
    private readonly existingReference?: IssuerReference,
  ) {}

  /** The reference Certificates use. */
  public get reference(): IssuerReference {
    return this.existingReference ?? { kind: 'ClusterIssuer', name: this.name, group: 'cert-manager.io' };
  }

  /** The ClusterIssuer object, unless the issuer is managed elsewhere. */
  public objects(): KubernetesObject[] {
    if (!this.spec) return [];
    return [
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'ClusterIssuer',
        metadata: { name: this.name, labels: { 'app.kubernetes.io/managed-by': 'secure-aks' } },
        spec: this.spec,
      },
    ];
  }
}

/** The schema of a property that holds a {@link CustomerCaIssuer}. @internal */
export const CUSTOMER_CA_ISSUER_RESULT = lazySchema(() => factoryResult(CustomerCaIssuer, 'CustomerCaIssuer.fromCaSecret(), .acme(), .vault() or .existing()'));
