"""`import_documents`: the seed imports with no arguments, and importing again changes nothing."""

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article, ImportOutcome, ImportRun, Organisation, Person, Statement

pytestmark = pytest.mark.django_db(transaction=True)
SEED_EXPECTED = json.loads((Path(__file__).parent / "data" / "000_1385e5d573d3216b.expected.json").read_text())


def record(number: int, body: str, date: str = "1987-03-03") -> str:
    """One story as a line of JSON Lines, as a librarian's export gives it."""
    return json.dumps({"id": number, "title": f"STORY {number}", "date": date, "body": body}) + "\n"


def run_import(*args, **options):
    out, err = StringIO(), StringIO()
    call_command("import_documents", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_with_no_path_it_imports_the_seeds_folder():
    out, _ = run_import()
    article = Article.objects.get()
    assert article.published_on == dt.date(2022, 1, 7)
    assert article.source.name == SEED_EXPECTED["source"]
    assert article.dateline == "TOKYO / WASHINGTON"
    assert article.title.startswith("The United States and Japan")
    assert len(article.title) <= 101
    assert article.original_file == "000_1385e5d573d3216b.txt"
    assert article.credits["editing"] == SEED_EXPECTED["credits"]["editing"]
    assert "Reporting by" not in article.body
    assert "1 created" in out


def test_running_it_twice_creates_nothing_new():
    run_import()
    out, _ = run_import()
    assert Article.objects.count() == 1
    assert "0 created" in out and "1 unchanged" in out
    run = ImportRun.objects.first()
    assert run.unchanged == 1 and run.status == ImportRun.Status.FINISHED
    assert run.outcomes.get().result == ImportOutcome.Result.UNCHANGED


def test_a_failed_file_is_reported_and_the_command_fails(tmp_path):
    (tmp_path / "good.txt").write_text(" date 2022-01-07 \n\nTOKYO, Jan. 7 (Reuters) - Ministers met today.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="1 file or record failed"):
        run_import(str(tmp_path))
    assert Article.objects.count() == 1
    failure = ImportOutcome.objects.get(result=ImportOutcome.Result.FAILED)
    assert "empty.txt" in failure.message


def test_dry_run_writes_nothing_but_reports_the_same():
    out, _ = run_import(dry_run=True)
    assert Article.objects.count() == 0
    assert "Dry run" in out and "1 created" in out


def test_the_400_diplomatic_stories_import_once_and_only_once(corpus_dir):
    out, _ = run_import(str(corpus_dir / "diplomatic"))
    assert "400 created" in out and "0 failed" in out
    assert Article.objects.count() == 400
    assert Article.objects.filter(published_on__isnull=True).count() == 0
    assert Article.objects.filter(countries__isnull=False).distinct().count() >= 395
    out, _ = run_import(str(corpus_dir / "diplomatic"))
    assert "0 created" in out and "400 unchanged" in out


def test_a_body_known_only_as_a_speaker_is_the_stored_statements_speaker(tmp_path):
    """The importer links a statement's speaker among its story's organisations only: a body that
    attribution alone names ("Standard and Poor's Corp said") must be one of them, or the speaker is lost."""
    record = {
        "id": 1,
        "title": "S/P UPGRADES NAVISTAR",
        "date": "1987-03-03",
        "dateline": "NEW YORK, March 3",
        "body": "Standard and Poor's Corp said it upgraded 500 mln dlrs of debt of Navistar International.",
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run_import(str(path))
    statement = Statement.objects.get()
    assert statement.speaker_organisation.name == "Standard and Poor's Corp"
    assert statement.speaker_label == ""


def test_a_firm_printed_with_and_without_its_legal_form_is_one_organisation(tmp_path):
    """ "Drexel Burnham Lambert Inc" in one story, "Drexel Burnham Lambert" in the next: one record,
    in one batch or in two runs; Britain's "General Electric Co Plc" stays apart from "General Electric Co"."""

    first = tmp_path / "first.jsonl"
    first.write_text(
        record(1, "Drexel Burnham Lambert Inc said it would lead the issue of General Electric Co.")
        + record(2, "The issue was led by Drexel Burnham Lambert, dealers said."),
        encoding="utf-8",
    )
    second = tmp_path / "second.jsonl"
    second.write_text(
        record(3, "Drexel Burnham Lambert Corp said more, and General Electric Co Plc of Britain agreed.")
        + record(4, "Japan's Fnord Widget Corp said the bonds rose.")  # a firm the story places in Japan
        + record(5, "Fnord Widget Corp said it sold the notes."),  # the story does not say where
        encoding="utf-8",
    )
    run_import(str(first))
    run_import(str(second))
    drexel = Organisation.objects.filter(name__startswith="Drexel")
    assert drexel.count() == 1, list(drexel.values_list("name", flat=True))
    assert drexel.get().articles.count() == 3
    assert Organisation.objects.filter(name__startswith="General Electric").count() == 2
    assert Organisation.objects.filter(name__startswith="Fnord").count() == 1


def test_company_keys_fold_one_legal_form_and_the_partners_comma():
    from archive.importing.writer import company_key

    assert company_key("goldman, sachs and co|us") == company_key("goldman sachs|us") == "goldman sachs|us"
    assert company_key("shearson lehman brothers inc|") == "shearson lehman brothers|"
    assert company_key("general electric co plc|gb") != company_key("general electric co|gb")  # GEC, GE
    assert company_key("co|") == "co|"


def test_a_surname_printed_alone_and_the_full_name_are_one_person_in_either_order(tmp_path):
    """Wire stories say "President Reagan" far more often than "Ronald Reagan": the surname alone and
    the full name are one row whichever comes first, in one run or two; a role tells two people
    of one surname apart ("Treasury Secretary Baker" is James Baker, not Howard Baker)."""

    first = tmp_path / "first.jsonl"
    first.write_text(
        record(1, 'President Reagan said on Monday that "the talks will go on".')
        + record(2, "President Reagan told reporters the budget was fair."),
        encoding="utf-8",
    )
    second = tmp_path / "second.jsonl"
    second.write_text(
        record(3, "U.S. President Ronald Reagan met Prime Minister Margaret Thatcher in Washington.")
        + record(4, "Prime Minister Thatcher said Britain backed the plan.")
        + record(5, "Treasury Secretary James Baker met White House chief of staff Howard Baker.")
        + record(6, "Treasury Secretary Baker said the dollar had fallen far enough."),
        encoding="utf-8",
    )
    run_import(str(first))
    run_import(str(second))
    reagan = Person.objects.get(name__endswith="Reagan")  # one row, not "Reagan" and "Ronald Reagan"
    assert reagan.name == "Ronald Reagan"
    assert reagan.articles.count() == 3
    assert "Reagan" in reagan.alternative_name_list
    thatcher = Person.objects.get(name__endswith="Thatcher")
    assert thatcher.name == "Margaret Thatcher" and thatcher.articles.count() == 2
    james = Person.objects.get(name="James Baker")
    assert james.articles.count() == 2
    assert Person.objects.get(name="Howard Baker").articles.count() == 1
    assert not Person.objects.filter(name="Baker").exists()


def test_an_editors_surname_record_is_not_taken_over(tmp_path):
    first = tmp_path / "first.jsonl"
    first.write_text(record(1, "President Reagan said the talks would go on."), encoding="utf-8")
    run_import(str(first))
    Person.objects.filter(name="Reagan").update(corrected=True)
    second = tmp_path / "second.jsonl"
    second.write_text(record(2, "U.S. President Ronald Reagan met allies.", "1987-03-04"), encoding="utf-8")
    run_import(str(second))
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Reagan", "Ronald Reagan"]


def test_a_surname_record_of_an_earlier_batch_of_the_same_run_takes_the_full_name():
    from archive.extraction import extract
    from archive.importing.writer import EntityResolver

    resolver = EntityResolver()
    batches = [extract("President Reagan said the talks would go on."), extract("President Ronald Reagan met allies.")]
    ids = []
    for extraction in batches:  # each its own batch, as the importer writes them
        resolver.prefetch([extraction])
        ids.append(resolver.person(extraction.people[0]))
    assert ids[0] == ids[1]
    assert list(Person.objects.values_list("name", flat=True)) == ["Ronald Reagan"]


def test_roles_that_cannot_be_one_persons_are_a_public_office_and_a_private_post():
    from archive.importing.writer import PRIVATE, PUBLIC, kinds_conflict, role_kind

    public = ["President", "former President", "President of Brazil", "Treasury Secretary", "Judge", "Rep."]
    private = ["president of XYZ Corp", "chairman and chief executive officer", "lawyer", "chief economist"]
    assert {role_kind(role) for role in public} == {PUBLIC}
    assert {role_kind(role) for role in private} == {PRIVATE}
    # Not told: titles firms and governments both give, a company officer's bare apposition
    untold = ["Chairman", "spokesman", "president", "vice president", "co-chairman"]
    assert {role_kind(role) for role in untold} == {""}
    assert kinds_conflict({PUBLIC}, {PRIVATE})
    assert not kinds_conflict({PUBLIC}, {PUBLIC, PRIVATE}) and not kinds_conflict({PRIVATE}, set())


def test_a_surname_alone_is_not_a_bearer_whose_role_cannot_be_its_own(tmp_path):
    """ "former President Carter" is not Donald Carter, a company's president, though both are
    presidents, in either order; "Baker, a lawyer" is not James Baker, the one Baker known, when he
    is Treasury Secretary; the right ones still join."""
    first = tmp_path / "first.jsonl"
    first.write_text(
        record(1, "Donald Carter, president of Comdata Network Inc, said the offer was too low.")
        + record(2, "Treasury Secretary James Baker met bankers in Paris.")
        + record(3, "Stephen Slifer, chief economist at Lehman Government Securities Inc, said rates would rise."),
        encoding="utf-8",
    )
    second = tmp_path / "second.jsonl"
    second.write_text(
        record(4, "The dollar was weak under former President Carter, dealers said.")
        + record(5, "Baker, a lawyer for the family, said the suit would be filed.")
        + record(6, "Treasury Secretary Baker said the dollar had fallen far enough.")
        + record(7, "Slifer, an economist, said the Fed would not ease."),
        encoding="utf-8",
    )
    run_import(str(first))
    run_import(str(second))
    assert Person.objects.get(name="Donald Carter").articles.count() == 1
    assert Person.objects.get(name="Carter").articles.count() == 1
    assert Person.objects.get(name="James Baker").articles.count() == 2
    assert Person.objects.get(name="Baker").articles.get().source_ref == "5"
    assert Person.objects.get(name__endswith="Slifer").articles.count() == 2  # roles of one kind: one person


def test_a_full_name_does_not_take_the_surname_record_of_a_role_it_cannot_hold(tmp_path):
    """The other order: "President Carter" first makes a record of the surname alone; Donald Carter,
    a company's president, does not take it over, and Jimmy Carter then does (Donald Carter, who
    cannot be "President Carter", is no rival for it)."""
    first = tmp_path / "first.jsonl"
    first.write_text(
        record(1, "Volcker was first appointed in 1979 by President Carter.")
        + record(2, "Donald Carter, president of Comdata Network Inc, said the offer was too low."),
        encoding="utf-8",
    )
    second = tmp_path / "second.jsonl"
    second.write_text(record(3, "Former President Jimmy Carter said the talks should go on."), encoding="utf-8")
    run_import(str(first))
    assert sorted(Person.objects.filter(name__endswith="Carter").values_list("name", flat=True)) == [
        "Carter",
        "Donald Carter",
    ]
    run_import(str(second))
    jimmy = Person.objects.get(name="Jimmy Carter")
    assert sorted(jimmy.articles.values_list("source_ref", flat=True)) == ["1", "3"]
    assert Person.objects.get(name="Donald Carter").articles.get().source_ref == "2"
