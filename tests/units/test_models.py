import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import make_role, make_unit, make_user
from units.models import Unit, UnitRole

pytestmark = pytest.mark.django_db


def test_unit_slug_folds_d_with_stroke():
    assert make_unit(name="Phòng Đầu tư").slug == "phong-dau-tu"


def test_tree_is_built_in_order_with_depths(django_assert_num_queries):
    dept = make_unit(name="Sở", kind=Unit.Kind.DEPARTMENT)
    b = make_unit(name="B", parent=dept, position=2)
    a = make_unit(name="A", parent=dept, position=1)
    a1 = make_unit(name="A1", parent=a)
    with django_assert_num_queries(1):
        roots = Unit.objects.all().tree()
    flat = [(n.unit, n.depth) for n in roots[0].flatten()]
    assert flat == [(dept, 0), (a, 1), (a1, 2), (b, 1)]


def test_a_unit_cannot_be_moved_under_its_own_descendant():
    top = make_unit()
    child = make_unit(parent=top)
    top.parent = child
    with pytest.raises(ValidationError, match="trực thuộc chính nó"):
        top.full_clean()


def test_a_unit_cannot_be_its_own_parent_in_the_database():
    unit = make_unit()
    unit.parent_id = unit.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        unit.save()


def test_a_user_holds_one_role_per_unit_but_may_lead_several_units():
    user = make_user()
    a, b = make_unit(), make_unit()
    make_role(user=user, unit=a)
    make_role(user=user, unit=b, role=UnitRole.Role.DEPUTY)
    assert set(Unit.objects.led_by(user)) == {a, b}
    with pytest.raises(IntegrityError), transaction.atomic():
        make_role(user=user, unit=a, role=UnitRole.Role.DEPUTY)


def test_anonymous_users_lead_nothing():
    from django.contrib.auth.models import AnonymousUser

    make_role()
    assert not Unit.objects.led_by(AnonymousUser()).exists()


def test_the_search_key_follows_the_names_even_when_only_they_are_saved():
    unit = make_unit(name="Phòng Đầu tư", short_name="PĐT")
    assert Unit.objects.search("dau tu").get() == unit
    unit.name_vi = "Phòng Kinh tế"
    unit.save(update_fields=["name_vi"])  # as the unit import saves a changed name
    assert Unit.objects.search("kinh te").get() == unit
    assert not Unit.objects.search("dau tu").exists()
    assert Unit.objects.search("pdt").get() == unit
