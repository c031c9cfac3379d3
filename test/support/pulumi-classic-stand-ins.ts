import * as pulumi from '@pulumi/pulumi';

/**
 * Minimal stand-ins for `@pulumi/azuread`, `@pulumi/tls` and `@pulumi/docker`,
 * which the public classic-provider AKS programs import and this project does not
 * install: each registers its package's own type token with the inputs it is
 * given, and declares the outputs the program reads (filled by the mocks).
 * The Azure resources of the program are the real `@pulumi/azure` classes.
 */
class StandIn extends pulumi.CustomResource {
  constructor(token: string, name: string, args: Record<string, unknown>, outputs: readonly string[], opts?: pulumi.CustomResourceOptions) {
    super(token, name, { ...args, ...Object.fromEntries(outputs.map((o) => [o, undefined])) }, opts);
  }
}

export class Application extends StandIn {
  declare public readonly clientId: pulumi.Output<string>;
  declare public readonly applicationId: pulumi.Output<string>;
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super('azuread:index/application:Application', name, args, ['clientId', 'applicationId'], opts);
  }
}

export class ServicePrincipal extends StandIn {
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super('azuread:index/servicePrincipal:ServicePrincipal', name, args, [], opts);
  }
}

export class ServicePrincipalPassword extends StandIn {
  declare public readonly value: pulumi.Output<string>;
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super('azuread:index/servicePrincipalPassword:ServicePrincipalPassword', name, args, ['value'], opts);
  }
}

export class PrivateKey extends StandIn {
  declare public readonly publicKeyOpenssh: pulumi.Output<string>;
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super('tls:index/privateKey:PrivateKey', name, args, ['publicKeyOpenssh'], opts);
  }
}

export class Image extends StandIn {
  declare public readonly imageName: pulumi.Output<string>;
  constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
    super('docker:index/image:Image', name, args, [], opts);
  }
}

/** What Azure AD and TLS return for the stand-ins, as the mocks' state. */
export const STAND_IN_STATE: Readonly<Record<string, Record<string, string>>> = {
  'azuread:index/application:Application': { clientId: '00000000-0000-0000-0000-0000000000aa', applicationId: '00000000-0000-0000-0000-0000000000aa' },
  'azuread:index/servicePrincipalPassword:ServicePrincipalPassword': { value: 'generated-password' },
  'tls:index/privateKey:PrivateKey': { publicKeyOpenssh: 'ssh-rsa AAAAB3NzaC1yc2E stand-in' },
};
