"""The address guard: every address form that leads to a private, loopback or link-local one."""

from __future__ import annotations

import ipaddress

import pytest
from pmgenome.net.guard import AddressPolicy

POLICY = AddressPolicy()


@pytest.mark.parametrize(("address", "message"), [
    ("127.0.0.1", "not fetched: 127.0.0.1 is a loopback address"),
    ("0.0.0.0", "not fetched: 0.0.0.0 is an unspecified address"),  # Linux connects it to this machine
    ("::", "not fetched: :: is an unspecified address"),
    ("::ffff:127.0.0.1", "not fetched: ::ffff:127.0.0.1 is a loopback address"),
    ("fec0::1", "not fetched: fec0::1 is a site-local address"),
    ("feff:ffff::1", "not fetched: feff:ffff::1 is a site-local address"),
    # 6to4: 2002:AABB:CCDD:: tunnels to the IPv4 address AA.BB.CC.DD
    ("2002:7f00:1::", "not fetched: 2002:7f00:1:: is a loopback (inside 2002:7f00:1::) address"),
    ("2002:a9fe:a9fe::", "not fetched: 2002:a9fe:a9fe:: is a link-local (inside 2002:a9fe:a9fe::) address"),
    ("2002:c0a8:0101::1", "not fetched: 2002:c0a8:0101::1 is a private (inside 2002:c0a8:101::1) address"),
    # Teredo, whatever it wraps
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "not fetched: 2001:0:4136:e378:8000:63bf:3fff:fdd2 is a Teredo "
                                             "tunnel address"),
    ("2001:0:7f00:1::1", "not fetched: 2001:0:7f00:1::1 is a Teredo tunnel address"),
    # NAT64 translators and the old IPv4-compatible form
    ("64:ff9b::7f00:1", "not fetched: 64:ff9b::7f00:1 is a loopback (inside 64:ff9b::7f00:1) address"),
    ("64:ff9b::a9fe:a9fe", "not fetched: 64:ff9b::a9fe:a9fe is a link-local (inside 64:ff9b::a9fe:a9fe) address"),
    ("64:ff9b:1::a00:1", "not fetched: 64:ff9b:1::a00:1 is a private (inside 64:ff9b:1::a00:1) address"),
    ("::127.0.0.1", "not fetched: ::127.0.0.1 is a loopback (inside ::7f00:1) address"),
    ("::a9fe:a9fe", "not fetched: ::a9fe:a9fe is a link-local (inside ::a9fe:a9fe) address"),
    ("fc00::1", "not fetched: fc00::1 is a private address"),
    ("fe80::1%eth0", "not fetched: fe80::1%eth0 is a link-local address"),
])
def test_addresses_that_lead_inside_are_refused(address: str, message: str) -> None:
    refusal = POLICY.refusal(address, address)
    assert refusal is not None and str(refusal) == message


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1",
                                     "64:ff9b::808:808"])
def test_public_addresses_and_their_public_wrappings_pass(address: str) -> None:
    assert POLICY.refusal(address, address) is None


def test_allowed_networks_open_only_themselves() -> None:
    # Deliberate addresses, not hosts: two neighbouring loopback addresses, one allowed and one not,
    # are what shows that an allowed network opens only itself. Nothing connects to either.
    policy = AddressPolicy(False, (ipaddress.ip_network("127.0.0.5/32"),))
    assert policy.refusal("127.0.0.5", "127.0.0.5") is None
    assert policy.refusal("127.0.0.6", "127.0.0.6") is not None
