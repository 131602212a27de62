"""dualstack: plan dual-stack and IPv6-only address space once, synthesize it into Terraform.

Layout:
- ``constructs_lib.ipam``: the allocator (pure Python, no cdktf/jsii).
- ``constructs_lib.openstack`` / ``constructs_lib.aws``: cdktf constructs fed by the allocator.
- ``constructs_lib.kubernetes``: cluster ranges, upstream limits and renderings (pure Python).
- ``constructs_lib.cli``: the ``dualstack`` command.
"""
