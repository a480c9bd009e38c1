"""Who belongs where with which role (tuntas.directory.access): the base every app's access rules start from."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory, member
from tuntas.directory.access import WORKING_ROLES, memberships_of, organisation_ids_of, roles_in
from tuntas.directory.models import Membership, Role, User


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def test_only_active_memberships_in_active_organisations_count(directory):
    user = member(UserFactory(username="dua.unit"), directory.pupr, "petugas")
    member(user, directory.disdik, "petugas")
    member(user, directory.desa, "petugas")
    Membership.objects.filter(user=user, organisation=directory.disdik).update(is_active=False)
    directory.desa.is_active = False
    directory.desa.save(update_fields=["is_active"])
    assert set(memberships_of(user).values_list("organisation_id", flat=True)) == {directory.pupr.pk}
    assert organisation_ids_of(fresh(user)) == {directory.pupr.pk}


def test_organisation_ids_are_cached_on_the_user_object(directory, django_assert_num_queries):
    user = fresh(directory.petugas_pupr)
    with django_assert_num_queries(1):
        assert organisation_ids_of(user) == {directory.pupr.pk}
        assert organisation_ids_of(user) == {directory.pupr.pk}
    member(user, directory.disdik, "petugas")
    assert organisation_ids_of(fresh(user)) == {directory.pupr.pk, directory.disdik.pk}


def test_roles_in_one_organisation(directory):
    assert roles_in(directory.asisten, directory.ombudsman.pk) == {Role.PETUGAS, Role.PIMPINAN}
    assert roles_in(directory.asisten, directory.pupr.pk) == set()


def test_a_superuser_acts_as_admin_everywhere_but_belongs_nowhere(directory):
    root = UserFactory(username="root", is_superuser=True)
    assert roles_in(root, directory.pupr.pk) == {Role.ADMIN}
    assert organisation_ids_of(root) == set()


def test_an_anonymous_user_has_no_memberships_and_no_roles(directory):
    anonymous = AnonymousUser()
    assert not memberships_of(anonymous).exists()
    assert organisation_ids_of(anonymous) == set()
    assert roles_in(anonymous, directory.pupr.pk) == set()


def test_a_viewer_is_not_a_working_role(directory):
    assert Role.VIEWER not in WORKING_ROLES
    assert not roles_in(directory.viewer, directory.coordinator.pk) & WORKING_ROLES
    assert roles_in(directory.koordinator, directory.coordinator.pk) & WORKING_ROLES
