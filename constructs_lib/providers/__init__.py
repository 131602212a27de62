"""One provider layer for both clouds.

- ``block``: the ``Block`` base of every typed argument class (pure Python);
- ``aws_types`` / ``openstack_types``: generated typed layers (``generate``), only the types we use;
- ``schema_jsii``: a prebuilt cdktf package's jsii assembly in ``terraform providers schema -json``'s shape;
- ``elements``: the cdktf glue (``Provider``, ``Resource``, ``DataSource``, ``Dynamic``, ``ref``);
- ``versions``: each provider's source and version range.

Everything but ``elements`` imports without cdktf.
"""
