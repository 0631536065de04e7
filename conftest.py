"""Shared fixtures. alice and bob are partners in one space, carol and dave
in another; eve belongs to none."""

from __future__ import annotations

import pytest
from django.test import Client

from troth.accounts.models import User
from troth.spaces.models import Membership, Space

PASSWORD = "correct horse battery"


def make_user(name: str, **extra) -> User:
    return User.objects.create_user(
        f"{name}@example.com", PASSWORD, display_name=name.capitalize(), **extra
    )


def make_space(*users) -> Space:
    space = Space.objects.create()
    for user in users:
        Membership.objects.create(space=space, user=user)
    return space


@pytest.fixture
def alice(db):
    return make_user("alice")


@pytest.fixture
def bob(db):
    return make_user("bob")


@pytest.fixture
def carol(db):
    return make_user("carol")


@pytest.fixture
def dave(db):
    return make_user("dave")


@pytest.fixture
def eve(db):
    return make_user("eve")


@pytest.fixture
def space(alice, bob):
    return make_space(alice, bob)


@pytest.fixture
def other_space(carol, dave):
    return make_space(carol, dave)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alice_client(alice):
    return client_for(alice)


@pytest.fixture
def bob_client(bob):
    return client_for(bob)


@pytest.fixture
def carol_client(carol):
    return client_for(carol)


@pytest.fixture
def eve_client(eve):
    return client_for(eve)
