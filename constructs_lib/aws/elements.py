"""cdktf glue: the AWS provider and resources from our typed arguments, without the prebuilt
``cdktf_cdktf_provider_aws`` bindings (their import alone costs 14-21 s, hashicorp/terraform-cdk#3753).

Each element is a plain cdktf ``TerraformProvider`` / ``TerraformResource`` whose attributes come
from one Python callback at synth time, and whose logical id is set from a stable key. A fleet is
one resource with ``for_each``: the whole map crosses jsii once, whatever the fleet size.
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

from constructs_lib.engine import TerraformProvider, TerraformProviderGeneratorMetadata, TerraformResource
from constructs_lib.engine import Construct

from .provider_types import RESOURCE_TYPES, AwsProviderConfig
from .tftypes import Block, SchemaError

#: admits 5.100.0, the schema the typed layer was generated from and the tests plan against;
#: < 6.0 because v6 reshapes aws_instance networking
AWS_PROVIDER_VERSION = ">= 5.0, < 6.0"
AWS_PROVIDER_SOURCE = "hashicorp/aws"


class AwsProvider(TerraformProvider):
    """``provider "aws"`` plus its ``required_providers`` entry."""

    def __init__(self, scope: Construct, id: str, config: AwsProviderConfig, *, alias: str | None = None) -> None:
        super().__init__(
            scope,
            id,
            terraform_resource_type="aws",
            terraform_generator_metadata=TerraformProviderGeneratorMetadata(
                provider_name="aws", provider_version_constraint=AWS_PROVIDER_VERSION
            ),
            terraform_provider_source=AWS_PROVIDER_SOURCE,
        )
        attrs = config.to_terraform()
        if alias:
            attrs["alias"] = alias
        self._attrs = attrs

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return self._attrs

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return self._attrs  # provider arguments are plain values


class AwsResource(TerraformResource):
    """One ``resource`` block from a typed ``Block``; ``for_each`` keys give instance addresses.

    ``logical_id`` becomes the Terraform name as given (``aws_network_interface.node``).
    """

    def __init__(
        self,
        scope: Construct,
        logical_id: str,
        args: Block,
        *,
        for_each: Mapping[str, Any] | str | None = None,
        depends_on: Sequence[str] = (),
    ) -> None:
        if args.TF_TYPE not in RESOURCE_TYPES:
            raise SchemaError(f"{args.TF_TYPE or type(args).__name__}: not a resource type of the typed layer")
        # construct id: the address (unique per type); Terraform name: the logical id as given
        super().__init__(scope, f"{args.TF_TYPE}.{logical_id}", terraform_resource_type=args.TF_TYPE)
        self.override_logical_id(logical_id)
        self._attrs = args.to_terraform()
        self._hcl_attrs = args.to_terraform_hcl()  # for `cdktf synth --hcl` (cdktf's default is empty)
        # meta-arguments go in as raw overrides: cdktf merges its own (unset) for_each and
        # depends_on over whatever synthesizeAttributes returns
        if isinstance(for_each, str):  # another for_each resource: same keys, each.value = its instance
            self.add_override("for_each", for_each if for_each.startswith("${") else interp(for_each))
        elif for_each is not None:
            # sorted keys: byte-identical output whatever order the map was built in
            self.add_override("for_each", {k: for_each[k] for k in sorted(for_each)})
        if depends_on:
            self.add_override("depends_on", sorted(depends_on))
        self.tf_type = args.TF_TYPE
        self.logical_id = logical_id

    def _synthesize_attributes(self) -> Mapping[str, Any]:
        return self._attrs

    def _synthesize_hcl_attributes(self) -> Mapping[str, Any]:
        return self._hcl_attrs

    @property
    def address(self) -> str:
        return f"{self.tf_type}.{self.logical_id}"


def ref(tf_type: str, name: str, attr: str, key: str | None = None) -> str:
    """A reference expression (no ``${}``), checked against the schema's attribute names.

    ``key`` is an instance key: a literal (``"eu-central-1a"``) or an expression (``each.key``).
    """
    cls = RESOURCE_TYPES[tf_type]
    if attr not in cls.ATTRIBUTES:
        raise SchemaError(f"{tf_type}.{attr}: not an attribute of {tf_type} in the provider schema")
    index = ""
    if key is not None:
        index = f"[{key}]" if key.startswith(("each.", "var.", "local.")) else f"[{json.dumps(key)}]"
    return f"{tf_type}.{name}{index}.{attr}"


def interp(expr: str) -> str:
    return "${" + expr + "}"
