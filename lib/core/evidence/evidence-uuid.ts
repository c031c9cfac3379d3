import { uuidV5 } from '../arm/arm-guid';

/**
 * The namespace of the evidence pack's UUIDs: a version 5 UUID of the
 * library's name under RFC 9562's URL namespace. Every UUID of an OSCAL file
 * is a version 5 UUID of a stable name under it (the deployment, the subject,
 * the rule), so the same input gives the same UUIDs, as OSCAL asks of UUIDs
 * "assigned per-subject".
 * @see https://www.rfc-editor.org/rfc/rfc9562#section-6.6
 * @see https://pages.nist.gov/OSCAL/resources/concepts/identifier-use/
 */
export const EVIDENCE_UUID_NAMESPACE = uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'urn:secure-aks:evidence');

/** The UUID of a stable name within the evidence. */
export function evidenceUuid(name: string): string {
  return uuidV5(EVIDENCE_UUID_NAMESPACE, name);
}
