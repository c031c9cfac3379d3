/**
 * The version of each compiled Azure Policy definition (and of the
 * initiative), with the digest of what that version covers. A test fails
 * when a definition changes without a new version here: raise the minor for
 * a change of what it flags, the major for a change of its parameters, the
 * patch for its wording, as Microsoft versions its built-ins.
 * @see https://github.com/Azure/azure-policy/blob/master/built-in-policies/README.md
 */
export const RULE_POLICY_VERSIONS: Readonly<Record<string, { readonly version: string; readonly digest: string }>> = {
  'SAKS-DNS-006': { version: '1.0.0', digest: '816e198889bd0ea3' },
  'SAKS-BASE-016': { version: '1.0.0', digest: '8f5848084400a1cf' },
  'SAKS-BASE-017': { version: '1.0.0', digest: 'e7edd01672a58da3' },
  'SAKS-NET-011': { version: '1.1.0', digest: 'ee38d8d4429ad3ff' },
  'SAKS-KMS-003': { version: '1.0.0', digest: 'e3a988fdb6f48588' },
  'SAKS-ENC-004': { version: '1.0.0', digest: '9663c524200141bd' },
  'SAKS-ENC-001': { version: '1.0.0', digest: '35ebd36de0b4d4f5' },
  'SAKS-ENC-003': { version: '1.0.0', digest: '3fa60e605f1fc8b1' },
  'SAKS-MESH-023': { version: '1.0.0', digest: '39714fe0da29cff2' },
  'SAKS-BASE-001': { version: '1.0.0', digest: '1f7e4a7a5a7683fa' },
  'SAKS-BASE-002': { version: '1.0.0', digest: '9d2ca316a9dfdd4e' },
  'SAKS-BASE-004': { version: '1.0.0', digest: '0bd393de0089cf99' },
  'SAKS-BASE-005': { version: '1.1.0', digest: '19619763026dcc14' },
  'SAKS-BASE-007': { version: '1.0.0', digest: '78829c76918719a4' },
  'SAKS-BASE-009': { version: '1.1.0', digest: '190a9ade3e7ac94c' },
  'SAKS-BASE-010': { version: '1.0.0', digest: '7d3d43ff2fcea17a' },
  'SAKS-BASE-015': { version: '1.0.0', digest: '9b32f2440b02e3ea' },
  'SAKS-BASE-013': { version: '1.0.0', digest: 'c7efa3c64d9c49b0' },
  'SAKS-BASE-014': { version: '1.0.0', digest: '538362b5fb91b10e' },
  'SAKS-API-007': { version: '1.0.0', digest: '7a63f1daf0b4f0a5' },
  'SAKS-BASE-018': { version: '1.0.0', digest: 'c91894b495383696' },
  'SAKS-BASE-019': { version: '1.0.0', digest: '51fc4bfc604656e0' },
  'SAKS-BASE-022': { version: '1.0.0', digest: '2ad924db128ce1ab' },
  'SAKS-BASE-023': { version: '1.0.0', digest: '2d3529a0a12204e9' },
  'SAKS-VNI-001': { version: '1.0.0', digest: '44aaefae1dd65f7a' },
  initiative: { version: '2.2.0', digest: 'e1549ce3b6fdab82' },
};
