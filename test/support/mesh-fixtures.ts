import { CertificateSource, CrossClusterLink, CrossClusterLinkProps, CrossClusterServiceProps } from '../../lib';

export const MYSQL: CrossClusterServiceProps = {
  name: 'mysql',
  host: 'mysql.fqdn.example',
  clientPort: 3306,
  gatewayPort: 13306,
  backend: { host: 'mysql.default.svc.cluster.local', port: 3306 },
  clientNamespaces: ['default'],
  clientCredentialName: 'client-credential',
  serverCredentialName: 'mysql-credential',
};

export const POSTGRES: CrossClusterServiceProps = {
  name: 'postgres',
  host: 'postgres.fqdn.example',
  clientPort: 5432,
  gatewayPort: 15432,
  backend: { host: 'postgres.db.svc.cluster.local', port: 5432 },
  clientNamespaces: ['default', 'billing'],
};

export function mysqlLink(extra: Partial<CrossClusterLinkProps> = {}): CrossClusterLink {
  return CrossClusterLink.build({
    name: 'mysql',
    certificates: CertificateSource.certManager({ clientIssuer: { kind: 'ClusterIssuer', name: 'customer-ca' } }),
    services: [MYSQL],
    ...extra,
  });
}

/** A deep copy of the objects, for mutation in a test. */
export function copy<T>(objects: T): any {
  return JSON.parse(JSON.stringify(objects));
}

export const find = (objects: any[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);

/**
 * A user's own VirtualService with two mistakes istioctl analyze reports as
 * IST0101: a gateway that does not exist and a destination host no Service or
 * ServiceEntry declares.
 */
export const USER_VIRTUAL_SERVICE_WITH_MISSING_REFERENCES = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'reports', namespace: 'default' },
  spec: { hosts: ['reports.default.svc.cluster.local'], gateways: ['secure-aks-egress/missing'], http: [{ route: [{ destination: { host: 'reports' } }] }] },
};

/** A service of the "ledger" link named `name`, its ports derived from `port`, with the given backend. */
export const ledgerService = (name: string, port: number, backend: CrossClusterServiceProps['backend']): CrossClusterServiceProps => ({
  name,
  host: `${name}.ledger.internal.example`,
  clientPort: port,
  gatewayPort: 10000 + port,
  backend,
  clientNamespaces: ['payments'],
  clientCredentialName: `${name}-client`,
  serverCredentialName: `${name}-server`,
});
