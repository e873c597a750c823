"""The roles articles give each person, with the first and last date one did (PersonRole): the
person page's timeline, and a statement's role when its own article names none.

New articles add to the timelines (`add_roles`, one upsert per batch); re-extraction, updates and
merges recompute the people concerned from their links (`recompute_roles`). Rows an editor
corrected are never changed or added to.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import connection

from archive.models import ArticlePerson, Organisation, Person, PersonRole, Statement

UPSERT = """
INSERT INTO archive_personrole (person_id, role, first_seen, last_seen, articles, corrected)
VALUES {values}
ON CONFLICT (person_id, role) DO UPDATE SET
    first_seen = CASE WHEN archive_personrole.first_seen IS NULL THEN excluded.first_seen
                      WHEN excluded.first_seen IS NULL THEN archive_personrole.first_seen
                      WHEN excluded.first_seen < archive_personrole.first_seen THEN excluded.first_seen
                      ELSE archive_personrole.first_seen END,
    last_seen = CASE WHEN archive_personrole.last_seen IS NULL THEN excluded.last_seen
                     WHEN excluded.last_seen IS NULL THEN archive_personrole.last_seen
                     WHEN excluded.last_seen > archive_personrole.last_seen THEN excluded.last_seen
                     ELSE archive_personrole.last_seen END,
    articles = archive_personrole.articles + excluded.articles
WHERE NOT archive_personrole.corrected
"""


def timelines(links) -> dict[tuple[int, str], list]:
    """(person, role) -> [first date, last date, articles] from (person, role, date) rows."""
    found: dict[tuple[int, str], list] = {}
    for person, role, date in links:
        role = " ".join(role.split())[:200]
        if not role:
            continue
        row = found.setdefault((person, role), [date, date, 0])
        if date is not None:
            row[0] = date if row[0] is None else min(row[0], date)
            row[1] = date if row[1] is None else max(row[1], date)
        row[2] += 1
    return found


def add_roles(links) -> None:
    """Add (person id, role, article date) rows of new links to the timelines."""
    found = timelines(links)
    if not found:
        return
    values, params = [], []
    for (person, role), (first, last, articles) in found.items():
        values.append("(%s, %s, %s, %s, %s, %s)")
        params += [person, role, first, last, articles, False]
    with connection.cursor() as cursor:
        cursor.execute(UPSERT.format(values=", ".join(values)), params)
    update_main_roles({person for person, _ in found})


def recompute_roles(person_ids) -> None:
    """Rebuild the timelines of these people from all their links, leaving editors' rows."""
    person_ids = list(set(person_ids))
    if not person_ids:
        return
    links = ArticlePerson.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "role", "article__published_on"
    )
    kept = set(PersonRole.objects.filter(person_id__in=person_ids, corrected=True).values_list("person_id", "role"))
    PersonRole.objects.filter(person_id__in=person_ids, corrected=False).delete()
    PersonRole.objects.bulk_create(
        [
            PersonRole(person_id=person, role=role, first_seen=first, last_seen=last, articles=articles)
            for (person, role), (first, last, articles) in timelines(links).items()
            if (person, role) not in kept
        ],
        batch_size=500,
    )
    update_main_roles(person_ids)


def update_main_roles(person_ids) -> None:
    """Each person's own role (the people list, the person page): the one most of their articles
    give, not the first story's ("his West German counterpart Gerhard Stoltenberg" named him 'counterpart'
    where 43 articles say 'Finance Minister'); on a tie the role they have keeps its place, then the
    latest. People an editor corrected keep theirs."""
    people = {
        pk: role for pk, role in Person.objects.filter(pk__in=person_ids, corrected=False).values_list("pk", "role")
    }
    best: dict[int, tuple] = {}
    for pk, role, articles, last in PersonRole.objects.filter(person_id__in=people).values_list(
        "person_id", "role", "articles", "last_seen"
    ):
        rank = (articles, role == people[pk], last or datetime.date.min, role)
        if pk not in best or rank > best[pk]:
            best[pk] = rank
    changed = [Person(pk=pk, role=rank[-1]) for pk, rank in best.items() if rank[-1] != people[pk]]
    Person.objects.bulk_update(changed, ["role"], batch_size=500)


def fill_statement_speakers(statements: list[Statement]) -> None:
    """Statements not yet saved whose article named no role or country for their speaker get the
    speaker's: the role the person held at the article's date (the timeline, the role of most
    articles first), else the person's own; the country of the person or organisation.

    Set before the INSERT, not by UPDATEs after it: on PostgreSQL an UPDATE of a statement writes a
    new version of the row with its full-text vector generated again and an entry in every index
    (the speaker columns are indexed, so it is never a HOT update), which cost the importer as much
    as the statements' INSERT itself and left dead rows for vacuum."""
    people = {s.speaker_person_id for s in statements if s.speaker_person_id is not None}
    needing = [s for s in statements if s.speaker_person_id is not None and not s.speaker_role]
    held = defaultdict(list)
    if needing:
        for person, role, first, last in (
            PersonRole.objects.filter(person_id__in={s.speaker_person_id for s in needing})
            .order_by("-articles", "role")
            .values_list("person_id", "role", "first_seen", "last_seen")
        ):
            held[person].append((role, first, last))
    own = {pk: (role, country) for pk, role, country in
           Person.objects.filter(pk__in=people).values_list("pk", "role", "country_id")} if people else {}  # fmt: skip
    organisations = {
        s.speaker_organisation_id
        for s in statements
        if s.speaker_person_id is None and s.speaker_organisation_id is not None and s.speaker_country_id is None
    }
    countries = {}
    if organisations:
        countries = dict(Organisation.objects.filter(pk__in=organisations).values_list("pk", "country_id"))
    for statement in statements:
        person = statement.speaker_person_id
        if person is not None and not statement.speaker_role:
            date = statement.article.published_on
            role = next((role for role, first, last in held[person] if _within(date, first, last)),
                        own.get(person, ("", None))[0])  # fmt: skip
            if role:
                statement.speaker_role = role[:200]
        if statement.speaker_country_id is None:
            if person is not None:
                statement.speaker_country_id = own.get(person, ("", None))[1]
            elif statement.speaker_organisation_id is not None:
                statement.speaker_country_id = countries.get(statement.speaker_organisation_id)


def _within(date, first, last) -> bool:
    return date is not None and first is not None and last is not None and first <= date <= last
