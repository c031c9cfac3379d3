/**
 * The part of cert-manager's `Certificate` (cert-manager.io/v1) this library
 * and typical users write, as a strict schema: field names, types and enums
 * from cert-manager's API reference. cert-manager's CRDs ship in no npm
 * package usable here, so the facts are transcribed; unknown fields are rejected.
 * @see https://cert-manager.io/docs/reference/api-docs/#cert-manager.io/v1.Certificate
 */
export const CERTIFICATE_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'cert-manager.io/v1' },
    kind: { const: 'Certificate' },
    metadata: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        namespace: { type: 'string' },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
        annotations: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    spec: {
      type: 'object',
      required: ['secretName', 'issuerRef'],
      additionalProperties: false,
      properties: {
        secretName: { type: 'string' },
        commonName: { type: 'string' },
        dnsNames: { type: 'array', items: { type: 'string' } },
        uris: { type: 'array', items: { type: 'string' } },
        ipAddresses: { type: 'array', items: { type: 'string' } },
        duration: { type: 'string' },
        renewBefore: { type: 'string' },
        isCA: { type: 'boolean' },
        usages: {
          type: 'array',
          items: {
            enum: [
              'signing', 'digital signature', 'content commitment', 'key encipherment', 'key agreement', 'data encipherment',
              'cert sign', 'crl sign', 'encipher only', 'decipher only', 'any', 'server auth', 'client auth', 'code signing',
              'email protection', 's/mime', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'timestamping', 'ocsp signing',
              'microsoft sgc', 'netscape sgc',
            ],
          },
        },
        privateKey: {
          type: 'object',
          additionalProperties: false,
          properties: {
            algorithm: { enum: ['RSA', 'ECDSA', 'Ed25519'] },
            size: { type: 'integer' },
            encoding: { enum: ['PKCS1', 'PKCS8'] },
            rotationPolicy: { enum: ['Never', 'Always'] },
          },
        },
        issuerRef: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string' }, kind: { type: 'string' }, group: { type: 'string' } },
        },
      },
    },
  },
} as const;

/**
 * The part of cert-manager's `ClusterIssuer` the library writes (CA, ACME,
 * Vault), strict, from cert-manager's API reference. ACME solvers are passed
 * through as given.
 * @see https://cert-manager.io/docs/reference/api-docs/#cert-manager.io/v1.ClusterIssuer
 */
export const CLUSTER_ISSUER_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'cert-manager.io/v1' },
    kind: { const: 'ClusterIssuer' },
    metadata: CERTIFICATE_SCHEMA.properties.metadata,
    spec: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: {
        ca: {
          type: 'object',
          required: ['secretName'],
          additionalProperties: false,
          properties: { secretName: { type: 'string' }, crlDistributionPoints: { type: 'array', items: { type: 'string' } } },
        },
        acme: {
          type: 'object',
          required: ['server', 'privateKeySecretRef'],
          additionalProperties: false,
          properties: {
            server: { type: 'string' },
            email: { type: 'string' },
            privateKeySecretRef: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' }, key: { type: 'string' } } },
            solvers: { type: 'array', items: { type: 'object' } },
          },
        },
        vault: {
          type: 'object',
          required: ['server', 'path', 'auth'],
          additionalProperties: false,
          properties: {
            server: { type: 'string' },
            path: { type: 'string' },
            caBundle: { type: 'string' },
            auth: {
              type: 'object',
              additionalProperties: false,
              properties: {
                kubernetes: {
                  type: 'object',
                  required: ['role'],
                  additionalProperties: false,
                  properties: {
                    role: { type: 'string' },
                    mountPath: { type: 'string' },
                    serviceAccountRef: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' } } },
                    secretRef: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string' }, key: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
