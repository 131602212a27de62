"""A super network as YAML, in metal-stack's shape (seed 000): ``metalctl network create -f``.

Read with ``NetworkFile.read`` (size, depth, alias and integer limits of ``constructs_lib.inputs``)
or validated with ``NetworkFile.parse``; every problem is one line naming the file and the field.
Ids, partitions and projects follow the key grammar (``keys.py``): they become parts of keys.
"""

from __future__ import annotations

import os
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from constructs_lib import inputs
from constructs_lib.errors import InputError, validation_lines

from .allocator import Ipam, Network
from .errors import InvalidKey
from .keys import check_id, check_name, check_segment
from .prefix import Prefix, family_version


def _field_check(check: Callable[[Any, str], Any], value: Any, field: str) -> None:
    """Run a ``keys.py`` check; pydantic names the field itself, so the message drops its own ``field: ``."""
    try:
        check(value, field)
    except InvalidKey as e:
        raise ValueError(str(e).removeprefix(f"{field}: ")) from None


class NetworkFile(BaseModel):
    """The seed's network YAML (``metalctl network create -f``)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    id: str = Field(min_length=1)
    """The network's id (the key grammar: letters, digits, '.', '_', '-', '/'-separated)."""
    name: str = ""
    """A name for people."""
    description: str = ""
    """What the network is for."""
    partitionid: str = ""
    """The partition (metal-stack's site) whose child networks it hands out (``ipam network allocate --partition``)."""
    projectid: str = ""
    """The project it belongs to."""
    prefixes: list[str] = Field(min_length=1)
    """Its prefixes, of one or both families (canonical CIDRs). A prefix may be added later; one holding allocations is never removed."""
    defaultchildprefixlength: dict[str, int] = Field(default_factory=dict)
    """Per family (``IPv4``, ``IPv6``), the length of a child network when none is asked for."""
    privatesuper: bool = False
    """A partition's private super network: where ``ipam network allocate`` takes child networks from."""
    labels: dict[str, str] = Field(default_factory=dict)
    """Free labels."""

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        _field_check(check_id, v, "id")
        return v

    @field_validator("partitionid", "projectid")
    @classmethod
    def _segment(cls, v: str, info: Any) -> str:
        if v:  # a child network's key is partition/project/name
            _field_check(check_segment, v, info.field_name)
        return v

    @field_validator("name", "description")
    @classmethod
    def _text(cls, v: str, info: Any) -> str:
        if v:
            _field_check(check_name, v, info.field_name)
        return v

    @field_validator("labels")
    @classmethod
    def _labels(cls, v: dict[str, str]) -> dict[str, str]:
        for k, text in v.items():
            _field_check(check_name, k, "label")
            if text:
                _field_check(check_name, text, f"label {k}")
        return v

    @field_validator("prefixes")
    @classmethod
    def _canonical(cls, v: list[str]) -> list[str]:
        for i, p in enumerate(v):
            Prefix.parse(p, f"prefixes[{i}]")
        return v

    @field_validator("defaultchildprefixlength")
    @classmethod
    def _families(cls, v: dict[str, int]) -> dict[str, int]:
        seen: dict[int, str] = {}
        for k in v:
            version = family_version(k, f"defaultchildprefixlength.{k}")
            if version in seen:
                raise ValueError(f"{seen[version]!r} and {k!r} are the same family; give it once")
            seen[version] = k
        return v

    # -- reading ---------------------------------------------------------------------------
    @classmethod
    def parse(cls, data: Any, where: str) -> "NetworkFile":
        """``data`` (a YAML document) as a network file; ``where`` names it in every message.

        Raises ``InputError`` with one line per problem."""
        if data is None:
            raise InputError(f"{where}: empty; it needs at least id and prefixes")
        if not isinstance(data, dict):
            raise InputError(f"{where}: must be a mapping with id, prefixes, ... (metal-stack's network), not a {type(data).__name__}")
        try:
            return cls.model_validate(data)
        except ValidationError as e:
            raise InputError(lines=[f"{where}: {line}" for line in validation_lines(e)]) from None

    @classmethod
    def read(cls, path: str | os.PathLike[str], what: str = "network file") -> "NetworkFile":
        """The network file at ``path``; ``what`` names it in messages (the CLI passes its flag)."""
        data = inputs.read_yaml(path, what, max_bytes=inputs.MAX_SMALL_FILE_BYTES)
        return cls.parse(data, f"{what} {os.fspath(path)}")

    # -- into the allocator ----------------------------------------------------------------------
    def declare_in(self, ipam: Ipam) -> Network:
        """This network as the acting owner declares it (``Ipam.declare_network``): created when absent,
        joined when the same, grown by new prefixes, shrunk by prefixes that hold nothing."""
        return ipam.declare_network(
            self.id, self.prefixes, default_child_prefix_length=self.defaultchildprefixlength,
            private_super=self.privatesuper, name=self.name, description=self.description,
            partition=self.partitionid, project=self.projectid, labels=self.labels,
        )

    create_in = declare_in  # the name ``metalctl network create`` suggests

    def matches(self, net: Network) -> bool:
        """Whether a network already in the lock is this one (prefixes cannot change under allocations)."""
        return sorted(p.text for p in net.prefixes) == sorted(self.prefixes)  # order carries no meaning here
