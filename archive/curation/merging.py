"""Merging people or organisations that are one: statements, mentions, removals and names move to
the record kept, and the others' keys are remembered (`MergedKey`) so extraction finds the kept one."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models, transaction

from archive.importing.roles import recompute_roles
from archive.models import (
    ArticleOrganisation,
    ArticlePerson,
    MergedKey,
    Organisation,
    Person,
    PersonRole,
    RemovedLink,
    Statement,
    name_key,
)

from .corrections import refresh_search_names


@dataclass
class MergeSummary:
    kept: Person | Organisation
    merged: list[str] = field(default_factory=list)
    moved: Counter = field(default_factory=Counter)
    articles: set[int] = field(default_factory=set)

    def describe(self) -> str:
        parts = [f"{count} {what}" for what, count in self.moved.items() if count]
        return f"Merged {', '.join(self.merged)} into this record" + (f": moved {', '.join(parts)}." if parts else ".")


@dataclass
class _Kind:
    model: type
    link_model: type
    link_field: str  # on the link row and RemovedLink
    speaker_field: str  # on Statement


_PERSON = _Kind(Person, ArticlePerson, "person", "speaker_person")
_ORGANISATION = _Kind(Organisation, ArticleOrganisation, "organisation", "speaker_organisation")


def _kind(record) -> _Kind:
    return _PERSON if isinstance(record, Person) else _ORGANISATION


def merge_preview(records) -> list[dict]:
    """What each record would bring to a merge: counts of statements, mentions, alternative names."""
    rows = []
    for record in records:
        kind = _kind(record)
        links = kind.link_model.objects.filter(**{kind.link_field: record})
        rows.append(
            {
                "record": record,
                "statements": Statement.objects.filter(**{kind.speaker_field: record}).count(),
                "articles": links.count(),
                "mentions": links.aggregate(total=models.Sum("mentions"))["total"] or 0,
                "alternative_names": len(record.alternative_name_list),
                "removed_links": RemovedLink.objects.filter(**{kind.link_field: record}).count(),
                "members": Person.objects.filter(organisation=record).count()
                if isinstance(record, Organisation)
                else None,
            }
        )
    return rows


def fullest(preview: list[dict]):
    """The record a merge should most likely keep: the one with the most statements, then articles,
    mentions, names, and the longest name (the fullest form of it)."""
    best = max(
        preview,
        key=lambda row: (row["statements"], row["articles"], row["mentions"], row["alternative_names"],
                         len(str(row["record"].name))),
    )  # fmt: skip
    return best["record"]


@transaction.atomic
def merge(keep, others) -> MergeSummary:
    """Merge `others` into `keep` (all People or all Organisations): every statement, mention,
    removal and alternative name of the others moves to `keep`, then the others are deleted.
    Two mentions of one article are added together (an article links a person once)."""
    kind = _kind(keep)
    others = [o for o in others if o.pk != keep.pk]
    if any(not isinstance(o, kind.model) for o in others):
        raise TypeError("only records of one kind can be merged")
    summary = MergeSummary(kept=keep, merged=[str(o) for o in others])
    if not others:
        return summary
    ids = [o.pk for o in others]

    # Statements.
    statements = Statement.objects.filter(**{f"{kind.speaker_field}_id__in": ids})
    summary.articles |= set(statements.values_list("article_id", flat=True))
    summary.moved["statements"] = statements.update(**{kind.speaker_field: keep})

    # Mentions: one row per article; mentions of the same article are added together.
    rows_by_article = defaultdict(list)
    for row in kind.link_model.objects.filter(**{f"{kind.link_field}_id__in": [keep.pk, *ids]}).order_by("id"):
        rows_by_article[row.article_id].append(row)
    for article_id, rows in rows_by_article.items():
        target = next((r for r in rows if getattr(r, f"{kind.link_field}_id") == keep.pk), rows[0])
        rest = [r for r in rows if r is not target]
        moved = [r for r in rows if getattr(r, f"{kind.link_field}_id") != keep.pk]
        if not moved:
            continue
        summary.articles.add(article_id)
        summary.moved["mentions"] += len(moved)
        if rest:
            target.mentions = sum(r.mentions for r in rows)
            target.corrected = any(r.corrected for r in rows)
            if hasattr(target, "role") and not target.role:
                target.role = next((r.role for r in rest if r.role), "")
            kind.link_model.objects.filter(pk__in=[r.pk for r in rest]).delete()
        setattr(target, kind.link_field, keep)
        target.save()

    # Removals an editor recorded (one per article).
    removed_from = set(RemovedLink.objects.filter(**{kind.link_field: keep}).values_list("article_id", flat=True))
    for removal in RemovedLink.objects.filter(**{f"{kind.link_field}_id__in": ids}):
        if removal.article_id in removed_from:
            removal.delete()
        else:
            setattr(removal, kind.link_field, keep)
            removal.save(update_fields=[kind.link_field])
            removed_from.add(removal.article_id)
            summary.moved["removed links"] += 1

    # Members of an organisation.
    if kind is _ORGANISATION:
        summary.moved["members"] = Person.objects.filter(organisation_id__in=ids).update(organisation=keep)

    # Names, and the gaps the others can fill.
    known = {name_key(keep.name)}
    names = []
    for name in [*keep.alternative_name_list, *(n for o in others for n in [o.name, *o.alternative_name_list])]:
        if name_key(name) not in known:
            known.add(name_key(name))
            names.append(name)
    summary.moved["alternative names"] = len(names) - len(keep.alternative_name_list)
    keep.alternative_names = "\n".join(names)
    gaps = ["role", "country_id", "organisation_id"] if kind is _PERSON else ["abbreviation", "country_id"]
    for gap in gaps:
        if not getattr(keep, gap):
            setattr(keep, gap, next((getattr(o, gap) for o in others if getattr(o, gap)), getattr(keep, gap)))
    if kind is _ORGANISATION and keep.kind == Organisation.Kind.OTHER:
        keep.kind = next((o.kind for o in others if o.kind != Organisation.Kind.OTHER), keep.kind)
    keep.corrected = True
    keep.save()

    # The others' keys now find the kept record, so extraction does not make them again.
    MergedKey.objects.filter(**{f"{kind.link_field}_id__in": ids}).update(**{kind.link_field: keep})
    MergedKey.objects.bulk_create(
        [MergedKey(key=o.key, **{kind.link_field: keep}) for o in others if o.key != keep.key],
        ignore_conflicts=True,
    )
    if kind is _PERSON:  # an editor's roles move to the kept record; the rest follow the links
        taken = set(PersonRole.objects.filter(person=keep).values_list("role", flat=True))
        for role in PersonRole.objects.filter(person_id__in=ids, corrected=True).exclude(role__in=taken):
            role.person = keep
            role.save(update_fields=["person"])
            taken.add(role.role)
    kind.model.objects.filter(pk__in=ids).delete()
    if kind is _PERSON:
        recompute_roles([keep.pk])
    refresh_search_names(summary.articles)
    return summary


def fold_surnames() -> list[tuple[str, str]]:
    """Merge each record made for a surname printed alone ("Reagan") into the full name it stands for
    ("Ronald Reagan"), as the importer now does for new records (EntityResolver._take_surname_record),
    for an archive imported before it did: the one full name of that surname whose roles do not
    differ, or of several, the one in three times as many articles as any other whose roles share one
    with the surname's ("Ronald Reagan", not "Nancy Reagan"). A full name whose roles cannot be the
    surname's (writer.kinds_conflict: "President Carter" and Donald Carter, a company's president) is
    not one of them. A record an editor corrected stays. Returns (surname, full name) of each fold."""
    from archive.importing.writer import kinds_conflict, role_head, role_kind

    full_names = defaultdict(list)
    for pk, key in Person.objects.filter(key__contains=" ").values_list("pk", "key"):
        full_names[key.rsplit(" ", 1)[1]].append(pk)
    alone = {
        pk: key
        for pk, key in Person.objects.exclude(key__contains=" ").filter(corrected=False).values_list("pk", "key")
        if key in full_names
    }
    if not alone:
        return []
    wanted = set(alone) | {pk for key in alone.values() for pk in full_names[key]}
    heads, kinds = defaultdict(set), defaultdict(set)
    for pk, role in [
        *Person.objects.filter(pk__in=wanted).exclude(role="").values_list("pk", "role"),
        *PersonRole.objects.filter(person_id__in=wanted).values_list("person_id", "role"),
    ]:
        heads[pk].add(role_head(role))
        kinds[pk].add(role_kind(role))
    articles = Counter(
        dict(
            ArticlePerson.objects.filter(person_id__in=wanted)
            .values("person_id")
            .annotate(n=models.Count("article_id", distinct=True))
            .values_list("person_id", "n")
        )
    )
    folded = []
    for pk, key in alone.items():
        bearers = [f for f in full_names[key] if not kinds_conflict(kinds[pk], kinds[f])]
        # "Baker", a lawyer, is not James Baker, Secretary of the Treasury: roles that differ stay apart
        agreeing = [f for f in bearers if not (heads[pk] and heads[f]) or heads[pk] & heads[f]]
        agreeing.sort(key=lambda f: -articles[f])
        if not agreeing:
            continue
        if len(bearers) > 1:
            # of several full names, the one in three times as many articles as any other, whose roles
            # share one with the surname's: "Fed Vice Chairman Johnson" is Manuel Johnson, vice-chairman
            others = max(articles[f] for f in bearers if f != agreeing[0])
            if articles[agreeing[0]] < 3 * others or not heads[pk] & heads[agreeing[0]]:
                continue
        with transaction.atomic():
            keep = Person.objects.select_for_update().get(pk=agreeing[0])
            surname = Person.objects.filter(pk=pk, corrected=False).first()
            if surname is None:
                continue
            corrected = keep.corrected
            merge(keep, [surname])
            if not corrected:  # merge() marks an editor's merge; this one is the importer's
                Person.objects.filter(pk=keep.pk).update(corrected=False)
            folded.append((surname.name, keep.name))
    return folded
