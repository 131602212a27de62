"""A super network as YAML, in metal-stack's shape (seed 000): ``metalctl network create -f``."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .allocator import Ipam, Network
from .prefix import Prefix, family_version


class NetworkFile(BaseModel):
    """The seed's network YAML (``metalctl network create -f``)."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    name: str = ""
    description: str = ""
    partitionid: str = ""
    projectid: str = ""
    prefixes: list[str] = Field(min_length=1)
    defaultchildprefixlength: dict[str, int] = Field(default_factory=dict)
    privatesuper: bool = False
    labels: dict[str, str] = Field(default_factory=dict)

    @field_validator("prefixes")
    @classmethod
    def _canonical(cls, v: list[str]) -> list[str]:
        for i, p in enumerate(v):
            Prefix.parse(p, f"prefixes[{i}]")
        return v

    @field_validator("defaultchildprefixlength")
    @classmethod
    def _families(cls, v: dict[str, int]) -> dict[str, int]:
        for k in v:
            family_version(k, f"defaultchildprefixlength.{k}")
        return v

    def create_in(self, ipam: Ipam) -> Network:
        return ipam.create_network(
            self.id, self.prefixes, default_child_prefix_length=self.defaultchildprefixlength,
            private_super=self.privatesuper, name=self.name, description=self.description,
            partition=self.partitionid, project=self.projectid, labels=self.labels,
        )

    def declare_in(self, ipam: Ipam) -> Network:
        """This network as the acting owner's plan declares it (``Ipam.declare_network``: create, join, grow)."""
        return ipam.declare_network(
            self.id, self.prefixes, default_child_prefix_length=self.defaultchildprefixlength,
            private_super=self.privatesuper, name=self.name, description=self.description,
            partition=self.partitionid, project=self.projectid, labels=self.labels,
        )

    def matches(self, net: Network) -> bool:
        """Whether a network already in the lock is this one (prefixes cannot change under allocations)."""
        return sorted(p.text for p in net.prefixes) == sorted(self.prefixes)  # order carries no meaning here
