import { zod, lazySchema } from '../validation/lazy-zod';
import { fromOptions, text } from '../validation/input-boundary';

const CREATED_WORKSPACE = lazySchema(() => zod.strictObject({ retentionInDays: zod.number().optional() }));
const EXISTING_WORKSPACE = lazySchema(() => zod.strictObject({ workspaceId: text() }));

/**
 * Where the cluster's security and container logs go: the Log Analytics
 * workspace that Microsoft Defender for Containers and Container Insights use.
 * @see https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable
 * @example
 * ClusterMonitoring.createWorkspace({ retentionInDays: 365 });
 * ClusterMonitoring.fromWorkspaceId(centralWorkspaceId);
 * @category Clusters
 */
export class ClusterMonitoring {
  /**
   * The library creates a workspace (`<name>-logs`, PerGB2018). The default.
   * @param options.retentionInDays log retention
   */
  public static createWorkspace(options: { readonly retentionInDays?: number } = {}): ClusterMonitoring {
    return fromOptions(CREATED_WORKSPACE, options, (o) => new ClusterMonitoring('created', undefined, o.retentionInDays ?? 90));
  }

  /** An existing workspace, by resource id (a central security workspace). */
  public static fromWorkspaceId(workspaceId: string): ClusterMonitoring {
    return fromOptions(EXISTING_WORKSPACE, { workspaceId }, (o) => new ClusterMonitoring('existing', o.workspaceId ?? '', undefined));
  }

  /** No Defender and no Container Insights: an explicit opt-out, reported as a warning. */
  public static none(): ClusterMonitoring {
    return new ClusterMonitoring('none', undefined, undefined);
  }

  private constructor(
    public readonly kind: 'created' | 'existing' | 'none',
    public readonly workspaceId: string | undefined,
    public readonly retentionInDays: number | undefined,
  ) {}
}
