"""German agency speech (issue 19): "wie X mitteilte", reported speech going on in the subjunctive,
and pronoun speakers that stand for the last speaker, not a person named inside the words nor one
an unnamed spokesman has taken the place of."""

from __future__ import annotations

from archive.extraction import extract

from .speech import given


def test_a_wie_clause_names_the_speaker_before_or_after_the_words():
    result = extract(
        "Hamburg – Wie die Bundesregierung mitteilte, soll das Abkommen im Herbst unterzeichnet werden.\n\n"
        "Die Verhandlungen seien weit fortgeschritten, wie Staatssekretärin Anna Lührmann am Freitag sagte.",
        title="Abkommen",
        language="de",
    )
    assert given(result, "das Abkommen im Herbst") == "Bundesregierung"
    assert given(result, "Die Verhandlungen seien") == "Anna Lührmann"


def test_reported_speech_goes_on_in_the_subjunctive_but_not_in_a_plain_sentence():
    result = extract(
        "Wien – Die Gespräche seien konstruktiv gewesen, sagte Außenministerin Beate Meinl-Reisinger. "
        "Man werde sich im Mai erneut treffen. Die Delegationen reisten am Abend ab.\n\n"
        "Der Zoll beschlagnahmte zwei Lastwagen, die angeblich gestohlen worden seien.",
        title="Gespräche",
        language="de",
    )
    assert given(result, "Man werde sich im Mai") == "Beate Meinl-Reisinger"
    assert not any("Delegationen reisten" in s.text for s in result.statements)
    assert not any("zwei Lastwagen" in s.text for s in result.statements)


def test_a_pronoun_is_the_speaker_not_a_person_named_in_the_words():
    result = extract(
        "Rom – Ministerpräsidentin Giorgia Meloni kündigte an, Präsident Sergio Mattarella werde den "
        "Gast am Montag empfangen. Ein Abendessen sei nicht vorgesehen, fügte sie hinzu.",
        title="Besuch",
        language="de",
    )
    assert given(result, "Ein Abendessen sei nicht vorgesehen") == "Giorgia Meloni"


def test_a_pronoun_after_an_unnamed_spokesman_is_no_one_named():
    result = extract(
        "Kairo – Außenminister Badr Abdelatty sagte, Ägypten sei zu Vermittlung bereit.\n\n"
        "Ein Sprecher der Hamas wies das zurück. Die Gespräche seien gescheitert, sagte er.",
        title="Vermittlung",
        language="de",
    )
    statement = next(s for s in result.statements if "Die Gespräche seien gescheitert" in s.text)
    assert statement.speaker_person is None


def test_a_quotation_after_a_named_subjects_verb_is_theirs_unless_it_is_a_short_term():
    result = extract(
        "Kiew – Präsident Wolodymyr Selenskyj sprach von einem „gezielten Angriff auf Wohnhäuser“.\n\n"
        "Außenminister Andrij Sybiha kritisierte die „neue Eskalation“ scharf.",
        title="Angriff",
        language="de",
    )
    assert given(result, "gezielten Angriff auf Wohnhäuser") == "Wolodymyr Selenskyj"
    assert not any(s.speaker_person == "Andrij Sybiha" for s in result.statements)


def test_the_medium_the_words_were_said_to_is_not_the_speaker_nor_a_person():
    result = extract(
        "Bonn – Umweltministerin Carla Weber kündigte neue Mittel an. „Wir verdoppeln die Hilfe“, sagte die "
        "CDU-Politikerin der Deutschen Presse-Agentur. Der Plan sei mit Paris abgestimmt, sagte Weber der "
        "»Rheinischen Post«. Es gehe um Klimaschutz, sagte Staatssekretär Jan Ott dem Sender Phoenix.",
        title="Hilfe",
        language="de",
    )
    assert given(result, "Wir verdoppeln die Hilfe") == "Carla Weber"
    assert given(result, "Der Plan sei mit Paris abgestimmt") == "Carla Weber"
    assert given(result, "Es gehe um Klimaschutz") == "Jan Ott"
    assert not any("Presse-Agentur" in p.name or "Phoenix" in p.name for p in result.people)


def test_an_age_noun_or_a_nationality_noun_is_the_person_last_named():
    result = extract(
        "Oslo – Der norwegische Außenminister Lars Berg traf seinen Amtskollegen. Die Gespräche seien gut "
        "gewesen, sagte der 58-Jährige am Abend.\n\n"
        "Die schwedische Ministerin Eva Lind äußerte sich vorsichtig. „Wir warten ab“, sagte die Schwedin.",
        title="Treffen",
        language="de",
    )
    assert given(result, "Die Gespräche seien gut") == "Lars Berg"
    assert given(result, "Wir warten ab") == "Eva Lind"


def test_a_place_after_a_preposition_and_a_noun_after_a_fused_article_are_no_people():
    result = extract(
        "Rom – Ein Regierungssprecher in Rom sagte, die Gespräche gingen weiter. Minister Paolo Neri warf "
        "Brüssel vor, im Interesse Berlins zu handeln.",
        title="Gespräche",
        language="de",
    )
    names = {p.name for p in result.people}
    assert "Rom" not in names and "Interesse Berlins" not in names
    assert result.statements[0].speaker_person is None


def test_a_bare_plural_role_is_a_group_not_the_last_speaker():
    result = extract(
        "Wien – Der Außenminister Karl Huber sagte, die Lage sei ernst. Diplomaten zufolge soll bis Freitag "
        "ein Kompromiss stehen.",
        title="Lage",
        language="de",
    )
    assert given(result, "ein Kompromiss stehen") == "[Diplomaten]"


def test_a_sentence_that_is_only_a_quotation_goes_on_with_the_speaker_before_it():
    result = extract(
        "Prag – Die Lage sei ernst, sagte Regierungschef Petr Novak am Montag. „Wir müssen jetzt handeln.“\n\n"
        "„Niemand hat mit einer so langen Krise gerechnet“, hieß es in einem Bericht.",
        title="Krise",
        language="de",
    )
    assert given(result, "Wir müssen jetzt handeln") == "Petr Novak"
    assert result.statements[-1].speaker_person is None


def test_the_network_x_ends_a_sentence():
    result = extract(
        "Budapest – Die Sanktionen schadeten allen, schrieb Ministerin Anna Kovacs auf der Plattform X. "
        "Ungarn werde keinem Paket zustimmen.",
        title="Sanktionen",
        language="de",
    )
    assert given(result, "Ungarn werde keinem Paket") == "Anna Kovacs"


def test_an_arabic_name_with_its_article_and_a_long_circumstance_before_the_comma():
    result = extract(
        "Amman – Der jordanische Außenminister Samir Haddad sagte nach einem Treffen mit seinem libanesischen "
        "Amtskollegen Nabil al-Khouri in Beirut, beide Länder wollten enger zusammenarbeiten.",
        title="Treffen",
        language="de",
    )
    assert "Nabil al-Khouri" in {p.name for p in result.people}
    assert given(result, "beide Länder wollten") == "Samir Haddad"


def test_capitalised_words_after_an_article_are_no_person_and_a_rights_group_speaks():
    result = extract(
        "Köln – Der Präsident des Verbands der Deutschen Maschinenbauer, Jens Krause, lobte den Plan. "
        "Amnesty International erklärte, das Gesetz gehe nicht weit genug.",
        title="Plan",
        language="de",
    )
    assert {p.name for p in result.people} == {"Jens Krause"}
    assert given(result, "das Gesetz gehe nicht weit genug") == "Amnesty International"


def test_reported_speech_goes_on_after_a_relative_clause():
    result = extract(
        "Madrid – Die Hilfen würden verdoppelt, sagte Ministerin Elena Ruiz. Die Jahre, in denen Europa "
        "zusah, seien vorbei. Der Premier irre sich.",
        title="Hilfen",
        language="de",
    )
    assert given(result, "in denen Europa") == "Elena Ruiz"
    assert given(result, "Der Premier irre sich") == "Elena Ruiz"


def test_the_agencys_own_voice_and_other_sources_do_not_go_on_with_the_last_speaker():
    result = extract(
        "Kairo – Armeesprecher Omar Nasser sagte, die Stellungen seien zerstört worden. „Wir schützen die "
        "Zivilisten.“ Dabei seien nach Angaben von Anwohnern auch Häuser getroffen worden.\n\n"
        "Eine Einigung sei nahe, sagte Vermittler Karim Said. Die Gespräche dürften dennoch lange dauern.",
        title="Kämpfe",
        language="de",
    )
    assert given(result, "Wir schützen die Zivilisten") == "Omar Nasser"
    assert not any(s.speaker_person for s in result.statements if "auch Häuser getroffen" in s.text)
    assert not any(s.speaker_person for s in result.statements if "dürften dennoch" in s.text)


def test_an_unnamed_spokesman_of_a_body_not_in_the_table_is_no_person_but_the_body_its_name_makes():
    result = extract(
        "Peking – Die Zölle blieben, sagte Handelskommissarin Lena Berg. Ein Sprecher des chinesischen "
        "Handelsministeriums sagte in Peking, die EU betreibe Protektionismus. Das Gesundheitsministerium "
        "sprach von Verletzten. Die Folgen seien ernst, sagte Berg der «Wirtschaftswoche».",
        title="Zölle",
        language="de",
    )
    # "-ministerium" makes the body an organisation (organisations.structural_spans): its spokesman speaks for it
    assert given(result, "die EU betreibe Protektionismus") == "Handelsministerium"
    assert given(result, "Die Folgen seien ernst") == "Lena Berg"
    assert {p.name for p in result.people} == {"Lena Berg"}


def test_a_name_between_commas_speaks_and_the_words_may_follow_the_speaker():
    result = extract(
        "Bern – Ein Mitglied der Regierung, Lea Amsler, sagte der Nachrichtenagentur SDA, die Schweiz bleibe "
        "neutral. Auf die Frage, ob Bern Waffen liefern werde, sagte Amsler, darüber entscheide das Parlament.",
        title="Neutralität",
        language="de",
    )
    assert given(result, "die Schweiz bleibe neutral") == "Lea Amsler"
    assert given(result, "darüber entscheide das Parlament") == "Lea Amsler"
    assert not any("Auf die Frage" in s.text for s in result.statements)


def test_words_after_the_speaker_need_a_konjunktiv_not_a_circumstance():
    result = extract(
        "Rom – Die Lage sei ernst, sagte Minister Paolo Neri am Montag, einen Tag nach der Wahl.",
        title="Wahl",
        language="de",
    )
    assert given(result, "Die Lage sei ernst") == "Paolo Neri"


def test_a_role_or_pronoun_after_the_words_is_not_the_person_named_in_them():
    result = extract(
        "Wien – Kanzler Karl Nehammer verteidigte den Plan. Er wolle am 15. Januar entscheiden, sagte der "
        "ÖVP-Politiker. Den Vizekanzler Werner Kogler griff er an: „Er hat uns blockiert.“\n\n"
        "Kogler wies das zurück. Nehammer habe ihn getäuscht, sagte der Grünen-Chef.",
        title="Plan",
        language="de",
    )
    assert given(result, "Er wolle am 15. Januar entscheiden") == "Karl Nehammer"
    assert given(result, "Er hat uns blockiert") == "Karl Nehammer"
    assert given(result, "Nehammer habe ihn getäuscht") == "Werner Kogler"
