"""German speakers where a guess would be wrong (issue 19, precision): words left unresolved rather
than given to the last person named, and people read where a noun stands before their name."""

from __future__ import annotations

from archive.extraction import extract

from .speech import given


def test_a_noun_after_an_adjective_is_no_person_and_its_words_stay_unresolved():
    result = extract(
        "Rom – Ministerpräsident Carlo Bruni sagte, Italien sei bereit. Aus italienischen Regierungskreisen "
        "hieß es, die Gespräche dauerten an. Ein hoher EU-Beamter sagte, eine Einigung sei nah.",
        title="Gespräche",
        language="de",
    )
    names = {p.name for p in result.people}
    assert names == {"Carlo Bruni"}
    for words in ("die Gespräche dauerten an", "eine Einigung sei nah"):
        statement = next(s for s in result.statements if words in s.text)
        assert statement.speaker_person is None and statement.speaker_label


def test_a_noun_between_an_article_and_a_full_name_is_not_part_of_the_name():
    result = extract(
        "Bonn – Der frühere Finanzminister Otto Brandt äußerte sich zurückhaltend. Die SPD-Haushälterin "
        "Paula Kern kritisierte, das Geld fehle an anderer Stelle. Der Haushalt sei unsolide, sagte sie. Sein "
        "Biograf Peter Lang sagte, Brandt habe nie Schulden gemocht.",
        title="Haushalt",
        language="de",
    )
    names = {p.name for p in result.people}
    assert {"Paula Kern", "Peter Lang"} <= names
    bodies = extract(
        "Bonn – Der Bundesverband Deutscher Banken erklärte, die Zinsen seien zu hoch. Die Freie Demokratische "
        "Partei erklärte, sie lehne das ab.",
        title="Zinsen",
        language="de",
    )
    assert not bodies.people
    assert given(result, "das Geld fehle an anderer Stelle") == "Paula Kern"
    assert given(result, "Der Haushalt sei unsolide") == "Paula Kern"
    assert given(result, "Brandt habe nie Schulden gemocht") == "Peter Lang"


def test_a_relative_clause_after_a_verbs_object_is_no_reported_speech():
    result = extract(
        "Genf – Die Direktorin Maria Costa verwies auf ein Abkommen, das sie im Mai in Rom mit dem Minister "
        "unterzeichnet hatte. Es sei ein Anfang, sagte Costa.",
        title="Abkommen",
        language="de",
    )
    assert not any("das sie im Mai" in s.text for s in result.statements)
    assert given(result, "Es sei ein Anfang") == "Maria Costa"


def test_a_role_introduced_unnamed_is_not_the_last_person_named():
    result = extract(
        "Wien – Der Außenminister Karl Huber sagte, die Verhandlungen seien schwierig. Ein westlicher "
        "Diplomat sagte, die Europäer blieben hart. Der Druck müsse bleiben, sagte der Diplomat.",
        title="Verhandlungen",
        language="de",
    )
    statement = next(s for s in result.statements if "Der Druck müsse bleiben" in s.text)
    assert statement.speaker_person is None


def test_a_nationality_adjective_before_a_role_names_the_person_a_nationality_noun_stands_for():
    result = extract(
        "Brüssel – Die lettische Staatssekretärin Ilze Ozola traf die Kommissarin Anna Berg. Am Abend "
        "sprach Ozola noch einmal mit Berg. Sie sei zuversichtlich, sagte die Lettin danach.",
        title="Treffen",
        language="de",
    )
    assert given(result, "Sie sei zuversichtlich") == "Ilze Ozola"


def test_a_pronoun_of_the_other_gender_than_the_person_last_named_stays_unresolved():
    result = extract(
        "Berlin – Der Abgeordnete Michael Brandt rief: „Sie verspielen unsere Zukunft!“ Die Ausschüsse "
        "berieten danach weiter. Die Vorlage sei unseriös, sagte sie.",
        title="Debatte",
        language="de",
    )
    statement = next(s for s in result.statements if "Die Vorlage sei unseriös" in s.text)
    assert statement.speaker_person is None


def test_an_indirect_question_in_the_agencys_voice_does_not_go_on_with_the_speaker():
    result = extract(
        "Berlin – Regierungssprecher Paul Weber sagte, Israel müsse mehr Hilfe zulassen. Ob die Regierung "
        "Exporte stoppen werde, ließ er offen. Wann die Lieferungen wieder aufgenommen würden, sei noch "
        "unklar, sagte er später.",
        title="Hilfe",
        language="de",
    )
    assert not any("Exporte stoppen werde" in s.text for s in result.statements)
    assert given(result, "wieder aufgenommen würden") == "Paul Weber"


def test_a_question_put_to_the_speaker_is_not_their_words():
    result = extract(
        "Berlin – Die Sprecherin Anna Vogt sagte, die Koalition arbeite gut zusammen. Auf Nachfrage, ob "
        "der Kanzler mit dem Minister Jan Ott zufrieden sei, sagte sie, die Frage stelle sich nicht. Auf "
        "die Frage, ob Neuwahlen drohten, antwortete sie nicht.",
        title="Koalition",
        language="de",
    )
    assert not any("mit dem Minister Jan Ott zufrieden" in s.text for s in result.statements)
    assert not any("Neuwahlen drohten" in s.text for s in result.statements)
    assert given(result, "die Frage stelle sich nicht") == "Anna Vogt"


def test_a_role_of_the_other_gender_is_not_the_person_named_with_that_role():
    result = extract(
        "Prag – Außenminister Karel Novak traf die Kommissarin Eva Dvořák. Die Gespräche seien offen gewesen, "
        "sagte der Minister.\n\nStaatssekretärin Jana Horak sprach mit Novak. Man sei sich nähergekommen, "
        "sagte die Ministerin.",
        title="Gespräche",
        language="de",
    )
    assert given(result, "Die Gespräche seien offen") == "Karel Novak"
    statement = next(s for s in result.statements if "Man sei sich nähergekommen" in s.text)
    assert statement.speaker_person is None


def test_a_pronoun_after_a_sentence_naming_two_people_is_the_one_that_agrees_or_no_one():
    result = extract(
        "Berlin – Bundeskanzler Karl Weber empfing am Montag den französischen Präsidenten Luc Martin. Er "
        "sagte, beide Länder stünden fest zusammen.\n\n"
        "Kanzlerin Anna Roth traf später Präsident Luc Martin. Sie sagte, Europa müsse handeln. Die Gespräche "
        "seien gut gewesen, sagte die 61-Jährige.",
        title="Besuch",
        language="de",
    )
    statement = next(s for s in result.statements if "beide Länder stünden" in s.text)
    assert statement.speaker_person is None
    assert given(result, "Europa müsse handeln") == "Anna Roth"
    assert given(result, "Die Gespräche seien gut") == "Anna Roth"


def test_after_a_fronted_adverbial_the_speaker_follows_the_verb():
    result = extract(
        "Paris – Nach dem Treffen mit Präsident Luc Martin sagte Kanzler Karl Weber, Europa müsse "
        "zusammenstehen. Im Gespräch mit Weber betonte Martin: „Wir sind bereit, mehr zu tun.“ Am Abend "
        "sagte die Regierungssprecherin Eva Stein, die Gespräche gingen weiter.",
        title="Treffen",
        language="de",
    )
    assert given(result, "Europa müsse zusammenstehen") == "Karl Weber"
    assert given(result, "Wir sind bereit") == "Luc Martin"
    assert given(result, "die Gespräche gingen weiter") == "Eva Stein"


def test_a_quotation_after_a_clause_naming_two_people_and_no_reporting_verb_is_no_ones():
    result = extract(
        "Rom – Ministerpräsident Carlo Bruni widersprach Präsident Luc Martin: „Das ist der falsche Weg für Europa.“",
        title="Streit",
        language="de",
    )
    statement = next(s for s in result.statements if "der falsche Weg" in s.text)
    assert statement.speaker_person is None


def test_words_ending_with_a_name_before_the_reporting_verb_are_still_words():
    result = extract(
        "Berlin – Kanzler Karl Weber wies die Kritik zurück. Er habe großen Respekt vor Ministerin Anna Roth, "
        "sagte der Kanzler. Die Fraktionschefin, Eva Stein, sagte, man werde eine Lösung finden.",
        title="Streit",
        language="de",
    )
    assert given(result, "Er habe großen Respekt vor Ministerin Anna Roth") == "Karl Weber"
    assert given(result, "man werde eine Lösung finden") == "Eva Stein"


def test_reported_speech_goes_on_with_any_konjunktiv_i_verb_but_not_the_simple_past():
    result = extract(
        "Kiel – Die Ministerin Eva Stein sagte, die Lage sei ernst. Die Regierung erwäge neue Schritte. Die "
        "Armee meldete am Abend neue Angriffe. Der Konflikt wurde am Montag schärfer.\n\n"
        "Der Minister Jan Ott sagte, man sei bereit. Das Treffen wäre das erste seit drei Jahren.",
        title="Lage",
        language="de",
    )
    assert given(result, "Die Regierung erwäge neue Schritte") == "Eva Stein"
    assert not any("Armee meldete" in s.text or "Konflikt wurde" in s.text for s in result.statements)
    assert not any("Das Treffen wäre" in s.text for s in result.statements)


def test_an_interview_in_questions_and_answers_gives_the_answers_to_the_person_asked():
    result = extract(
        "Berlin – Der Minister Karl Weber hat im Interview über die Lage gesprochen.\n\n"
        "Frage: Herr Weber, Kanzlerin Anna Roth sagte, die Lage sei ernst. Stimmen Sie zu?\n\n"
        "Antwort: Ja. Wir müssen die Bundeswehr schneller stärken.\n\n"
        "Frage: Was heißt das konkret?\n\n"
        "Antwort: Mehr Geld, weniger Bürokratie und klare Ziele.\n\n"
        "Hintergrund: Die Regierung erwäge neue Schritte, sagte die Sprecherin Eva Stein.",
        title="Interview",
        language="de",
    )
    assert given(result, "Wir müssen die Bundeswehr schneller stärken") == "Karl Weber"
    assert given(result, "weniger Bürokratie") == "Karl Weber"
    assert not any("die Lage sei ernst" in s.text for s in result.statements)
    assert given(result, "Die Regierung erwäge neue Schritte") == "Eva Stein"


def test_telling_and_the_present_tense_report_speech():
    result = extract(
        "Kiew – Die Abgeordnete Olena Kowal war zwei Jahre an der Front. «Der Kommandeur sagte: ‹Wir "
        "halten die Stellung, koste es, was es wolle›», erzählte sie. Die Lage werde jeden Tag schwieriger, "
        "sagt Kowal.",
        title="Front",
        language="de",
    )
    assert given(result, "Der Kommandeur sagte") == "Olena Kowal"
    assert given(result, "Die Lage werde jeden Tag schwieriger") == "Olena Kowal"


def test_a_role_named_after_the_words_is_someone_with_that_role():
    result = extract(
        "Wien – Die Lage sei ernst, sagte der Minister. Er traf später Präsidentin Eva Stein.\n\n"
        "Man sei zu Gesprächen bereit, sagte der Minister. Außenminister Karl Weber reist am Abend ab.",
        title="Lage",
        language="de",
    )
    statement = next(s for s in result.statements if "Die Lage sei ernst" in s.text)
    assert statement.speaker_person is None
    assert given(result, "Man sei zu Gesprächen bereit") == "Karl Weber"


def test_a_plural_verb_with_sie_is_no_one_person():
    result = extract(
        "Prag – Außenministerin Anna Roth traf ihre Amtskollegen aus Polen und Frankreich. Die Lage sei "
        "ernst, sagten sie nach dem Treffen. Sie erklärten, man werde enger zusammenarbeiten. Man sei sich "
        "einig, sagte sie.",
        title="Treffen",
        language="de",
    )
    for words in ("Die Lage sei ernst", "man werde enger zusammenarbeiten"):
        statement = next(s for s in result.statements if words in s.text)
        assert statement.speaker_person is None
    assert given(result, "Man sei sich einig") == "Anna Roth"


def test_an_economist_a_shout_and_so_with_a_long_speaker_phrase():
    result = extract(
        "Kiel – Der Präsident des Instituts, Jan Brock, hält die Folgen für beherrschbar. Die Zölle kosteten "
        "wenig, sagte der Ökonom. Die Industrie verliere Milliarden, so die Präsidentin des Verbands VDX, Eva "
        "Stein.\n\nDer Abgeordnete Ralf Kühn widersprach. „Sie verspielen die Zukunft“, rief er.",
        title="Zölle",
        language="de",
    )
    assert given(result, "Die Zölle kosteten wenig") == "Jan Brock"
    assert given(result, "Die Industrie verliere Milliarden") == "Eva Stein"
    assert given(result, "Sie verspielen die Zukunft") == "Ralf Kühn"


def test_a_title_in_quotation_marks_after_the_verb_is_part_of_the_speaker_phrase():
    result = extract(
        "Nuuk – Regierungschef Aqqa Lund sagte dem Blatt «Nuuk Posten», sein Volk wolle frei entscheiden. Die "
        "Jungen würden das nicht mittragen, sagte Parteichef Nils Berg der „Bild“-Zeitung.",
        title="Grönland",
        language="de",
    )
    assert given(result, "sein Volk wolle frei entscheiden") == "Aqqa Lund"
    assert given(result, "Die Jungen würden das nicht mittragen") == "Nils Berg"


def test_a_call_in_an_infinitive_clause_is_no_reported_speech():
    result = extract(
        "Warschau – Außenminister Adam Nowak schrieb, Moskau müsse zur Rechenschaft gezogen werden. Er rief die "
        "EU auf, die Sanktionen zu verschärfen. Nowak kündigte an, im Herbst nach Kiew zu reisen.",
        title="Sanktionen",
        language="de",
    )
    assert not any("die Sanktionen zu verschärfen" in s.text for s in result.statements)
    assert given(result, "im Herbst nach Kiew zu reisen") == "Adam Nowak"


def test_a_quotation_running_over_two_paragraphs_is_the_speakers_before_it():
    result = extract(
        "Vilnius – Präsidentin Rasa Kalnė warnte vor Einflussnahme, wie sie im Interview mit dem Sender LRT "
        "sagte. Russland gebe Millionen aus, sagte Kalnė.\n\n"
        "„Wir sehen bezahlte Netzwerke und Falschnachrichten in einem nie gekannten Ausmaß.\n\n"
        "Aber die Menschen hier sind nicht naiv, sie wissen, wohin sie gehören.“\n\n"
        "„Ohne Absender und ohne Datum kursiert seit Tagen ein Aufruf zu Protesten in der Hauptstadt.“",
        title="Wahl",
        language="de",
    )
    assert given(result, "Wir sehen bezahlte Netzwerke") == "Rasa Kalnė"
    assert given(result, "Aber die Menschen hier sind nicht naiv") == "Rasa Kalnė"
    assert next(s for s in result.statements if "Ohne Absender" in s.text).speaker_person is None


def test_a_name_closing_an_unnamed_speaker_phrase_after_a_comma_is_the_speaker():
    result = extract(
        "Rom – Die Darstellung sei falsch, sagte eine Sprecherin des Ministeriums in Rom, Lucia Bassi. Man "
        "prüfe alles, sagte ein Sprecher der Regierung am Abend.",
        title="Streit",
        language="de",
    )
    assert given(result, "Die Darstellung sei falsch") == "Lucia Bassi"
    assert next(s for s in result.statements if "Man prüfe alles" in s.text).speaker_person is None


def test_a_pronoun_after_a_body_opening_a_sentence_is_not_the_person_named_before():
    result = extract(
        "Bonn – Außenminister Karl Weber kritisierte den Konzern. Der Konzern wies die Vorwürfe zurück. Man "
        "halte sich an alle Gesetze, sagte er.\n\n"
        "Ministerin Anna Roth lobte die Kommission. Die Kommission verteidigte ihre Pläne. Sie seien "
        "notwendig, sagte sie.\n\n"
        "Kanzler Jan Ott traf die Präsidentin. Der Kanzler wies die Kritik zurück. Man sei einig, sagte er.",
        title="Kritik",
        language="de",
    )
    for words in ("Man halte sich an alle Gesetze", "Sie seien notwendig"):
        assert next(s for s in result.statements if words in s.text).speaker_person is None
    assert given(result, "Man sei einig") == "Jan Ott"


def test_a_plural_subject_since_the_person_does_not_keep_the_pronoun_from_them():
    result = extract(
        "Oslo – Ministerin Anna Roth traf den Premier. Die Gespräche verliefen gut. Man sei zufrieden, sagte sie.",
        title="Treffen",
        language="de",
    )
    assert given(result, "Man sei zufrieden") == "Anna Roth"


def test_a_name_with_a_given_name_or_a_party_in_brackets_is_a_person_and_a_party_role_is_not_another_partys():
    result = extract(
        "Berlin – Anton Hofer (Grüne) kritisierte die Regierung scharf. Das sei Unsinn, sagte der "
        "CDU-Politiker.\n\nFriedrich Kessel sprach von einem Fehler. Die Vorlage sei unausgegoren, sagte der "
        "SPD-Chef.\n\nKarl Brandt (CDU) sagte, man werde zustimmen. Das sei vernünftig, sagte der CDU-Chef.",
        title="Streit",
        language="de",
    )
    assert {"Anton Hofer", "Friedrich Kessel", "Karl Brandt"} <= {p.name for p in result.people}
    assert next(s for s in result.statements if "Das sei Unsinn" in s.text).speaker_person is None
    assert given(result, "Die Vorlage sei unausgegoren") == "Friedrich Kessel"
    assert given(result, "man werde zustimmen") == "Karl Brandt"
    assert given(result, "Das sei vernünftig") == "Karl Brandt"


def test_a_role_of_one_country_is_not_the_person_with_that_role_of_another():
    result = extract(
        "Genf – Der iranische Außenminister Ali Rahimi traf Vertreter der EU. Man sei bereit, sagte der "
        "deutsche Außenminister.\n\nAußenminister Karl Weber reiste ebenfalls an. Es gebe Fortschritte, sagte "
        "der deutsche Außenminister.",
        title="Genf",
        language="de",
    )
    assert next(s for s in result.statements if "Man sei bereit" in s.text).speaker_person is None
    assert given(result, "Es gebe Fortschritte") == "Karl Weber"


def test_a_medium_named_after_its_noun_is_no_person_nor_the_speaker():
    result = extract(
        "Teheran – Der Justizsprecher Karim Amiri verteidigte das Urteil. Der Verurteilte sei ein Spion gewesen, "
        "wie Amiri laut der Nachrichtenagentur Irna sagte. Ohne Hilfe werde es eine Hungersnot geben, warnte "
        "die Helferin Lena Roth im Gespräch mit dem Sender Phoenix.",
        title="Urteil",
        language="de",
    )
    names = {p.name for p in result.people}
    assert "Irna" not in names and "Phoenix" not in names
    assert given(result, "Der Verurteilte sei ein Spion") == "Karim Amiri"


def test_speaking_with_someone_about_something_is_no_reported_speech():
    result = extract(
        "Oslo – Der Minister Jon Berg ist seit Februar im Amt. Mit der Deutschen Presse-Agentur sprach er über "
        "die Ukraine, die USA und die Rolle Deutschlands. Bei einem Treffen sprach Berg von einem wichtigen "
        "Signal, Europa müsse mehr tun.",
        title="Interview",
        language="de",
    )
    assert not any("die USA und die Rolle" in s.text and s.speaker_person for s in result.statements)
    assert given(result, "Europa müsse mehr tun") == "Jon Berg"


def test_an_adverb_opening_the_sentence_is_no_speaker():
    result = extract(
        "Kopenhagen – Die Regierungschefin Mette Lund sprach von einem Angriff. Wörtlich sagte Lund am "
        "Donnerstag: „Wir werden uns nicht einschüchtern lassen.“",
        title="Drohnen",
        language="de",
    )
    assert "Wörtlich" not in {p.name for p in result.people}
    assert given(result, "Wir werden uns nicht einschüchtern lassen") == "Mette Lund"


def test_a_pronoun_after_someone_named_but_not_known_as_a_person_stays_unresolved():
    result = extract(
        "Berlin – Der SPD-Politiker Ralf Stegner sagte, man müsse mit Russland reden. Widerspruch kam "
        "von Roderich Kiesewetter. Er sagte, das sei naiv. Kritik kam auch von der Deutschen Bank. "
        "Stegner bekräftigte seine Haltung. Er sagte, Diplomatie sei nie naiv.",
        title="Streit",
        language="de",
    )
    assert given(result, "man müsse mit Russland reden") == "Ralf Stegner"
    assert given(result, "das sei naiv") == "[Er]"  # Kiesewetter, perhaps: not Stegner
    assert given(result, "Diplomatie sei nie naiv") == "Ralf Stegner"  # a body after its article is no one


def test_a_party_role_after_someone_named_but_not_known_as_a_person_stays_unresolved():
    result = extract(
        "Berlin – Kanzler Friedrich Merz sagte, die Lage sei ernst. Am Nachmittag traf er Roderich "
        "Kubicki. Der FDP-Politiker sagte anschließend, man sei sich einig.",
        title="Treffen",
        language="de",
    )
    assert given(result, "die Lage sei ernst") == "Friedrich Merz"
    assert given(result, "man sei sich einig") == "[Der FDP-Politiker]"


def test_words_whose_speaker_the_next_sentence_names_are_that_speakers():
    result = extract(
        "Beirut – Die Lage sei stabil, sagte Präsident Karim Aoun. Die Miliz müsse entwaffnet werden. Das sagte "
        "Ministerpräsident Nabil Salam am Abend. Deutschland werde beim Wiederaufbau helfen. Das sagte "
        "Außenminister Jan Wadel der Deutschen Presse-Agentur.",
        title="Libanon",
        language="de",
    )
    assert given(result, "Die Lage sei stabil") == "Karim Aoun"
    assert given(result, "Die Miliz müsse entwaffnet werden") == "Nabil Salam"
    assert given(result, "Deutschland werde beim Wiederaufbau helfen") == "Jan Wadel"


def test_the_narrators_conditional_after_a_condition_does_not_go_on_with_the_speaker():
    result = extract(
        "Brüssel – Europa müsse handlungsfähiger werden, sagte Kanzler Karl Brenner. Für eine Änderung der "
        "Verträge müssten allerdings alle Staaten zustimmen. Die Partner müssten sich auf die EU verlassen "
        "können, sagte Brenner. Beide Seiten müssten sich an die Regeln halten.",
        title="Gipfel",
        language="de",
    )
    assert given(result, "Europa müsse handlungsfähiger werden") == "Karl Brenner"
    assert not any("Für eine Änderung der Verträge" in s.text for s in result.statements)
    assert given(result, "Beide Seiten müssten sich an die Regeln") == "Karl Brenner"


def test_a_lone_quote_before_a_sentence_opening_with_someone_else_is_not_the_last_speakers():
    result = extract(
        "Berlin – „Das ist ein guter Tag“, sagte Kanzler Karl Brenner. „Das ist Stückwerk und eine Belastung "
        "für die Jungen.“ Der JU-Vorsitzende Jonas Winter widersprach damit dem Kanzler. „Wir bleiben dabei“, "
        "sagte Brenner. „Jeder Tag zählt für die Rentner.“ Das Paket soll im Januar in Kraft treten.",
        title="Rente",
        language="de",
    )
    assert given(result, "Das ist ein guter Tag") == "Karl Brenner"
    assert not next(s for s in result.statements if "Das ist Stückwerk" in s.text).speaker_person
    assert given(result, "Jeder Tag zählt für die Rentner") == "Karl Brenner"


def test_a_subject_between_the_auxiliary_and_the_participle_after_a_fronted_word_is_the_speaker():
    result = extract(
        "Berlin – Der Kanzler Karl Brenner sagte, er sei zufrieden. Zuvor hatte Söder erklärt, die CSU trage "
        "den Kompromiss mit.",
        title="Rente",
        language="de",
    )
    assert given(result, "die CSU trage den Kompromiss mit") != "Karl Brenner"
    pronoun = extract(
        "Berlin – Der Kanzler Karl Brenner sagte, er sei zufrieden. Zuvor hatte er erklärt, das dauere.",
        title="Rente",
        language="de",
    )
    assert given(pronoun, "das dauere") == "Karl Brenner"


def test_an_adverb_of_contrast_between_subject_and_verb_keeps_the_subject_the_speaker():
    result = extract(
        "Berlin – Scholz betonte: „Wir stehen zur Ukraine.“ Merz dagegen sagte im Bundestag: „Das reicht "
        "nicht.“ „Wir müssen mehr tun, und zwar schnell“, fügte der CDU-Chef hinzu.",
        title="Debatte",
        language="de",
    )
    assert given(result, "Das reicht nicht") == "Merz"
    assert given(result, "Wir müssen mehr tun") == "Merz"


def test_an_office_the_person_last_named_does_not_hold_is_not_theirs():
    result = extract(
        "Kiew – Der Bürgermeister Viktor Kolesnyk sagte, die Stadt sei vorbereitet. Die Front halte, sagte der "
        "Präsident. Der Regierungssprecher Jan Moll sagte, der Kanzler reise nach Kiew. Man werde über Hilfe "
        "sprechen, sagte der Kanzler. Verteidigungsminister Paul Brand besuchte die Truppe. Die Lage sei ernst, "
        "sagte der SPD-Politiker.",
        title="Besuch",
        language="de",
    )
    assert given(result, "die Stadt sei vorbereitet") == "Viktor Kolesnyk"
    assert given(result, "Die Front halte") == "[der Präsident.]"
    assert given(result, "Man werde über Hilfe sprechen") == "[der Kanzler.]"
    assert given(result, "Die Lage sei ernst") == "Paul Brand"  # a party's politician: anyone, so him


def test_a_relative_clauses_reporting_verb_is_the_antecedents_not_the_sentences_subject():
    result = extract(
        "Berlin – Die Ministerin Anna Kern traf den Präsidenten Petro Melnyk, der sagte, die Ukraine brauche "
        "Hilfe. Die Ministerin Anna Kern traf einen Gesandten, der sagte, man sei dankbar.",
        title="Besuch",
        language="de",
    )
    assert given(result, "die Ukraine brauche Hilfe") == "Petro Melnyk"
    assert not next(s for s in result.statements if "man sei dankbar" in s.text).speaker_person


def test_a_quotation_running_over_paragraphs_is_not_the_last_speakers_when_its_end_names_another():
    text = (
        "Berlin – Kanzler Karl Brenner sagte, die Lage sei ernst.\n\n„Wir dürfen nicht wegsehen. Die Demokratie "
        "ist in Gefahr.\n\n„Jeder von uns ist gefordert“, sagte Bundespräsident Paul {name}."
    )
    other = extract(text.format(name="Wendt"), title="Rede", language="de")
    assert not any("Wir dürfen nicht wegsehen" in s.text and s.speaker_person for s in other.statements)
    assert given(other, "Jeder von uns ist gefordert") == "Paul Wendt"
    same = extract(
        "Berlin – Kanzler Karl Brenner sagte, die Lage sei ernst.\n\n„Wir dürfen nicht wegsehen. Die Demokratie "
        "ist in Gefahr.\n\n„Jeder von uns ist gefordert“, sagte Brenner.",
        title="Rede",
        language="de",
    )
    assert given(same, "Wir dürfen nicht wegsehen") == "Karl Brenner"


def test_someone_of_a_person_is_not_that_person():
    story = "Berlin – Kanzler Olaf {} reist nach Kiew. Die Reise sei lange geplant, sagte {}."
    for name, phrase in (
        ("Brenner", "ein Vertrauter des Kanzlers"),
        ("Brenner", "Brenners Sprecher"),
        ("Kranz", "Kranz' Ehefrau Britta Lenz"),
    ):
        result = extract(story.format(name, phrase), title="Reise", language="de")
        assert given(result, "Die Reise sei lange geplant") != f"Olaf {name}", phrase
        assert {p.name for p in result.people} <= {f"Olaf {name}", "Britta Lenz"}, phrase
    umfeld = extract(
        "Berlin – Kanzler Olaf Brenner reist nach Kiew. Die Reise sei geplant, hieß es aus dem Umfeld des Kanzlers.",
        title="Reise",
        language="de",
    )
    assert given(umfeld, "Die Reise sei geplant") != "Olaf Brenner"


def test_the_audience_after_the_speaker_is_not_part_of_the_name():
    result = extract(
        "Berlin – Kanzler Olaf Brenner reist nach Kiew. Die Reise sei lange geplant, sagte Brenner Journalisten "
        "in Berlin.",
        title="Reise",
        language="de",
    )
    assert given(result, "Die Reise sei lange geplant") == "Olaf Brenner"
    assert {p.name for p in result.people} == {"Olaf Brenner"}


def test_a_konjunktiv_sentence_naming_its_own_speaker_with_an_unlisted_verb_is_theirs():
    result = extract(
        "Berlin – Die Lage sei ernst, sagte Kanzler Karl Brenner. Die Regierung müsse jetzt handeln, forderte "
        "CSU-Chef Max Huber. Das Geld fehle, gab er zu bedenken. Man werde sehen, letzte Woche sei es besser "
        "gewesen. Solange nichts geschehe, werde Bayern klagen.",
        title="Streit",
        language="de",
    )
    assert given(result, "Die Lage sei ernst") == "Karl Brenner"
    assert given(result, "Die Regierung müsse jetzt handeln") == "Max Huber"
    assert given(result, "Das Geld fehle") == "Max Huber"


def test_a_capitalised_particle_before_der_is_part_of_the_name_and_its_short_form_the_same_person():
    result = extract(
        "Wien – Bundespräsident Rudolf Van der Meeren mahnte zur Eile. „Die Leute wollen Antworten“, sagte Van der "
        "Meeren am Dienstag. Es gehe um Vertrauen.",
        title="Mahnung",
        language="de",
    )
    assert {p.name for p in result.people} == {"Rudolf Van der Meeren"}
    assert given(result, "Die Leute wollen Antworten") == "Rudolf Van der Meeren"
    assert given(result, "Es gehe um Vertrauen") == "Rudolf Van der Meeren"


def test_a_noun_after_a_reporting_verb_whose_subject_is_named_before_it_is_its_object_not_a_speaker():
    result = extract(
        "Kassel – Oberbürgermeister Peter Haller (SPD) kündigte Nothilfen an. Der Kreis lasse niemanden allein, "
        "sagte der SPD-Politiker. Ökonom Jan Weber mahnte Investitionen an. Ohne sie werde es teuer, sagte der Ökonom.",
        title="Hilfe",
        language="de",
    )
    assert {p.name for p in result.people} == {"Peter Haller", "Jan Weber"}
    assert given(result, "Der Kreis lasse niemanden allein") == "Peter Haller"
    assert given(result, "Ohne sie werde es teuer") == "Jan Weber"


def test_a_place_after_an_acronym_before_a_reporting_verb_is_a_bodys_not_a_person():
    result = extract(
        "Bonn – Nach dem Erdrutsch wird weiter gesucht. Ein Forscher von der TU Dresden sagte, weitere Rutschungen "
        "seien möglich.",
        title="Erdrutsch",
        language="de",
    )
    assert not result.people
    assert given(result, "weitere Rutschungen seien möglich") != "Dresden"


def test_a_pronoun_after_a_sentence_opened_by_a_role_stands_for_the_roles_holder():
    result = extract(
        "Rom – Kanzler Paul Berger traf den italienischen Regierungschef Marco Conti. Berger sagte, man sei sich "
        "einig. Der italienische Regierungschef widersprach nicht. „Wir stehen zusammen“, sagte er.",
        title="Treffen",
        language="de",
    )
    assert given(result, "man sei sich einig") == "Paul Berger"
    assert given(result, "Wir stehen zusammen") == "Marco Conti"


def test_a_company_or_news_agency_named_bare_speaks_as_a_body_not_a_person():
    result = extract(
        "Peking – Xinhua berichtete, die Gespräche seien gut verlaufen. Der Autobauer Volkswagen erweitert sein "
        "Werk. Die Nachfrage sei stark, teilte Volkswagen am Montag mit. Bosch bestätigte, man liefere die Teile.",
        title="Handel",
        language="de",
    )
    assert not result.people
    assert given(result, "die Gespräche seien gut verlaufen") == "Xinhua"
    assert given(result, "Die Nachfrage sei stark") == "Volkswagen"
    assert given(result, "man liefere die Teile") == "Bosch"


def test_a_companys_name_after_a_given_name_is_a_persons_surname():
    result = extract(
        "München – Der Unternehmer Thomas Siemens sagte, die Firma bleibe in Familienhand. Die Nachfolge sei "
        "geregelt, sagte Siemens.",
        title="Nachfolge",
        language="de",
    )
    assert {p.name for p in result.people} == {"Thomas Siemens"}
    assert given(result, "Die Nachfolge sei geregelt") == "Thomas Siemens"


def test_someone_of_a_named_person_speaks_not_that_person():
    result = extract(
        "Berlin – Parteichef Max Horn schwieg am Montag. Ein Vertrauter von Parteichef Max Horn sagte, man werde "
        "sich einigen. Der Anwalt von Max Horn sagte, die Vorwürfe seien haltlos.",
        title="Streit",
        language="de",
    )
    assert given(result, "man werde sich einigen") != "Max Horn"
    assert given(result, "die Vorwürfe seien haltlos") != "Max Horn"


def test_the_subject_of_two_joined_verbs_says_the_quote_not_the_first_verbs_object():
    result = extract(
        "Berlin – Die Kanzlerin Anna Berg sprach lange. Der CSU-Chef Max Horn zitierte Berg später mit den Worten "
        "„Wir sind stark“ und fügte hinzu: „Wir brauchen sie in Berlin noch sehr lange.“",
        title="Lob",
        language="de",
    )
    assert given(result, "Wir brauchen sie in Berlin") == "Max Horn"


def test_a_person_after_a_preposition_before_a_colon_is_not_who_speaks():
    result = extract(
        "Berlin – Kanzlerin Anna Berg hatte die Hilfe gestoppt. In einem offenen Brief an Berg forderten mehrere "
        "Verbände: „Nehmen Sie die Kürzungen sofort zurück.“",
        title="Brief",
        language="de",
    )
    assert given(result, "Nehmen Sie die Kürzungen") != "Anna Berg"


def test_a_noun_and_a_name_after_an_article_are_someone_unknown_so_a_nationality_noun_stays_unresolved():
    result = extract(
        "Köln – „Wir haben sehr gut gespielt“, sagte Hjelm. Sein Gegenüber Jesper Nyborg war enttäuscht. Man habe "
        "zu viele Chancen vergeben, sagte der Däne.",
        title="Spiel",
        language="de",
    )
    assert given(result, "Man habe zu viele Chancen") != "Hjelm"


def test_a_noun_after_a_persons_name_in_the_genitive_is_someone_of_theirs():
    result = extract(
        "Berlin – Kanzler Karl Brenner ist erkrankt. Kanzler Karl Brenners Sprecherin sagte, der Kanzler sei auf "
        "dem Weg der Besserung.",
        title="Krank",
        language="de",
    )
    statement = next(s for s in result.statements if "der Kanzler sei auf dem Weg" in s.text)
    assert statement.speaker_person is None


def test_a_role_with_von_before_another_persons_role_and_name_is_not_that_person():
    result = extract(
        "Berlin – Kanzler Karl Brenner ist erkrankt. Die Sprecherin von Kanzler Karl Brenner sagte, er sei auf dem "
        "Weg der Besserung.",
        title="Krank",
        language="de",
    )
    assert given(result, "er sei auf dem Weg") != "Karl Brenner"


def test_a_companys_name_after_a_given_name_and_a_particle_is_a_persons_surname():
    result = extract(
        "München – Der Erfinder Werner von Siemens sagte einst, die Technik diene dem Menschen.",
        title="Erfinder",
        language="de",
    )
    assert given(result, "die Technik diene dem Menschen") == "Werner von Siemens"
    assert not result.organisations


def test_a_swiss_cantons_or_austrian_states_people_noun_stands_for_the_person_named_before():
    result = extract(
        "Bern – Aussenminister Ignazio Rossi sprach vor den Medien. Offene Punkte gebe es noch beim Lohnschutz, "
        "räumte der Tessiner ein.",
        title="Abkommen",
        language="de",
    )
    assert given(result, "Offene Punkte gebe es noch") == "Ignazio Rossi"


def test_a_places_people_noun_before_a_noun_is_an_adjective_and_no_one_speaking():
    result = extract(
        "Zürich – Parteichef Gerhard Huber sagte, er akzeptiere den Entscheid. Die «Aargauer Zeitung» schreibt: "
        "«Die Stadt hat das Land überstimmt.»",
        title="Presse",
        language="de",
    )
    assert given(result, "Die Stadt hat das Land") != "Gerhard Huber"


def test_an_interview_under_the_papers_name_and_the_speakers_surname_gives_the_answers_to_the_speaker():
    result = extract(
        "Wien – Die Ministerin Eva Lindner über das Budget und die Opposition.\n\n"
        "STANDARD: Frau Lindner, die Regierung spart beim Klimaticket. Ist das eine rote Linie?\n\n"
        "Lindner: Das Klimaticket ist ein Erfolg, den hunderttausende Menschen jeden Tag nutzen.\n\n"
        "STANDARD: Der Kanzler sagt, alle müssten ihren Beitrag leisten.\n\n"
        "Lindner: Das sagt er gern. Aber bei den Förderungen für Dieselautos wird nicht gespart.",
        title="Interview",
        language="de",
    )
    assert given(result, "Das Klimaticket ist ein Erfolg") == "Eva Lindner"
    assert given(result, "Aber bei den Förderungen") == "Eva Lindner"
    assert not any("Frau Lindner" in s.text and s.speaker_person for s in result.statements)


def test_a_persons_office_or_circle_after_their_name_in_the_genitive_is_no_person_speaking():
    result = extract(
        "Jerusalem – Regierungschef Benjamin Kahan sprach mit dem US-Präsidenten. Israel werde sich verteidigen, "
        "teilte Kahans Büro mit. Aus Kahans Umfeld hieß es, die Reise sei abgesagt.",
        title="Erklärung",
        language="de",
    )
    assert {p.name for p in result.people} == {"Benjamin Kahan"}
    statement = next(s for s in result.statements if "Israel werde sich verteidigen" in s.text)
    assert statement.speaker_person is None


def test_a_name_and_an_apposition_before_the_verb_are_the_speaker_not_a_person_inside_the_apposition():
    result = extract(
        "Berlin – Dr. Anna Berg, Chefärztin der Charité, sagte, die Kliniken seien überlastet. Eva Lindner, "
        "Sprecherin von Kanzler Karl Brenner, sagte, der Kanzler sei gesund.",
        title="Kliniken",
        language="de",
    )
    assert given(result, "die Kliniken seien überlastet") == "Anna Berg"
    assert given(result, "der Kanzler sei gesund") != "Karl Brenner"


def test_an_age_noun_with_the_verbs_particle_after_it_is_the_person_speaking_before():
    result = extract(
        "Brasília – Präsident Paulo Mendes sagte, Brasilien bleibe neutral. „Wir sind mit allen befreundet“, fügte der "
        "79-Jährige hinzu.",
        title="Neutral",
        language="de",
    )
    assert given(result, "Wir sind mit allen befreundet") == "Paulo Mendes"


def test_a_coach_or_captain_before_a_name_is_a_role():
    result = extract(
        "Dortmund – BVB-Trainer Niko Kovac haderte mit dem Schiedsrichter. Vor dem Gegentor habe es ein Foul gegeben, "
        "sagte der Kroate.",
        title="Spiel",
        language="de",
    )
    assert given(result, "Vor dem Gegentor habe es ein Foul") == "Niko Kovac"


def test_a_party_member_noun_after_the_verb_is_that_partys_person_named_before():
    result = extract(
        "Kiel – Die Grünen-Abgeordnete Lena Hartwig warf Ministerin Clara Voss Untätigkeit vor. Das Gesetz komme zu "
        "spät, sagte die Grüne. Der Abgeordnete Jonas Feld (SPD) widersprach. „Wir liefern“, sagte der "
        "Sozialdemokrat. Die Ministerin schwieg. Das sei unseriös, sagte ein CDU-Politiker. Finanzminister Paul "
        "Brück (CDU) sprach im Landtag. Der Plan sei gut, sagte der Sozialdemokrat.",
        title="Gesetz",
        language="de",
    )
    speakers = {s.text: s.speaker_person for s in result.statements}
    assert speakers["Das Gesetz komme zu spät"] == "Lena Hartwig"  # not the minister named last
    assert speakers["Wir liefern"] == "Jonas Feld"
    assert speakers["Das sei unseriös"] is None  # an unnamed member
    assert speakers["Der Plan sei gut"] is None  # a Christian Democrat named last: not him
    assert not {"Grüne", "Sozialdemokrat"} & {w for p in result.people for w in p.name.split()}


def test_a_genitive_s_and_the_noun_after_it_are_not_part_of_a_name():
    result = extract(
        "Bonn – Karl Brenners Partei liegt in Umfragen vorn. Karl Brenner sagte, er sei zufrieden. Die "
        "Opposition warf Karl Brenner Versagen vor. Maria Dorns Rückzug kam überraschend. Kanzlerin Eva Holms "
        "Kabinett berät am Montag.",
        title="Umfragen",
        language="de",
    )
    names = {p.name for p in result.people}
    assert "Karl Brenner" in names
    assert not {"Karl Brenners", "Karl Brenner Versagen", "Maria Dorns Rückzug", "Maria Dorns", "Eva Holms"} & names


def test_a_name_with_particles_or_a_lower_case_article_is_not_cut():
    result = extract(
        "Wien – Bundespräsident Alexander Van der Bellen sagte, er sei besorgt. Alexander Van der Bellen reist "
        "nach Kairo. Dort traf er Abdel Fattah al-Sisi. Abdel Fattah al-Sisi sagte, Ägypten sei bereit.",
        title="Besuch",
        language="de",
    )
    names = {p.name for p in result.people}
    assert {"Alexander Van der Bellen", "Abdel Fattah al-Sisi"} <= names
    assert not {"Alexander Van", "Abdel Fattah"} & names


def test_a_box_of_quotes_gives_each_quote_to_the_name_after_it():
    result = extract(
        "Bern – Der Rat stimmte zu. Ministerin Petra Huber sagte, sie sei zufrieden. Minister Thomas Gerber "
        "sagte, er sei enttäuscht.\n\n"
        "«Das ist ein guter Tag für unser Land und seine Bauern.» Petra Huber (SP), Nationalrätin\n\n"
        "«Wir haben zu viel nachgegeben.» Thomas Gerber (SVP), Nationalrat\n\n"
        "«Das war knapp, sehr knapp sogar, am Ende.» Nach der Abstimmung gingen Huber und Gerber essen.",
        title="Rat",
        language="de",
    )
    speakers = {s.text.rstrip("."): s.speaker_person for s in result.statements}
    assert speakers["Das ist ein guter Tag für unser Land und seine Bauern"] == "Petra Huber"
    assert speakers["Wir haben zu viel nachgegeben"] == "Thomas Gerber"
    assert speakers.get("Das war knapp, sehr knapp sogar, am Ende") is None  # more on the line: no box


def test_a_full_name_with_a_party_in_brackets_and_an_austrian_klubobfrau_are_people():
    result = extract(
        "Wien – Das Budget ist beschlossen. Klubobfrau Lisa Berger kritisierte die Regierung.\n\n"
        "«Die Mitte hat gehalten.» Jonas Wendler (CDU), Generalsekretär",
        title="Budget",
        language="de",
    )
    assert {"Lisa Berger", "Jonas Wendler"} <= {p.name for p in result.people}
    statement = next(s for s in result.statements if "Die Mitte hat gehalten" in s.text)
    assert statement.speaker_person == "Jonas Wendler"


def test_a_surname_with_its_particle_after_the_verb_is_the_person_named_in_full():
    result = extract(
        "Berlin – Fraktionsvize Konrad von Lenz kritisierte die Pläne. „Das ist ein Bruch mit allem, was wir "
        "vereinbart haben“, sagte von Lenz am Abend.",
        title="Pläne",
        language="de",
    )
    statement = next(s for s in result.statements if "Das ist ein Bruch" in s.text)
    assert statement.speaker_person == "Konrad von Lenz"


def test_a_role_noun_names_again_a_person_first_named_by_another_office():
    result = extract(
        "Wien – Bundespräsident Anton Gruber hat den Wahlsieger beauftragt. «Ich habe es mir nicht leicht "
        "gemacht», sagte das Staatsoberhaupt. Oberstaatsanwalt Peter Kunz hatte drei Jahre Haft gefordert. "
        "Der Angeklagte habe das Vertrauen missbraucht, sagte der Ankläger.\n\n"
        "Ministerpräsident Imre Szabo verließ den Saal. Die Entscheidung sei falsch, sagte der ungarische "
        "Regierungschef. Verhandlungsführer Jonas Keller von der IG Metall sprach vor dem Werkstor. Der Konzern "
        "müsse seine Pläne zurücknehmen, sagte der Gewerkschafter. Verteidiger Felix Brand kündigte Berufung an. "
        "Sein Mandant sei erleichtert, sagte der Anwalt.",
        title="Auftrag",
        language="de",
    )
    assert given(result, "Ich habe es mir nicht leicht") == "Anton Gruber"
    assert given(result, "Der Angeklagte habe das Vertrauen") == "Peter Kunz"
    assert given(result, "Die Entscheidung sei falsch") == "Imre Szabo"
    assert given(result, "Sein Mandant sei erleichtert") == "Felix Brand"


def test_a_given_name_and_the_initial_of_a_surname_are_a_defendants_name():
    result = extract(
        "Augsburg – Das Landgericht hat den 58-jährigen Markus B. verurteilt. Markus B. hatte eingeräumt, Geld "
        "angenommen zu haben. „Ich schäme mich dafür“, sagte er. Er habe an das Geschäft geglaubt, sagte "
        "Markus B. in seinem Schlusswort.",
        title="Urteil",
        language="de",
    )
    assert "Markus B." in {p.name for p in result.people}
    assert "Markus" not in {p.name for p in result.people}
    assert given(result, "Ich schäme mich dafür") == "Markus B."
    assert given(result, "Er habe an das Geschäft geglaubt") == "Markus B."


def test_a_role_word_after_a_given_name_is_the_surname():
    result = extract(
        "Karlsruhe – Vizepräsidentin Doris König sagte bei der Verkündung, der Gesetzgeber habe seine Pflicht "
        "verletzt.",
        title="Urteil",
        language="de",
    )
    assert given(result, "der Gesetzgeber habe") == "Doris König"


def test_a_noun_before_a_given_name_is_the_persons_title_and_not_part_of_the_name():
    for title in ("Finanzsenator", "Landeshauptmann", "Personalvorstand", "Bischöfin"):
        result = extract(
            f"Hamburg – {title} Andreas Lehmann sagte am Montag, die Lage sei ernst.",
            title="Lage",
            language="de",
        )
        assert given(result, "die Lage sei ernst") == "Andreas Lehmann", title
    for title in ("Innensenatorin", "Landrätin", "Nationalrätin", "Intendant", "Parteigründerin"):
        result = extract(
            f"Berlin – {title} Iris Kowalczyk sagte am Montag, die Lage sei ernst.",
            title="Lage",
            language="de",
        )
        assert given(result, "die Lage sei ernst") == "Iris Kowalczyk", title


def test_hielt_entgegen_reports_the_speakers_words():
    result = extract(
        "Wien – Staatsanwalt Michael Pichler hielt dem entgegen, das Geld sei von Anfang an in private Ausgaben "
        "geflossen.",
        title="Prozess",
        language="de",
    )
    assert given(result, "das Geld sei von Anfang an") == "Michael Pichler"


def test_a_german_womans_given_name_agrees_with_a_feminine_role():
    result = extract(
        "Augsburg – Die Vorsitzende Richterin Silke Hörmann verkündete das Urteil. Staatsanwalt Peter Kunz "
        "hatte mehr gefordert. Der Angeklagte habe das Vertrauen der Bürger missbraucht, sagte die Richterin.",
        title="Urteil",
        language="de",
    )
    assert given(result, "Der Angeklagte habe das Vertrauen") == "Silke Hörmann"


def test_a_hyphenated_title_before_a_given_name_is_not_part_of_the_name():
    result = extract(
        "München – Bayern-Finanzvorstand Michael Diederich sagte der Zeitung, der Verein stehe gut da. Der "
        "Walliser Nationalrat Philipp Bregy sagte, die Partei sei bereit.",
        title="Verein",
        language="de",
    )
    assert given(result, "der Verein stehe gut da") == "Michael Diederich"
    assert given(result, "die Partei sei bereit") == "Philipp Bregy"


def test_a_noun_after_a_full_name_is_the_verbs_object_when_the_surname_stands_alone_elsewhere():
    result = extract(
        "Magdeburg – Nach dem Anschlag hat Innenministerin Nancy Kessler Aufklärung versprochen. „Wir werden "
        "jeden Stein umdrehen“, sagte Kessler.",
        title="Anschlag",
        language="de",
    )
    assert "Nancy Kessler" in {p.name for p in result.people}
    assert given(result, "Wir werden jeden Stein umdrehen") == "Nancy Kessler"


def test_an_abstract_noun_after_a_full_name_is_the_verbs_object():
    result = extract(
        "Berlin – Im Streit um das Gesetz hat Bauministerin Klara Weskamp Nachbesserungen angekündigt. Die Sorgen "
        "der Menschen nehme man ernst, sagte die SPD-Politikerin.",
        title="Gesetz",
        language="de",
    )
    assert "Klara Weskamp" in {p.name for p in result.people}
    assert given(result, "Die Sorgen der Menschen") == "Klara Weskamp"


def test_the_konjunktiv_goes_on_after_a_sentence_naming_the_speaker_of_the_words_before():
    result = extract(
        "Beirut – Deutschland wird dem Libanon weiter helfen. Das sagte Außenminister Jan Hollweg am Sonntag in "
        "Beirut. Die Bundesregierung stelle in diesem Jahr zusätzlich 30 Millionen Euro bereit.",
        title="Hilfe",
        language="de",
    )
    assert given(result, "Deutschland wird dem Libanon") == "Jan Hollweg"
    assert given(result, "Die Bundesregierung stelle") == "Jan Hollweg"


def test_a_compound_naming_a_kind_of_body_speaks_and_is_named_back_by_that_kind():
    result = extract(
        "Das Bundesgesundheitsministerium teilte mit, die Impfstoffe reichten bis zum Frühjahr.\n\n"
        "Weitere Lieferungen seien bestellt, erklärte das Ministerium.\n\n"
        "Das Landgericht Kiel verhandelt den Fall. Die Anklage sei zugelassen, teilte das Gericht mit.",
        title="Impfstoffe",
        language="de",
    )
    assert given(result, "die Impfstoffe reichten") == "Bundesgesundheitsministerium"
    assert given(result, "Weitere Lieferungen seien bestellt") == "Bundesgesundheitsministerium"
    assert given(result, "Die Anklage sei zugelassen") == "Landgericht"


def test_a_company_named_back_as_das_unternehmen_is_the_one_firm_named_before_and_people_stay_people():
    result = extract(
        "Der Umsatz der Krämer Logistik GmbH sank im Quartal um zehn Prozent.\n\n"
        "Die Nachfrage werde sich erholen, erklärte das Unternehmen. "
        "Die Lage bleibe schwierig, sagte Firmenchefin Anna Krämer.",
        title="Umsatz",
        language="de",
    )
    assert given(result, "Die Nachfrage werde sich erholen") == "Krämer Logistik GmbH"
    assert given(result, "Die Lage bleibe schwierig") == "Anna Krämer"


def test_words_ending_like_a_body_that_name_none_are_no_organisation():
    result = extract(
        "Insgesamt seien 40 Menschen verletzt worden, sagte ein Polizeisprecher. Auf der Anklagebank sitzt "
        "ein 40-Jähriger; die Regierungsbank blieb leer.",
        title="Verletzte",
        language="de",
    )
    assert not result.organisations
    assert given(result, "Insgesamt seien 40 Menschen").startswith("[ein Polizeisprecher")
