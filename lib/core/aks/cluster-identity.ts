import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, text } from '../validation/input-boundary';

const EXISTING_IDENTITY = lazySchema(() => zod.strictObject({ resourceId: text(), principalId: text() }));

/**
 * The cluster's control plane identity. A user-assigned identity exists
 * before the cluster, so its roles on the subnets and an own DNS zone can be
 * granted before AKS needs them.
 * @see https://learn.microsoft.com/azure/aks/use-managed-identity
 * @example
 * ClusterIdentity.create(); // the default: a user-assigned identity created with the cluster
 * ClusterIdentity.fromUserAssigned(identityId, principalId);
 * @category Network and identity
 */
export class ClusterIdentity {
  /** The library creates a user-assigned identity. The default. */
  public static create(): ClusterIdentity {
    return new ClusterIdentity('created');
  }

  /**
   * An existing user-assigned identity.
   * @param resourceId resource id of the `Microsoft.ManagedIdentity/userAssignedIdentities`
   * @param principalId its service principal's object id, for role assignments
   */
  public static fromUserAssigned(resourceId: string, principalId: string): ClusterIdentity {
    return fromOptions(EXISTING_IDENTITY, { resourceId, principalId }, (o) => new ClusterIdentity('existing', o.resourceId ?? '', o.principalId ?? ''));
  }

  /**
   * A system-assigned identity. It cannot be granted roles before the cluster
   * exists, so it cannot be used with an own private DNS zone.
   */
  public static systemAssigned(): ClusterIdentity {
    return new ClusterIdentity('system');
  }

  private constructor(
    /** Which option this is. */
    public readonly kind: 'created' | 'existing' | 'system',
    /** For `existing`: the identity's resource id. */
    public readonly resourceId?: string,
    /** For `existing`: the identity's principal id. */
    public readonly principalId?: string,
  ) {}

  /** Whether this is a user-assigned identity. */
  public get isUserAssigned(): boolean {
    return this.kind !== 'system';
  }
}
