"""The plan's ``starlingx:`` section: systems by name, each with its platform networks (seed 002).

```yaml
starlingx:
  lab-1:
    system_mode: duplex
    dns_servers: [fd00::53, 10.20.5.53]
    oam:
      primary: {subnet: fd00::/64, gateway_address: fd00::1, floating_address: fd00::3}
      secondary: {from: lab-v4, length: 24}
    management:
      primary: {from: lab-v6, length: 64}
    ...
```

Field syntax is checked here (canonical CIDRs and addresses, one range per pool, known network
names, unknown keys refused); what needs the subnets (addresses inside them, families, the
rules between networks) is checked by ``plan_starlingx``. Pure Python.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Callable, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..errors import DualstackError, validation_lines
from ..ipam.errors import InvalidPrefix
from ..ipam.keys import check_id
from ..ipam.prefix import Prefix
from .networks import KINDS

Family = Literal["ipv4", "ipv6"]
#: a system name keys its allocations and names its folder of files (as a site name does)
SYSTEM_NAME = re.compile(r"^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$")
NAME_RULE = "a system name is lower-case letters, digits and '-', at most 42 (it keys allocations and names the folder starlingx/<system>/)"
#: sysinv pool names go into shell commands: keep them to safe characters
POOL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")
#: bootstrap: "At least one DNS server is required and maximum 3 servers are allowed"
MAX_DNS = 3


class StarlingxError(DualstackError):
    """A ``starlingx:`` section that cannot be planned: one line per problem, each naming its path."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines=lines)


def _clean(check: Callable[[str, str], Any], value: str) -> Any:
    """Run a prefix/address parser; pydantic names the field, so its own ``field: `` goes."""
    try:
        return check(value, "@")
    except InvalidPrefix as e:
        raise ValueError(str(e).removeprefix("@: ")) from None


def _address(v: str) -> str:
    _clean(Prefix.parse_address, v)
    return v


#: a canonical IP address of either family
Address = Annotated[str, AfterValidator(_address)]


def parse_range(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """``start-end`` -> ((version, start), (version, end)); both canonical and of one family."""
    parts = text.split("-") if isinstance(text, str) else []
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not a range; write start-end, e.g. 10.20.5.1-10.20.5.254")
    start = _clean(Prefix.parse_address, parts[0])
    end = _clean(Prefix.parse_address, parts[1])
    if start[0] != end[0]:
        raise ValueError(f"{text!r} mixes IPv{start[0]} and IPv{end[0]}; a range holds one family")
    if start[1] > end[1]:
        raise ValueError(f"{text!r}: the start is after the end; swap them")
    return start, end


class PoolSpec(BaseModel):
    """One address pool: one family, its subnet (named, or taken from a super network), one range,
    the allocation order, and the role addresses sysinv keeps in the pool."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    name: Optional[str] = Field(None, description="the pool's name in sysinv; default as bootstrap names it: <network>-ipv4 or -ipv6 "
                                                  "(management-ipv6, oam-ipv4, cluster-host-subnet-ipv4), pxeboot for pxeboot")
    subnet: Optional[str] = Field(None, description="the subnet, named (fd01::/64): pinned in the allocator so nothing else overlaps it")
    from_: Optional[str] = Field(None, alias="from", description="a super network id of the plan to take the subnet from, "
                                                                 "under the key starlingx/<system>/<network>/<family>")
    length: Optional[int] = Field(None, description="with from: the subnet's prefix length (default: the super network's "
                                                    "defaultchildprefixlength)")
    family: Optional[Family] = Field(None, description="with from: the family to take from a dual-stack super network "
                                                       "(default: the super network's only family)")
    ranges: Optional[list[str]] = Field(None, description="the allocation range, start-end (one: the bootstrap overrides hold one "
                                                          "per pool); default as bootstrap derives it: the second address to the "
                                                          "next-to-last (IPv4) or the last (IPv6)")
    order: Literal["random", "sequential"] = Field("random", description="sysinv's allocation order within the range (its default: random)")
    floating_address: Optional[str] = Field(None, description="default: the range's lowest free address (the bootstrap's rule)")
    controller0_address: Optional[str] = Field(None, description="default: OAM the floating address + 1 (bootstrap); the others "
                                                                 "the range's next free address (sysinv, sequentially)")
    controller1_address: Optional[str] = Field(None, description="default: OAM the floating address + 2; the others the next free address")
    gateway_address: Optional[str] = Field(None, description="none unless given; may lie outside the range, inside the subnet")

    @field_validator("name")
    @classmethod
    def _name(cls, v: Optional[str]) -> Optional[str]:
        if v is not None and not POOL_NAME.match(v):
            raise ValueError(f"{v!r} is not a pool name; use letters, digits, '.', '_' and '-' (at most 63, starting with a letter or digit)")
        return v

    @field_validator("subnet")
    @classmethod
    def _subnet(cls, v: Optional[str]) -> Optional[str]:
        if v is not None:
            _clean(Prefix.parse, v)
        return v

    @field_validator("from_")
    @classmethod
    def _from(cls, v: Optional[str]) -> Optional[str]:
        if v is not None:
            try:
                check_id(v, "@")
            except InvalidPrefix as e:
                raise ValueError(str(e).removeprefix("@: ")) from None
        return v

    @field_validator("ranges")
    @classmethod
    def _ranges(cls, v: Optional[list[str]]) -> Optional[list[str]]:
        if v is None:
            return v
        if len(v) != 1:
            raise ValueError(f"{len(v)} ranges; a pool here holds one (the bootstrap overrides carry one per pool: "
                             "<network>_start_address and _end_address)")
        parse_range(v[0])
        return v

    @field_validator("floating_address", "controller0_address", "controller1_address", "gateway_address")
    @classmethod
    def _address(cls, v: Optional[str]) -> Optional[str]:
        if v is not None:
            _clean(Prefix.parse_address, v)
        return v

    @model_validator(mode="after")
    def _source(self) -> "PoolSpec":
        if (self.subnet is None) == (self.from_ is None):
            raise ValueError("give subnet: (a CIDR, pinned) or from: (a super network id), one of them")
        if self.subnet is not None:
            for key, value in (("length", self.length), ("family", self.family)):
                if value is not None:
                    raise ValueError(f"{key}: {value!r} goes with from:; a named subnet has its own")
        if self.length is not None and (isinstance(self.length, bool) or not 1 <= self.length <= 128):
            raise ValueError(f"length: {self.length!r} is not a prefix length")
        return self

    def role(self, field: str) -> Optional[str]:
        return getattr(self, field)


class NetworkSpec(BaseModel):
    """A platform network: its primary pool (linked at creation, its family never changes) and an
    optional secondary pool of the other family (added to go dual-stack, removed to go back)."""

    model_config = ConfigDict(extra="forbid")

    primary: PoolSpec = Field(description="the first pool; its family is the network's for good (changing it needs a reinstall)")
    secondary: Optional[PoolSpec] = Field(None, description="the other family's pool: add it for dual-stack, remove it for single-stack")
    dynamic: Optional[bool] = Field(None, description="management and cluster-host only: dynamic address allocation "
                                                      "(bootstrap <network>_dynamic_address_allocation; default true)")


def _network_field(name: str, required: bool) -> Any:
    kind = KINDS[name]
    what = f"the {name} network (sysinv {kind.sysinv}, bootstrap {kind.bootstrap}_*)"
    if required:
        return Field(alias=name, description=what)
    return Field(None, alias=name, description=what + "; left out: StarlingX's bootstrap default, which the plan does not hold")


class SystemSpec(BaseModel):
    """One StarlingX system: its mode, DNS servers and platform networks (the seed's names)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    system_mode: Literal["simplex", "duplex", "duplex-direct"] = Field(
        "simplex", description="bootstrap system_mode (StarlingX's default: simplex). On simplex (AIO-SX) OAM, management and "
                               "admin pools get a floating address only by default; on duplex the controllers' too")
    dns_servers: list[Address] = Field(default_factory=list, description="at most 3 nameservers, of one family or both; written "
                                                                     "primary family first (dns-modify, bootstrap dns_servers)")
    system_controller: Optional[str] = Field(None, description="for a subcloud: the system of this section that is its system "
                                                               "controller (they must share the primary family)")
    reinstall: bool = Field(False, description="this plan installs the system again from localhost.yml: what StarlingX sets only "
                                               "at install may differ from the committed plan (apply-changes.sh then lists it and "
                                               "runs nothing); set it back to false once reinstalled")
    pxeboot: Optional[NetworkSpec] = _network_field("pxeboot", False)
    management: NetworkSpec = _network_field("management", True)
    oam: NetworkSpec = _network_field("oam", True)
    cluster_host: Optional[NetworkSpec] = _network_field("cluster-host", False)
    cluster_pod: Optional[NetworkSpec] = _network_field("cluster-pod", False)
    cluster_service: Optional[NetworkSpec] = _network_field("cluster-service", False)
    admin: Optional[NetworkSpec] = _network_field("admin", False)
    multicast: Optional[NetworkSpec] = _network_field("multicast", False)

    @field_validator("dns_servers")
    @classmethod
    def _dns(cls, v: list[str]) -> list[str]:
        if len(v) > MAX_DNS:
            raise ValueError(f"{len(v)} servers; StarlingX takes at most {MAX_DNS}")
        for i, text in enumerate(v):
            if text in v[:i]:
                raise ValueError(f"{text!r} is given twice")
        return v

    def networks(self) -> dict[str, NetworkSpec]:
        """The networks given, by the seed's name, in the bootstrap's order."""
        out = {}
        for name in KINDS:
            spec = getattr(self, name.replace("-", "_"))
            if spec is not None:
                out[name] = spec
        return out


class StarlingxSection(RootModel[dict[str, SystemSpec]]):
    """The plan's ``starlingx:`` section: StarlingX systems by name."""

    root: dict[str, SystemSpec] = Field(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _names(cls, data: Any, handler: Any) -> Any:
        """Bad system names reported at their own path, beside every problem of the systems themselves;
        an empty ``starlingx:`` (YAML null) is no systems."""
        if data is None:
            data = {}
        bad = [InitErrorDetails(type=PydanticCustomError("value_error", NAME_RULE), loc=(name,), input=name)
               for name in (data if isinstance(data, dict) else {}) if not (isinstance(name, str) and SYSTEM_NAME.match(name))]
        try:
            section = handler(data)
        except ValidationError as e:
            if not bad:
                raise
            others = [InitErrorDetails(type=x["type"], loc=x["loc"], input=x["input"], ctx=x.get("ctx", {}))
                      for x in e.errors(include_url=False)]
            raise ValidationError.from_exception_data(cls.__name__, bad + others) from None
        if bad:
            raise ValidationError.from_exception_data(cls.__name__, bad)
        return section

    @property
    def systems(self) -> dict[str, SystemSpec]:
        return self.root


def parse_section(data: Any, prefix: str = "starlingx") -> StarlingxSection:
    """The section from plan data (``None`` is an empty one). Raises ``StarlingxError``, a line per problem."""
    if isinstance(data, StarlingxSection):
        return data
    if data is None:
        return StarlingxSection({})
    if not isinstance(data, dict):
        raise StarlingxError([f"{prefix}: must be a mapping of system names to systems, not {type(data).__name__}"])
    try:
        return StarlingxSection.model_validate(data)
    except ValidationError as e:
        raise StarlingxError(validation_lines(e, f"{prefix}.")) from None
