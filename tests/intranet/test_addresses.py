"""`addresses.of`: the address of any pk from one `reverse`, the same as reverse's."""

import pytest
from django.urls import NoReverseMatch, reverse

from intranet import addresses


@pytest.mark.parametrize(
    "name",
    ["members:profile_detail", "chat:react", "chat:edit", "forums:post"],
)
def test_an_address_is_reverses_for_any_pk(name):
    address = addresses.of(name)
    for pk in (1, 10, 12345678901):
        assert address(pk) == reverse(name, args=[pk])


def test_a_route_without_a_pk_is_refused():
    with pytest.raises(NoReverseMatch):
        addresses.of("chat:index")
