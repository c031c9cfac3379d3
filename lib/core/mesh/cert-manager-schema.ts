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
