/**
 * How long before the end of support a version is reported as ending (a
 * warning), before it is ended (an error). 90 days: a quarter, long enough to
 * plan and test an upgrade, and the notice Azure itself gives at the least
 * before it retires a preview API version.
 * @see https://learn.microsoft.com/azure/developer/intro/azure-service-sdk-tool-versioning#preview-versions
 * @category Support windows
 */
export const SUPPORT_WARNING_DAYS = 90;
