"""Which provider each typed layer writes, and the version range its stacks ask for.

A constraint is a range, so a user moves within it with ``terraform init -upgrade`` and widens it
by changing one constant (or ``Provider(..., version=...)``). Each range must admit the version
its layer was generated from (``SCHEMA_PROVIDER_VERSION``); a test checks that.
"""

from __future__ import annotations

#: admits 5.100.0, the schema aws_types.py was generated from and the tests plan against;
#: < 6.0 because v6 reshapes aws_instance networking
AWS_PROVIDER_VERSION = ">= 5.0, < 6.0"
AWS_PROVIDER_SOURCE = "hashicorp/aws"

#: 3.x: the assembly openstack_types.py was generated from describes 3.0.0
OPENSTACK_PROVIDER_VERSION = "~> 3.0"
OPENSTACK_PROVIDER_SOURCE = "terraform-provider-openstack/openstack"

#: provider name -> (source, default version constraint)
PROVIDERS = {
    "aws": (AWS_PROVIDER_SOURCE, AWS_PROVIDER_VERSION),
    "openstack": (OPENSTACK_PROVIDER_SOURCE, OPENSTACK_PROVIDER_VERSION),
}
