import { expect, test } from 'vitest';
import {
  NEWEST_AKS_ISTIO_REVISION,
  analyzeMesh,
  CERT_MANAGER_SCHEMA_VERSION,
  ISTIO_DEFAULT_RELEASE,
  ISTIO_SCHEMA_SOURCE,
  ISTIO_SCHEMA_VERSION,
  PINNED_VERSIONS,
  RegulatedPlatformModel,
} from '../../../lib';
import { CALICO_CRD_SCHEMAS } from '../../../lib/core/encryption/calico-crd-schemas.generated';
import { CERT_MANAGER_CRD_SCHEMAS } from '../../../lib/core/mesh/cert-manager-crd-schemas.generated';
import { PLATFORM } from '../../support/platform-fixtures';

/** A release as [major, minor, patch]. */
const release = (v: string) => v.split('.').map(Number);

test('each pin is the release whose CRD schemas ship with the library (Istio: a later patch of its minor), and the platform installs exactly it', () => {
  expect(PINNED_VERSIONS).toEqual({ istio: ISTIO_DEFAULT_RELEASE, certManager: CERT_MANAGER_SCHEMA_VERSION, aksIstioRevision: NEWEST_AKS_ISTIO_REVISION.revision });
  // Istio's default is a patch of the schemas' minor, never older than the schemas' release.
  const [major, minor, patch] = release(ISTIO_DEFAULT_RELEASE);
  const schema = release(ISTIO_SCHEMA_VERSION);
  expect([major, minor]).toEqual(schema.slice(0, 2));
  expect(patch).toBeGreaterThanOrEqual(schema[2]);
  // The add-on's default revision runs the Istio minor whose schemas ship, so its objects are checked against what it runs.
  expect(`1.${NEWEST_AKS_ISTIO_REVISION.istioMinor}`).toBe(ISTIO_SCHEMA_VERSION.split('.').slice(0, 2).join('.'));
  // The recorded source names the same release.
  expect(ISTIO_SCHEMA_SOURCE).toContain(`istio/istio ${ISTIO_SCHEMA_VERSION} `);
  expect(CERT_MANAGER_CRD_SCHEMAS.source).toContain(`cert-manager/cert-manager ${CERT_MANAGER_SCHEMA_VERSION} `);
  expect(CALICO_CRD_SCHEMAS.source).toContain(`projectcalico/calico ${CALICO_CRD_SCHEMAS.version} `);
  const releases = RegulatedPlatformModel.build(PLATFORM).prerequisites();
  const versionOf = (name: string) => releases.find((r) => r.name === name)!.version;
  expect(versionOf('istiod')).toBe(ISTIO_DEFAULT_RELEASE);
  expect(versionOf('istio-base')).toBe(ISTIO_DEFAULT_RELEASE);
  expect(versionOf('cert-manager')).toBe(CERT_MANAGER_SCHEMA_VERSION);
});

const errorsOf = (o: unknown) => analyzeMesh([o], { rootNamespace: 'istio-system' }).filter((f) => f.code === 'IST0106');

test('a user\'s own valid cert-manager Certificate and ClusterIssuer are accepted, fields the hand-typed schema lacked included', () => {
  const certificate = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'api', namespace: 'payments' },
    spec: {
      secretName: 'api-tls',
      dnsNames: ['api.payments.example'],
      issuerRef: { name: 'customer-ca', kind: 'ClusterIssuer', group: 'cert-manager.io' },
      privateKey: { algorithm: 'ECDSA', size: 384, rotationPolicy: 'Always', encoding: 'PKCS8' },
      secretTemplate: { labels: { team: 'payments' } },
      revisionHistoryLimit: 3,
      subject: { organizations: ['Example Bank'] },
    },
  };
  expect(errorsOf(certificate)).toEqual([]);
  const issuer = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: 'vault' },
    spec: { vault: { server: 'https://vault.example', path: 'pki/sign/mesh', auth: { kubernetes: { role: 'mesh', mountPath: '/v1/auth/kubernetes', serviceAccountRef: { name: 'cert-manager' } } } } },
  };
  expect(errorsOf(issuer)).toEqual([]);
});

test('an invalid one is rejected with the field named', () => {
  const certificate = {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'api', namespace: 'payments' },
    spec: { secretName: 'api-tls', dnsNames: ['api.payments.example'], issuerRef: { name: 'customer-ca' }, privateKey: { algoritm: 'ECDSA' } },
  };
  const messages = errorsOf(certificate).map((f) => f.message);
  expect(messages.some((m) => m.includes('/spec/privateKey') && m.includes('algoritm'))).toBe(true);
});
