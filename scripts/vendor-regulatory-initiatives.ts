/**
 * Vendors Microsoft's regulatory-compliance initiatives (Azure Policy policy
 * set definitions) into lib/core/compliance/regulatory-initiatives.generated.ts,
 * from a clone of https://github.com/Azure/azure-policy at a given commit.
 *
 * Each initiative assigns built-in policy definitions to the controls of a
 * framework (its policyDefinitionGroups). Only what the framework mappings need
 * is kept: the initiative's name, display name and version, its groups, and the
 * groups of each member that is one of the AKS built-ins the library vendors
 * (lib/core/policy/azure-policy-definitions.generated.ts).
 *
 *   npx tsx scripts/vendor-regulatory-initiatives.ts <azure-policy git directory> <commit>
 *
 * The initiatives are Microsoft's, under the MIT licence of Azure/azure-policy.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AZURE_POLICY_AKS_DEFINITIONS } from '../lib/core/policy/azure-policy-definitions.generated';

const FOLDER = 'built-in-policies/policySetDefinitions';

/** The initiatives vendored: our stable framework id, the file, and the prefix Microsoft puts before each control id in a group name. */
const INITIATIVES = [
  { framework: 'mcsb', file: 'Security Center/AzureSecurityCenter.json', groupPrefix: 'Azure_Security_Benchmark_v3.0_' },
  { framework: 'nist-sp-800-53-r5', file: 'Regulatory Compliance/NIST_SP_800-53_R5.json', groupPrefix: 'NIST_SP_800-53_R5_' },
  { framework: 'pci-dss-4.0.1', file: 'Regulatory Compliance/PCI_DSS_v4.0.1.json', groupPrefix: 'PCI_DSS_v4.0.1_' },
  { framework: 'iso-27001-2022', file: 'Regulatory Compliance/ISO_IEC_27001_2022.json', groupPrefix: 'ISO_IEC_27001_2022_' },
  { framework: 'dora', file: 'Regulatory Compliance/DORA_2022_2554.json', groupPrefix: 'DORA_2022_2554_' },
  { framework: 'nis2', file: 'Regulatory Compliance/EU_2555_(NIS2)_2022.json', groupPrefix: 'EU_2555_(NIS2)_2022_' },
  { framework: 'swift-cscf-2024', file: 'Regulatory Compliance/SWIFT_CSCF_2024.json', groupPrefix: 'SWIFT_CSCF_2024_' },
  { framework: 'cis-azure-3.0.0', file: 'Regulatory Compliance/CIS_Azure_Foundations_v3.0.0.json', groupPrefix: 'CIS_Azure_Foundations_v3.0.0_' },
] as const;

/** The id of a group's policy metadata, by convention: this prefix, then the group's name. */
const POLICY_METADATA = '/providers/Microsoft.PolicyInsights/policyMetadata/';

const byName = <T extends { readonly name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function git(gitDir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function vendor(gitDir: string, commit: string, spec: (typeof INITIATIVES)[number], builtIns: ReadonlySet<string>) {
  const file = `${FOLDER}/${spec.file}`;
  const d = JSON.parse(git(gitDir, 'show', `${commit}:${file}`).replace(/^\uFEFF/, ''));
  const p = d.properties;
  // A deprecated initiative no longer states Microsoft's mapping: choose its successor instead.
  if (p.metadata?.deprecated === true || /^\[Deprecated\]/.test(p.displayName)) throw new Error(`${file}: the initiative is deprecated`);
  const groups = ((p.policyDefinitionGroups ?? []) as Record<string, string | undefined>[])
    .map((g) => {
      if (!g.name!.startsWith(spec.groupPrefix)) throw new Error(`${file}: group ${g.name} does not start with ${spec.groupPrefix}`);
      return {
        name: g.name!,
        ...(g.category ? { category: g.category } : {}),
        ...(g.displayName ? { displayName: g.displayName } : {}),
        ...(g.description ? { description: g.description } : {}),
        // Every group of these initiatives names the policy metadata of its own name: kept only where one does not.
        ...(g.additionalMetadataId && g.additionalMetadataId !== `${POLICY_METADATA}${g.name}` ? { additionalMetadataId: g.additionalMetadataId } : {}),
      };
    })
    .sort(byName);
  const groupNames = new Set(groups.map((g) => g.name));
  // One definition can be a member twice (two reference ids): its groups are the union.
  const members = new Map<string, Set<string>>();
  for (const m of p.policyDefinitions as { policyDefinitionId: string; groupNames?: string[] }[]) {
    const name = m.policyDefinitionId.split('/').pop()!;
    if (!builtIns.has(name)) continue;
    const set = members.get(name) ?? new Set<string>();
    for (const g of m.groupNames ?? []) {
      if (!groupNames.has(g)) throw new Error(`${file}: member ${name} names group ${g}, which the initiative does not define`);
      set.add(g);
    }
    members.set(name, set);
  }
  return {
    framework: spec.framework,
    file,
    name: d.name as string,
    displayName: p.displayName as string,
    version: (p.version ?? p.metadata?.version) as string,
    groupPrefix: spec.groupPrefix,
    groups,
    members: [...members].map(([name, set]) => ({ policyDefinitionName: name, groupNames: [...set].sort() })).sort((a, b) => (a.policyDefinitionName < b.policyDefinitionName ? -1 : 1)),
  };
}

function main(gitDir: string, commit: string): void {
  if (!gitDir || !/^[0-9a-f]{40}$/.test(commit ?? '')) throw new Error('usage: vendor-regulatory-initiatives.ts <azure-policy git directory> <40-hex commit>');
  const date = git(gitDir, 'log', '-1', '--format=%cs', commit).trim();
  const builtIns = new Set(AZURE_POLICY_AKS_DEFINITIONS.map((d) => d.name));
  const initiatives = INITIATIVES.map((spec) => vendor(gitDir, commit, spec, builtIns));
  const out = path.resolve(__dirname, '../lib/core/compliance/regulatory-initiatives.generated.ts');
  const lines = [
    '// Generated by scripts/vendor-regulatory-initiatives.ts. Do not edit.',
    `// Source: https://github.com/Azure/azure-policy at commit ${commit} (${date}), ${FOLDER}/.`,
    '// Microsoft\'s regulatory-compliance initiatives: each assigns built-in policy definitions to the',
    '// controls (groups) of a framework. Kept: each initiative\'s groups, and the groups of its members',
    '// that are the AKS built-ins of lib/core/policy/azure-policy-definitions.generated.ts.',
    '// Copyright (c) Microsoft Corporation, MIT licence.',
    "import { RegulatoryInitiative } from './regulatory-initiative';",
    '',
    '/**',
    ' * The commit of Azure/azure-policy the initiatives were read at.',
    ' * @category Compliance',
    ' */',
    `export const REGULATORY_INITIATIVES_COMMIT = '${commit}';`,
    '',
    '/**',
    ` * ${initiatives.length} initiatives, as published (groups and members sorted by name).`,
    ' * @category Compliance',
    ' */',
    'export const REGULATORY_INITIATIVES: readonly RegulatoryInitiative[] = [',
    ...initiatives.flatMap((i) => [
      '  {',
      ...(['framework', 'file', 'name', 'displayName', 'version', 'groupPrefix'] as const).map((k) => `    ${k}: ${JSON.stringify(i[k])},`),
      '    groups: [',
      ...i.groups.map((g) => `      ${JSON.stringify(g)},`),
      '    ],',
      '    members: [',
      ...i.members.map((m) => `      ${JSON.stringify(m)},`),
      '    ],',
      '  },',
    ]),
    '];',
    '',
  ];
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, lines.join('\n'));
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)} (${initiatives.map((i) => `${i.framework}: ${i.groups.length} groups, ${i.members.length} AKS built-ins`).join('; ')})\n`);
}

main(process.argv[2], process.argv[3]);
