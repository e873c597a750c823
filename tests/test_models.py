import pytest
from django.db import IntegrityError, transaction

from archive.models import Article, Country, Organisation, Person, Statement, name_key

from .factories import make_article, make_person, make_statement

pytestmark = pytest.mark.django_db


def test_every_country_is_there_after_migrate_with_former_states():
    assert Country.objects.filter(historic=False).count() >= 249
    assert Country.objects.get(code="JP").name == "Japan"
    assert Country.objects.get(code="RU").name == "Russia"
    assert Country.objects.get(code="SU").historic
    assert {"SU", "DD", "YU", "CS"} <= set(Country.objects.filter(historic=True).values_list("code", flat=True))


def test_the_same_story_id_from_one_source_cannot_be_stored_twice():
    article = make_article(source_ref="r-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(source=article.source, source_ref="r-1")


def test_articles_without_a_source_id_do_not_collide():
    make_article(source_ref="")
    make_article(source_ref="")
    assert Article.objects.count() == 2


def test_a_statement_has_at_most_one_speaker():
    article = make_article()
    person = make_person()
    organisation = Organisation.objects.create(name="Foreign Ministry", country_id="CN", kind="government")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_statement(article, person, speaker_organisation=organisation)


def test_people_are_matched_by_folded_name():
    assert name_key("José  Sarney") == name_key("jose sarney")
    make_person("José Sarney")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="Jose Sarney")


def test_organisations_of_different_countries_are_different():
    Organisation.objects.create(name="Foreign Ministry", country_id="CN", kind="government")
    japan = Organisation.objects.create(name="Foreign Ministry", country_id="JP", kind="government")
    assert str(japan) == "Foreign Ministry (JP)"


def test_records_read_well_as_text():
    article = make_article(title="U.S. and Japan pledge to work together")
    statement = make_statement(article, None, speaker_label="he")
    assert str(article) == "U.S. and Japan pledge to work together"
    assert str(statement) == "he: We will work together"
    assert not statement.is_resolved
    assert Statement.objects.count() == 1
