"""Turn an extraction into rows: the article, its links to countries, people and organisations,
its statements. Used by the import pipeline and by re-extraction.

Entities are shared between articles, so the writer keeps per-run caches of them (memory grows
with the number of distinct people and organisations, not with the number of stories), and
creates missing ones under the database's unique keys, so that two imports at once cannot make
the same person twice.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from archive.extraction import Extraction, OrganisationMention, PersonMention
from archive.extraction.countries import country_for_word
from archive.extraction.organisations import LEGAL_FORMS
from archive.extraction.people import NAME_SUFFIXES  # not a surname: "John Pope Jr"
from archive.models import (
    Article,
    ArticleCountry,
    ArticleOrganisation,
    ArticlePerson,
    Country,
    Organisation,
    Person,
    PersonRole,
    RemovedLink,
    Source,
    Statement,
    StatementCountry,
    name_key,
    name_lines,
)

from .roles import add_roles, fill_statement_speakers, recompute_roles

_NOT_WORD = re.compile(r"[\W_]+")


def fingerprint(body: str) -> str:
    """Hash of the normalised text: the same story in another file or format hashes the same."""
    normalised = " ".join(_NOT_WORD.sub(" ", body.casefold()).split())
    return hashlib.sha256(normalised.encode()).hexdigest()


def _get_or_create(model, key: str, defaults: dict):
    """get_or_create on a unique key that survives a concurrent insert of the same key."""
    try:
        return model.objects.get(key=key)
    except model.DoesNotExist:
        pass
    merged = model.objects.filter(merged_keys__key=key).first()  # an editor merged it into another
    if merged is not None:
        return merged
    try:
        with transaction.atomic():
            return model.objects.create(key=key, **defaults)
    except IntegrityError:
        return model.objects.get(key=key)


# A company's legal form, which stories print or leave out: "Shearson Lehman Brothers Inc" and
# "Shearson Lehman Brothers" are one firm (name_key has folded case and full stops).
_LEGAL_FORMS = LEGAL_FORMS | {"corporation", "company"}


def company_key(key: str) -> str:
    """An organisation's key without its legal form: "shearson lehman brothers inc|" ->
    "shearson lehman brothers|", "merrill lynch and co|" -> "merrill lynch|". One form only, so that
    "general electric co plc|" (Britain's GEC) stays apart from "general electric co|" (GE)."""
    name, _, country = key.rpartition("|")
    words = name.replace(",", " ").split()  # "Goldman, Sachs and Co" is "Goldman Sachs and Co"
    if len(words) > 1 and words[-1] in _LEGAL_FORMS and words[-2:] not in (["and", "co"], ["&", "co"]):
        words.pop()  # "merrill lynch and co inc" -> "merrill lynch and co"
    if len(words) > 2 and words[-2] in ("and", "&") and words[-1] == "co":
        del words[-2:]  # -> "merrill lynch"
    return f"{' '.join(words)}|{country}"


def _is_company(mention: OrganisationMention) -> bool:
    return mention.kind == "company" or company_key(name_key(mention.name) + "|") != name_key(mention.name) + "|"


# Words that end a role's head: "managing director of Indosuez Asia" turns on "director".
_ROLE_TAIL = re.compile(r"\s(?:of|for|at|in|to|with|and)\s|,")


def role_head(role: str) -> str:
    """The word a role turns on, to tell whether two roles can be one person's: "Prime Minister"
    -> "minister", "managing director of Indosuez Asia" -> "director", "son of President" -> "son"."""
    words = _ROLE_TAIL.split(f" {role.casefold()} ", maxsplit=1)[0].split()
    return words[-1].removesuffix("'s") if words else ""


# Two roles that cannot be one person's: a public office, of a country, a government body or of
# nothing ("former President", "Treasury Secretary", "Judge"), and a private post or profession, of
# a company or an organisation ("president of XYZ Corp", "chief executive", "lawyer", "analyst").
# Roles of one kind may be one person's however their words differ ("economist", "chief economist",
# "vice president of Lehman"); a role neither kind's marks tell ("Chairman", "spokesman", a bare
# lowercase "president") is of no kind and conflicts with nothing.
PUBLIC, PRIVATE = "public", "private"
_PROFESSIONS = frozenset("lawyer economist analyst strategist trader dealer broker consultant accountant".split())
_COMPANY = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(_LEGAL_FORMS | {'firm'}))})(?![\w-])"  # "of XYZ Corp", not "co-chairman"
    r"|\bchief (?:executive|operating|financial)\b|\b(?:executive|senior) vice.president\b"  # titles only firms give
    r"|(?<!public )\bfinanc(?:e|ial) director\b"  # a firm's, not a state's "public finance director"
)
_OFFICES = frozenset(
    "minister premier senator sen. rep. congressman congresswoman ambassador governor mayor judge king secretary"
    " chancellor".split()
)
_GOVERNMENT = re.compile(
    r"\b(?:central bank|federal reserve|fed|treasury|ministry|government|senate|congress|parliament)\b"
)
_PRESIDENT_WORDS = frozenset("former then late acting outgoing interim vice".split())


def role_kind(role: str) -> str:
    """PUBLIC, PRIVATE or "" (not told) for a role as stories print it."""
    folded = " ".join(role.casefold().split())
    head = role_head(folded)
    if not head:
        return ""
    if head in _PROFESSIONS or _COMPANY.search(folded):
        return PRIVATE
    if head in _OFFICES or _GOVERNMENT.search(folded):
        return PUBLIC
    if head == "president" and _head_of_state(role):
        return PUBLIC
    return ""


def _head_of_state(role: str) -> bool:
    """A president of a country or of nothing named: "President", "former President", "U.S.
    president", "President of Brazil". Wire style capitalises a title before a name ("President
    Reagan") and writes a company officer's apposition in lower case ("Donald Carter, president and
    chief executive"), so a bare "president" is a head of state only when capitalised."""
    before, _, after = " ".join(role.split()).partition(" of ")
    *words, title = before.split() or [""]
    country = after and country_for_word(after.removeprefix("the "))
    country = country or any(country_for_word(word) for word in words)
    if after and not country:
        return False
    return all(w.casefold() in _PRESIDENT_WORDS or country_for_word(w) for w in words) and (
        bool(country) or title == "President"
    )


def kinds_conflict(ours: set[str], theirs: set[str]) -> bool:
    """Whether two people's known role kinds say they are two: both known, none shared."""
    ours, theirs = ours - {""}, theirs - {""}
    return bool(ours and theirs) and not ours & theirs


@dataclass
class _PeopleIndex:
    forms: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # name key -> people
    surnames: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # of full names
    roles: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # person -> role heads
    kinds: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # person -> role kinds told
    alone: dict[str, int] = field(default_factory=dict)  # surname -> the record made for it alone


class EntityResolver:
    """Finds or creates the Person, Organisation, Source rows an extraction names.

    An organisation not known by its key is the one known organisation with its company_key, if
    there is exactly one: the same firm printed with and without "Inc" is one record."""

    def __init__(self):
        self.country_names = dict(Country.objects.values_list("code", "name"))
        self.sources: dict[str, int] = {}
        self.people: dict[str, int] = {}
        self.organisations: dict[str, int] = {}
        self.restored: dict[tuple, object] = {}  # records of exported states (exported.py), by model and key
        self._people: _PeopleIndex | None = None
        self._companies: dict[str, set[tuple[int | str, str]]] | None = None

    def country(self, code: str | None) -> str | None:
        code = (code or "").upper()
        return code if code in self.country_names else None

    def country_name(self, code: str) -> str:
        return self.country_names.get((code or "").upper(), "")

    def source(self, name: str) -> Source | None:
        name = " ".join((name or "").split())[:100]
        if not name:
            return None
        if name not in self.sources:
            source = Source.objects.filter(name__iexact=name).first()
            if source is None:
                try:
                    with transaction.atomic():
                        source = Source.objects.create(name=name)
                except IntegrityError:
                    source = Source.objects.get(name__iexact=name)
            self.sources[name] = source.pk
        return Source(pk=self.sources[name], name=name)

    def prefetch(self, extractions: list[Extraction]) -> None:
        """Find or create, in a few queries, every organisation and person a batch names."""
        organisations: dict[str, OrganisationMention] = {}
        people: dict[str, PersonMention] = {}
        for extraction in extractions:
            for mention in extraction.organisations:
                key = Organisation.make_key(mention.name, self.country(mention.country))[:220]
                if key not in self.organisations:
                    organisations.setdefault(key, mention)
            for mention in extraction.people:
                key = name_key(mention.name)[:200]
                if key not in self.people:
                    people.setdefault(key, mention)
        if organisations:
            self._prefetch_organisations(organisations)
        if people:
            self._prefetch_people(people)

    @staticmethod
    def _bulk_get_or_create(model, cache: dict[str, int], rows: dict[str, dict]) -> None:
        """Rows by unique key; a concurrent import creating the same key is harmless."""
        cache.update(model.objects.filter(key__in=list(rows)).values_list("key", "pk"))
        # Keys of records an editor merged into another find the kept record.
        cache.update(
            model.objects.filter(merged_keys__key__in=[k for k in rows if k not in cache]).values_list(
                "merged_keys__key", "pk"
            )
        )
        missing = [model(key=key, **values) for key, values in rows.items() if key not in cache]
        if missing:
            model.objects.bulk_create(missing, ignore_conflicts=True, batch_size=500)
            cache.update(model.objects.filter(key__in=[row.key for row in missing]).values_list("key", "pk"))

    def _prefetch_organisations(self, mentions: dict[str, OrganisationMention]) -> None:
        """The batch's organisations: known by key (or an editor's merged key), else the one known
        organisation of the same company (_one_company), else made: once for all the batch's keys of
        one company, the batch's new records standing in the index under their keys until made."""
        keys = list(mentions)
        self.organisations.update(Organisation.objects.filter(key__in=keys).values_list("key", "pk"))
        unknown = [k for k in keys if k not in self.organisations]
        self.organisations.update(
            Organisation.objects.filter(merged_keys__key__in=unknown).values_list("merged_keys__key", "pk")
        )
        new: dict[str, dict] = {}
        same_firm: dict[str, str] = {}  # a key -> the batch's new key of its company
        for key in (k for k in keys if k not in self.organisations):
            found = self._one_company(key, _is_company(mentions[key]))
            if found is None:
                new[key] = self._organisation_row(mentions[key])
                self._index_company(key, key)
            elif isinstance(found, str):
                same_firm[key] = found
            else:
                self.organisations[key] = found
        if new:
            self._bulk_get_or_create(Organisation, self.organisations, new)
            for key in new:
                self._index_company(key, self.organisations[key], replacing=key)
        for key, first in same_firm.items():
            self.organisations[key] = self.organisations[first]

    def _one_company(self, key: str, company: bool) -> int | str | None:
        """The one known organisation of this company key; for a company (`company`), also one known
        with no country when the key has one, or with one when the key has none (a story may not say
        where a firm is: "Drexel Burnham Lambert Inc", and "Drexel Burnham Lambert Inc" of the U.S.)."""
        name, _, country = company_key(key).rpartition("|")
        known = self._company_index().get(name, set())
        same = {record for record, where in known if where == country}
        if same or not company:
            return same.pop() if len(same) == 1 else None
        either = {record for record, where in known if not where or not country}
        return either.pop() if len(either) == 1 else None

    def _company_index(self) -> dict[str, set[tuple[int | str, str]]]:
        """Every known organisation as (pk, country) under its company key's name, built once per run
        (a record the batch is about to make: its key in place of the pk)."""
        if self._companies is None:
            self._companies = defaultdict(set)
            for pk, key in Organisation.objects.values_list("pk", "key"):
                self._index_company(key, pk)
        return self._companies

    def _index_company(self, key: str, record: int | str, replacing: str | None = None) -> None:
        name, _, country = company_key(key).rpartition("|")
        entries = self._company_index()[name]
        entries.discard((replacing, country))
        entries.add((record, country))

    def _prefetch_people(self, mentions: dict[str, PersonMention]) -> None:
        """The batch's people: known by key (or an editor's merged key); else a full name takes over
        the record of its surname printed alone (_take_surname_record), and a surname printed alone
        goes to the one known person bearing it (_bearer); else made. Full names first, so that a
        surname the batch prints alone can go to a full name the same batch brings."""
        keys = list(mentions)
        self.people.update(Person.objects.filter(key__in=keys).values_list("key", "pk"))
        unknown = [k for k in keys if k not in self.people]
        self.people.update(Person.objects.filter(merged_keys__key__in=unknown).values_list("merged_keys__key", "pk"))
        for full in (True, False):
            new = {}
            for key in (k for k in keys if k not in self.people and (" " in k) == full):
                found = self._take_surname_record(key, mentions[key]) if full else self._bearer(key, "")
                if found is not None:
                    self.people[key] = found
                elif full or self._bearer(key, mentions[key].role) is None:
                    new[key] = self._person_row(key, mentions[key])
                # else the role tells which bearer: person() asks again for each mention
            if new:
                self._bulk_get_or_create(Person, self.people, new)
                for key in new:
                    mention = mentions[key]
                    self._index_person(self.people[key], [mention.name, *mention.forms], mention.role, made=True)

    def _people_index(self) -> _PeopleIndex:
        """Every known person's names and role heads, built once per run and kept up to date as
        records are made: for a surname printed alone, and for a full name whose surname an earlier
        story printed alone."""
        if self._people is None:
            self._people = _PeopleIndex()
            for pk, key, name, alternatives, role, corrected in Person.objects.values_list(
                "pk", "key", "name", "alternative_names", "role", "corrected"
            ):
                self._index_person(pk, [name, *name_lines(alternatives)], role)
                if " " not in key and not corrected:
                    self._people.alone[key] = pk
            for pk, role in PersonRole.objects.values_list("person_id", "role"):
                self._index_role(pk, role)
        return self._people

    def _index_person(self, pk: int, forms: list[str], role: str, made: bool = False) -> None:
        """Index a person's forms and role; `made`: the record was just made for forms[0]."""
        index = self._people_index()
        if made and " " not in name_key(forms[0]):
            index.alone[name_key(forms[0])] = pk
        for form in forms:
            key = name_key(form)
            index.forms[key].add(pk)
            if " " in key and key.rsplit(" ", 1)[1] not in NAME_SUFFIXES:
                index.surnames[key.rsplit(" ", 1)[1]].add(pk)
        self._index_role(pk, role)

    def _index_role(self, pk: int, role: str) -> None:
        """A role a story gives a person (all of them count, as PersonRole holds them all)."""
        if role:
            index = self._people_index()
            index.roles[pk].add(role_head(role))
            if kind := role_kind(role):
                index.kinds[pk].add(kind)

    def _cannot_be(self, pk: int, role: str) -> bool:
        """Whether the story's role cannot be this person's (kinds_conflict)."""
        return kinds_conflict({role_kind(role)}, self._people_index().kinds.get(pk, set()))

    def _bearer(self, key: str, role: str) -> int | None:
        """The known person a surname printed alone names: the one person bearing it, or of several,
        the one whose role agrees with the story's ("Treasury Secretary Baker" is James Baker, not
        Howard Baker, chief of staff). None when the surname is nobody's, or several people's, or the
        role cannot be its one bearer's ("Baker, a lawyer" is not James Baker, Treasury Secretary)."""
        index = self._people_index()
        candidates = index.forms.get(key, set()) | index.surnames.get(key, set())
        if role:
            several = len(candidates) > 1
            candidates = {pk for pk in candidates if not self._cannot_be(pk, role)}
            if several:
                head = role_head(role)
                candidates = {pk for pk in candidates if head in index.roles.get(pk, ())}
        return next(iter(candidates)) if len(candidates) == 1 else None

    def _take_surname_record(self, key: str, mention: PersonMention) -> int | None:
        """A new full name ("Ronald Reagan") becomes the record made for its surname printed alone
        ("Reagan", from stories that say only "President Reagan"), when no other full name has that
        surname (but one whose roles cannot be the record's), the roles agree (or one is unknown) and
        no editor has corrected the record. Else the stories that print the surname alone, most of
        them for the best known, stay on a row of their own."""
        surname = key.rsplit(" ", 1)[1]
        index = self._people_index()
        record = index.alone.get(surname)
        if record is None or surname in NAME_SUFFIXES:
            return None
        kinds = index.kinds.get(record, set())
        if any(not kinds_conflict(index.kinds.get(pk, set()), kinds) for pk in index.surnames.get(surname, ())):
            return None  # the surname alone may be another bearer's
        heads = index.roles.get(record, set())
        if mention.role and heads and role_head(mention.role) not in heads:
            return None
        if self._cannot_be(record, mention.role):  # "Donald Carter, president of XYZ Corp" is not "President Carter"
            return None
        person = Person.objects.filter(pk=record, key=surname, corrected=False).first()
        if person is None:
            return None
        forms = [person.name, *person.alternative_name_list, *mention.forms]
        alternatives = list(dict.fromkeys(f for f in forms if name_key(f) != key))
        try:
            with transaction.atomic():
                Person.objects.filter(pk=record, key=surname).update(
                    key=key,
                    name=mention.name[:200],
                    alternative_names="\n".join(alternatives),
                    role=person.role or mention.role[:200],
                    country_id=person.country_id or self.country(mention.country),
                )
        except IntegrityError:  # another import made the full name meanwhile
            return None
        del index.alone[surname]
        self._index_person(record, [mention.name, *mention.forms], mention.role)
        return record

    def person(self, mention: PersonMention, organisation_id: int | None = None) -> int:
        pk = self._find_person(mention, organisation_id)
        self._index_role(pk, mention.role)
        return pk

    def _find_person(self, mention: PersonMention, organisation_id: int | None) -> int:
        key = name_key(mention.name)[:200]
        cached = self.people.get(key)
        if " " not in key and mention.role:
            # A surname alone with a role: the role may tell which of several bearers it is, or that
            # it is not the bearer the run found for it before (then the surname's own record).
            found = self._bearer(key, mention.role)
            if found is not None:
                return found
            if cached is not None and self._cannot_be(cached, mention.role):
                cached = None
        if cached is not None:
            return cached
        pk = None
        if " " not in key:
            pk = self._bearer(key, mention.role)
        elif not Person.objects.filter(models.Q(key=key) | models.Q(merged_keys__key=key)).exists():
            pk = self._take_surname_record(key, mention)
        if pk is None:
            person = _get_or_create(Person, key, {**self._person_row(key, mention), "organisation_id": organisation_id})
            self._fill_gaps(person, mention, organisation_id)
            pk = person.pk
            self._index_person(pk, [mention.name, *mention.forms], mention.role, made=True)
        self.people.setdefault(key, pk)  # a surname's bearer, found first, stays the run's answer for it
        return pk

    def _fill_gaps(self, person: Person, mention: PersonMention, organisation_id: int | None) -> None:
        """A later article may say what an earlier one did not; editors' rows stay as they are."""
        if person.corrected:
            return
        changes = {}
        if not person.role and mention.role:
            changes["role"] = mention.role[:200]
        if not person.country_id and self.country(mention.country):
            changes["country_id"] = self.country(mention.country)
        if not person.organisation_id and organisation_id:
            changes["organisation_id"] = organisation_id
        known = {name_key(f) for f in [person.name, *person.alternative_name_list]}
        new_forms = [f for f in mention.forms if name_key(f) not in known]
        if new_forms:
            changes["alternative_names"] = "\n".join([*person.alternative_name_list, *new_forms])
        if changes:
            Person.objects.filter(pk=person.pk).update(**changes)

    def organisation(self, mention: OrganisationMention) -> int:
        country = self.country(mention.country)
        key = Organisation.make_key(mention.name, country)[:220]
        if key not in self.organisations:
            # Its own key, or one an editor merged into another record (a merged key is no record's
            # own: the merge deleted it); else the firm's other name.
            known = (
                Organisation.objects.filter(models.Q(key=key) | models.Q(merged_keys__key=key))
                .values_list("pk", flat=True)
                .first()
            )
            if known is None:
                known = self._one_company(key, _is_company(mention))
            if known is None:
                known = _get_or_create(Organisation, key, self._organisation_row(mention)).pk
                self._index_company(key, known)
            self.organisations[key] = known
        return self.organisations[key]

    def _person_row(self, key: str, mention: PersonMention) -> dict:
        """A new person's fields, from the mention that names them."""
        return {
            "name": mention.name[:200],
            "alternative_names": "\n".join(form for form in mention.forms if name_key(form) != key),
            "role": mention.role[:200],
            "country_id": self.country(mention.country),
        }

    def _organisation_row(self, mention: OrganisationMention) -> dict:
        return {
            "name": mention.name[:200],
            "abbreviation": mention.abbreviation[:40],
            "kind": mention.kind if mention.kind in Organisation.Kind.values else Organisation.Kind.OTHER,
            "country_id": self.country(mention.country),
        }


class ExtractionWriter:
    """Writes what extraction found about articles, leaving editors' corrections alone.

    `add_many` writes a whole batch of new articles' links and statements in a handful of
    queries; `replace` rewrites one stored article's extracted rows.
    """

    def __init__(self, resolver: EntityResolver | None = None):
        self.resolver = resolver or EntityResolver()

    def replace(self, article: Article, extraction: Extraction) -> None:
        """Replace the extracted links and statements of `article` (call inside a transaction).

        Rows an editor corrected stay, and nothing is added again for an entity an editor
        linked by hand (the kept row wins).
        """
        people_before = set(ArticlePerson.objects.filter(article=article).values_list("person_id", flat=True))
        ArticleCountry.objects.filter(article=article, corrected=False).delete()
        ArticlePerson.objects.filter(article=article, corrected=False).delete()
        ArticleOrganisation.objects.filter(article=article, corrected=False).delete()
        Statement.objects.filter(article=article, corrected=False).delete()
        removed = RemovedLink.objects.filter(article=article).keys()  # what editors took out stays out
        kept = Kept(
            countries=set(ArticleCountry.objects.filter(article=article).values_list("country_id", flat=True))
            | removed["countries"],
            people=set(ArticlePerson.objects.filter(article=article).values_list("person_id", flat=True))
            | removed["people"],
            organisations=set(
                ArticleOrganisation.objects.filter(article=article).values_list("organisation_id", flat=True)
            )
            | removed["organisations"],
            statements=set(Statement.objects.filter(article=article, corrected=True).values_list("paragraph", "start"))
            | removed["spans"],
        )
        self.add_many([(article, extraction)], {article.pk: kept})
        people_after = ArticlePerson.objects.filter(article=article).values_list("person_id", flat=True)
        recompute_roles(people_before | set(people_after))
        Article.objects.filter(pk=article.pk).update(search_names=search_names(article), extracted_at=timezone.now())

    def add(self, article: Article, extraction: Extraction) -> None:
        """Links and statements of a new article (saved after `stamp`)."""
        self.add_many([(article, extraction)])

    def add_many(self, pairs: list[tuple[Article, Extraction]], kept: dict[int, Kept] | None = None) -> None:
        """Links and statements for saved articles; `kept` names what an editor's rows already cover."""
        replacing = bool(kept)
        kept = kept or {}
        self.resolver.prefetch([extraction for _, extraction in pairs])
        links: dict[type, list] = defaultdict(list)
        about: list[list[str]] = []  # the countries each statement of links[Statement] is about
        for article, extraction in pairs:
            own = kept.get(article.pk) or Kept()
            org_ids = self._organisation_links(article, extraction, own, links[ArticleOrganisation])
            person_ids = self._person_links(article, extraction, org_ids, own, links[ArticlePerson])
            self._country_links(article, extraction, own, links[ArticleCountry])
            self._statements(article, extraction, person_ids, org_ids, own, links[Statement], about)
        if not replacing:  # replace() recomputes the timelines of the people it touched
            add_roles((link.person_id, link.role, link.article.published_on) for link in links[ArticlePerson])
        fill_statement_speakers(links[Statement])  # before the INSERT: the timelines just added count
        for model, rows in links.items():
            model.objects.bulk_create(rows, batch_size=500)
        StatementCountry.objects.bulk_create(
            [StatementCountry(statement=statement, country_id=code) for statement, codes in
             zip(links[Statement], about, strict=True) for code in codes],
            batch_size=500,
        )  # fmt: skip

    def stamp(self, article: Article, extraction: Extraction) -> None:
        """Set what an article keeps of its extraction before it is saved: the names the search
        index weighs above the body, and when extraction ran."""
        article.search_names = self.names(extraction)
        article.extracted_at = timezone.now()

    def _country_links(self, article, extraction, own: Kept, rows: list) -> None:
        seen = set(own.countries)
        for mention in extraction.countries:
            code = self.resolver.country(mention.code)
            if code and code not in seen:
                seen.add(code)
                rows.append(
                    ArticleCountry(
                        article=article, country_id=code, mentions=mention.mentions, in_dateline=mention.in_dateline
                    )
                )

    def _organisation_links(self, article, extraction, own: Kept, rows: list) -> dict[str, int]:
        ids: dict[str, int] = {}
        links: dict[int, ArticleOrganisation] = {}
        for mention in extraction.organisations:
            pk = ids[mention.name] = self.resolver.organisation(mention)
            if pk in own.organisations:
                continue
            if pk in links:
                links[pk].mentions += mention.mentions
            else:
                links[pk] = ArticleOrganisation(article=article, organisation_id=pk, mentions=mention.mentions)
        rows.extend(links.values())
        return ids

    def _person_links(self, article, extraction, org_ids, own: Kept, rows: list) -> dict[str, int]:
        ids: dict[str, int] = {}
        links: dict[int, ArticlePerson] = {}
        for mention in extraction.people:
            pk = ids[mention.name] = self.resolver.person(mention, org_ids.get(mention.organisation or ""))
            if pk in own.people:
                continue
            if pk in links:
                links[pk].mentions += mention.mentions
            else:
                links[pk] = ArticlePerson(
                    article=article, person_id=pk, mentions=mention.mentions, role=mention.role[:200]
                )
        rows.extend(links.values())
        return ids

    def _statements(self, article, extraction, person_ids, org_ids, own: Kept, rows: list, about: list) -> None:
        for found in extraction.statements:
            if (found.paragraph, found.start) in own.statements:
                continue  # an editor's version of this statement stands
            person = person_ids.get(found.speaker_person or "")
            organisation = None if person else org_ids.get(found.speaker_organisation or "")
            about.append([code for code in dict.fromkeys(map(self.resolver.country, found.about)) if code])
            rows.append(
                Statement(
                    article=article,
                    speaker_person_id=person,
                    speaker_organisation_id=organisation,
                    speaker_label="" if (person or organisation) else found.speaker_label[:200],
                    kind=found.kind,
                    text=found.text,
                    paragraph=found.paragraph,
                    start=found.start,
                    end=max(found.end, found.start),
                    verb=found.verb[:40],
                    speaker_role=found.speaker_role[:200] if person else "",
                    speaker_country_id=self.resolver.country(found.speaker_country) if person else None,
                )
            )

    def names(self, extraction: Extraction) -> str:
        return names_text(
            [(person.name, *person.forms) for person in extraction.people],
            [(org.name, org.abbreviation) for org in extraction.organisations],
            [self.resolver.country_name(c.code) for c in extraction.countries],
        )


@dataclass
class Kept:
    """What an editor's rows already cover on an article, so extraction adds none of it again."""

    countries: set = field(default_factory=set)
    people: set = field(default_factory=set)
    organisations: set = field(default_factory=set)
    statements: set = field(default_factory=set)  # (paragraph, start) of corrected statements


def names_text(people: list[tuple], organisations: list[tuple], countries: list[str]) -> str:
    """The names of an article's people (every form), organisations (and abbreviations) and
    countries, once each: weighted above the body in full-text search (`Article.search_names`)."""
    words = [*(form for forms in people for form in forms), *(n for names in organisations for n in names), *countries]
    return " ".join(dict.fromkeys(word for word in words if word))


def search_names(article: Article) -> str:
    """`names_text` of the links an article has now (after an editor's change or a re-extraction)."""
    people = Person.objects.filter(articles=article).values_list("name", "alternative_names")
    return names_text(
        [(name, *name_lines(alternatives)) for name, alternatives in people],
        list(Organisation.objects.filter(articles=article).values_list("name", "abbreviation")),
        list(Country.objects.filter(articles=article).values_list("name", flat=True)),
    )
