"""Run the real Terraform CLI against provider binaries in a local filesystem mirror.

The machine carries provider plugins in an unpacked mirror (default ``/opt/tf-plugins``, or
``$TF_PLUGIN_MIRROR``) and has no route to the registry, so every run here gets a CLI config with
a ``filesystem_mirror`` ``provider_installation`` for the providers found there, and
``direct`` for nothing else. Any test module may use it::

    from tests.tfmirror import Terraform, requires, planned_resources

    pytestmark = requires("hashicorp/aws")   # skips, with the reason, only without terraform or the mirror
    tf = Terraform(workdir)                  # a directory holding cdk.tf.json (or *.tf)
    tf.init(); tf.validate(); plan = tf.plan_json(vars={"ami_id": "ami-0123456789abcdef0"})
    planned_resources(plan)["aws_vpc.main"]["values"]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MIRROR = "/opt/tf-plugins"
REGISTRY = "registry.terraform.io"


def mirror_dir() -> Path:
    return Path(os.environ.get("TF_PLUGIN_MIRROR", DEFAULT_MIRROR))


def terraform_bin() -> str | None:
    return shutil.which("terraform")


def mirrored_versions(provider: str) -> list[str]:
    """Versions of ``namespace/type`` present in the mirror (unpacked layout)."""
    base = mirror_dir() / REGISTRY / provider
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and any(p.iterdir()))


def missing_reason(provider: str = "hashicorp/aws") -> str | None:
    """Why Terraform tests cannot run here, or None when they can."""
    if terraform_bin() is None:
        return "terraform CLI not found on PATH; install Terraform >= 1.5 to run the plan tests"
    if not mirrored_versions(provider):
        return f"provider {provider} not found in the plugin mirror {mirror_dir()}/{REGISTRY}/{provider}"
    return None


def requires(provider: str = "hashicorp/aws"):
    """A pytest mark that skips, saying why, only when terraform or the provider is missing."""
    import pytest

    reason = missing_reason(provider)
    return pytest.mark.skipif(reason is not None, reason=f"Terraform tests skipped: {reason}")


def write_cli_config(path: Path, providers: list[str] | None = None) -> Path:
    """A CLI config that installs ``providers`` (default: all in the mirror) from the mirror only."""
    root = mirror_dir() / REGISTRY
    if providers is None:
        providers = sorted(
            f"{ns.name}/{t.name}" for ns in root.iterdir() if ns.is_dir() for t in ns.iterdir() if t.is_dir()
        ) if root.is_dir() else []
    include = ", ".join(json.dumps(f"{REGISTRY}/{p}") for p in providers)
    path.write_text(
        "provider_installation {\n"
        "  filesystem_mirror {\n"
        f"    path    = {json.dumps(str(mirror_dir()))}\n"
        f"    include = [{include}]\n"
        "  }\n"
        "  direct {\n"
        f"    exclude = [{include}]\n"
        "  }\n"
        "}\n"
    )
    return path


class TerraformError(RuntimeError):
    pass


@dataclass
class Terraform:
    """Terraform commands in one working directory, with the mirror config in the environment."""

    workdir: Path
    timeout: int = 600
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir)
        cfg = write_cli_config(self.workdir / ".terraformrc.mirror")
        self._env = {
            **os.environ,
            "TF_CLI_CONFIG_FILE": str(cfg),
            "CHECKPOINT_DISABLE": "1",
            "TF_IN_AUTOMATION": "1",
            "TF_INPUT": "0",
            **self.env,
        }

    def run(self, *args: str) -> subprocess.CompletedProcess:
        bin_ = terraform_bin()
        if bin_ is None:
            raise TerraformError("terraform CLI not found on PATH")
        proc = subprocess.run(
            [bin_, *args], cwd=self.workdir, env=self._env, capture_output=True, text=True, timeout=self.timeout
        )
        if proc.returncode != 0:
            raise TerraformError(
                f"terraform {' '.join(args)} failed (exit {proc.returncode}) in {self.workdir}:\n{proc.stdout}\n{proc.stderr}"
            )
        return proc

    def init(self) -> None:
        self.run("init", "-input=false", "-no-color")

    def validate(self) -> dict:
        out = json.loads(self.run("validate", "-json", "-no-color").stdout)
        if not out.get("valid"):
            raise TerraformError(f"terraform validate: {json.dumps(out['diagnostics'], indent=1)}")
        return out

    def plan_json(self, vars: dict[str, str] | None = None, planfile: str = "tfplan") -> dict:
        """``plan -refresh=false -out`` then ``show -json``: the plan as Terraform reports it."""
        args = ["plan", "-refresh=false", "-input=false", "-no-color", "-lock=false", f"-out={planfile}"]
        for k, v in sorted((vars or {}).items()):
            args.append(f"-var={k}={v}")
        self.run(*args)
        return json.loads(self.run("show", "-json", "-no-color", planfile).stdout)

    def providers_schema(self) -> dict:
        return json.loads(self.run("providers", "schema", "-json").stdout)


def planned_resources(plan: dict) -> dict[str, dict]:
    """``address -> planned values`` for every resource in the root module."""
    return {r["address"]: r for r in plan.get("planned_values", {}).get("root_module", {}).get("resources", [])}


def resource_changes(plan: dict) -> dict[str, dict]:
    return {rc["address"]: rc for rc in plan.get("resource_changes", [])}
