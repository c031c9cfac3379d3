"""Runs Checkov itself on the cases of test/fixtures/checkov-verified-cases.json
and writes its verdict into each: the ground truth the replicas of
lib/core/aks/checkov-arm-checks.ts are tested against. Not run by the tests.

    python3 scripts/checkov-verdicts.py <checkov source checkout> test/fixtures/checkov-verified-cases.json [--stub-missing-modules]

The checkout is bridgecrewio/checkov at the commit scripts/vendor-checkov-fixtures.ts
pins. Each case becomes an ARM template of its own (its `template`, or its
`resource` alone in one) in a temporary folder, scanned by Checkov's ARM runner
with only the case's check. With --stub-missing-modules, modules Checkov imports
but that are not installed (its platform integration, other frameworks' parsers)
are replaced by empty stand-ins, for a machine where only the checkout is at
hand; the ARM runner, its graph (set CHECKOV_GRAPH_FRAMEWORK=NETWORKX) and the
checks run as they are.
"""
import json
import os
import sys
import tempfile

ABOUT = (
    "Cases written for this project, each run once through Checkov 3.3.13 (bridgecrewio/checkov at "
    "03d5fdad8d6154b1565799a7b1fb8070c158866f) as an ARM template of its own, with only the check named; "
    "'checkov' is the verdict Checkov gave ('unknown': it returned UNKNOWN, its check raised (checkovRaises) "
    "or it ran no check on the resource; 'not-scanned': its runner never handed the resource to a check), "
    "'reported' whether the failure reached its report."
)
SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"


def stub_missing_modules(checkout):
    import importlib.abc
    import importlib.machinery
    import inspect
    from unittest import mock

    # optional imports of third-party packages, which must stay absent rather than stubbed
    keep_absent = {"simplejson", "chardet", "brotli", "brotlicffi", "socks", "zstandard", "h2", "cchardet", "ujson"}

    class Stub(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, name, path, target=None):
            for finder in sys.meta_path:
                if finder is self:
                    continue
                try:
                    if finder.find_spec(name, path, target):
                        return None
                except Exception:
                    pass
            if name.split(".")[0] in keep_absent:
                return None
            caller = next((f.filename for f in inspect.stack()[1:] if "importlib" not in f.filename and not f.filename.startswith("<frozen")), "")
            if not caller.startswith(os.path.abspath(checkout)):
                return None
            return importlib.machinery.ModuleSpec(name, self, is_package=True)

        def create_module(self, spec):
            module = mock.MagicMock(name=spec.name)
            module.__path__ = []
            module.__spec__ = spec
            return module

        def exec_module(self, module):
            pass

    sys.meta_path.append(Stub())


def has_type(node, types):
    if isinstance(node, list):
        return any(has_type(x, types) for x in node)
    if isinstance(node, dict):
        return node.get("type") in types or any(has_type(v, types) for v in node.values())
    return False


def main(checkout, cases_file, stub):
    if stub:
        stub_missing_modules(checkout)
    sys.path.insert(0, os.path.abspath(checkout))
    from checkov.arm.registry import arm_resource_registry
    from checkov.arm.runner import Runner
    from checkov.runner_filter import RunnerFilter
    import checkov.arm.checks.resource  # noqa: F401  (registers the checks)

    checks = {check.id: check for _, check in arm_resource_registry.all_checks()}
    cases = json.load(open(cases_file))["cases"]
    out = []
    for case in cases:
        check = checks[case["check"]]
        results = []
        original = type(check).scan_entity_conf

        def recording(self, conf, entity_type, results=results, original=original):
            try:
                result = original(self, conf, entity_type)
            except Exception as e:
                results.append(("raises", type(e).__name__))
                raise
            results.append(("result", str(result).split(".")[-1]))
            return result

        check.scan_entity_conf = recording.__get__(check)
        with tempfile.TemporaryDirectory() as folder:
            template = case.get("template") or {"$schema": SCHEMA, "contentVersion": "1.0.0.0", "resources": [case["resource"]]}
            json.dump(template, open(os.path.join(folder, "template.json"), "w"), indent=1)
            report = Runner().run(root_folder=folder, runner_filter=RunnerFilter(checks=[check.id]))
        del check.scan_entity_conf

        entry = {"check": case["check"], "title": case["title"]}
        if not results:
            # no check ran: on a resource of the check's types, its runner skipped it; else it has none
            entry["checkov"] = "not-scanned" if has_type(template, set(check.supported_resources)) else "unknown"
        elif results[0][0] == "raises":
            entry["checkovRaises"] = results[0][1]
            entry["checkov"] = "unknown"
        else:
            entry["checkov"] = {"PASSED": "pass", "FAILED": "fail", "UNKNOWN": "unknown"}[results[0][1]]
            if entry["checkov"] == "fail":
                entry["reported"] = len(report.failed_checks) == 1
        entry.update({k: case[k] for k in ("template", "resource") if k in case})
        out.append(entry)
    with open(cases_file, "w") as f:
        json.dump({"about": ABOUT, "cases": out}, f, indent=1)
    print(f"{len(out)} cases")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(args[0], args[1], "--stub-missing-modules" in sys.argv)
