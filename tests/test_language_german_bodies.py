"""German bodies that speak themselves and reported speech going on after a speaker (issue 19, sixth German
pass): a body's Konjunktiv going on after its statement, "wäre"/"hätte" after a named speaker, a long first
phrase before "seien"."""

from __future__ import annotations

from archive.extraction import extract

from .speech import given


def test_a_bodys_subjunctive_goes_on_after_its_statement():
    result = extract(
        "Berlin – Die Lage sei ernst, teilte das Auswärtige Amt am Montag mit. Eine Ausreise werde dringend empfohlen.",
        title="Lage",
        language="de",
    )
    assert given(result, "Die Lage sei ernst") == "Auswärtiges Amt"
    assert given(result, "Eine Ausreise werde dringend") == "Auswärtiges Amt"


def test_wäre_and_hätte_go_on_with_the_speaker_unless_the_sentence_tells_a_fact_of_its_own():
    result = extract(
        "Berlin – Die Ermittlungen ließen wenig Zweifel zu, sagte Außenminister Karl Brandt am Dienstag. Eine "
        "Ausweisung von Diplomaten wäre der nächste Schritt.\n\n"
        "Der Haushalt sei solide, sagte Finanzministerin Anna Roth. Der Wegfall hätte ein Loch in die Planung "
        "gerissen.\n\n"
        "Die Reform müsse kommen, sagte Regierungschef Paul Frieden. Ein Scheitern wäre ein schwerer Rückschlag "
        "für Kommissionspräsidentin Ursula von der Leyen.\n\n"
        "Er werde nach Kiew reisen, sagte Kanzler Otto Weber. Es wäre sein erster Besuch seit dem Amtsantritt.",
        title="Schritte",
        language="de",
    )
    assert given(result, "Eine Ausweisung von Diplomaten wäre") == "Karl Brandt"
    assert given(result, "Der Wegfall hätte ein Loch") == "Anna Roth"
    assert not any("Ein Scheitern wäre" in s.text for s in result.statements)
    assert not any("Es wäre sein erster Besuch" in s.text for s in result.statements)


def test_seien_after_a_long_first_phrase_goes_on_with_the_speaker():
    result = extract(
        "Berlin – Der Rückgang habe mit der Lage in den Herkunftsländern zu tun, sagte Geschäftsführer Karl "
        "Kopp. Zurückweisungen von Asylsuchenden an der Grenze seien zudem rechtswidrig.",
        title="Asyl",
        language="de",
    )
    assert given(result, "Zurückweisungen von Asylsuchenden an der Grenze seien") == "Karl Kopp"


def test_hieß_es_names_its_source_after_a_preposition():
    result = extract(
        "Nürnberg – Bis Ende Juni seien 65.000 Anträge gestellt worden, hieß es beim Bundesamt für Migration und "
        "Flüchtlinge (Bamf) in Nürnberg.\n\n"
        "Wien – Der Verfassungsgerichtshof (VfGH) hob das Gesetz auf. Die Überwachung greife unverhältnismäßig "
        "ein, hieß es beim VfGH am Donnerstag.\n\n"
        "Bern – Der Wirtschaftsdachverband Economiesuisse begrüsste den Entscheid. Die Verträge seien "
        "unverzichtbar, hiess es bei Economiesuisse.\n\n"
        "Wien – Die Stimmung habe sich verbessert, hieß es im Bundeswirtschaftsministerium. Österreich müsse "
        "neutral bleiben, hieß es in einer Aussendung von FPÖ-Sprecherin Susanne Fürst.",
        title="Quellen",
        language="de",
    )
    assert given(result, "Bis Ende Juni seien") == "Bundesamt für Migration und Flüchtlinge"
    assert given(result, "Die Überwachung greife") == "Verfassungsgerichtshof"
    assert given(result, "Die Verträge seien unverzichtbar") == "Economiesuisse"
    assert given(result, "Die Stimmung habe sich verbessert") == "Bundeswirtschaftsministerium"
    assert given(result, "Österreich müsse neutral bleiben") == "Susanne Fürst"


def test_a_name_after_a_bodys_kind_is_that_body_in_the_whole_story():
    result = extract(
        "Frankfurt – Der Flughafenverband ADV kritisierte die Streiks. Der Standort verliere an Boden, erklärte "
        "der Verband.\n\n"
        "Genf – Das UN-Kinderhilfswerk Unicef warnte vor Hunger. Tausende Kinder seien unterernährt, erklärte "
        "Unicef in Genf.\n\n"
        "Wien – Das Wirtschaftsforschungsinstitut Wifo senkte die Prognose. Die Industrie leide, teilte das Wifo "
        "mit. Im nächsten Jahr investieren die Unternehmen Milliarden.",
        title="Verbände",
        language="de",
    )
    assert given(result, "Der Standort verliere") == "ADV"
    assert given(result, "Tausende Kinder seien") == "Unicef"
    assert given(result, "Die Industrie leide") == "Wifo"
    assert not {p.name for p in result.people} & {"Unicef", "ADV", "Wifo"}
    assert "Milliarden" not in {o.name for o in result.organisations}


def test_bodies_by_structure_and_references_to_them():
    result = extract(
        "Berlin – Das Auswärtige Amt bestellte den Botschafter ein.\n\n"
        "Die Bundesanwaltschaft ermittelt. Zwei Verdächtige seien festgenommen worden, erklärte die Behörde in "
        "Karlsruhe.\n\n"
        "Der Angeklagte habe Anleger getäuscht, erklärte die Staatsanwaltschaft. Auch die Rechtsanwaltskammer "
        "äußerte sich. Es sei ein gutes Signal, teilte die Kammer mit.\n\n"
        "Die IG Metall kündigte Widerstand an. Man werde jede Verlagerung bekämpfen, erklärte die Gewerkschaft.\n\n"
        "Der Bund der Steuerzahler forderte die Abschaffung. Die Bürger hätten ein Recht darauf, teilte der "
        "Verband mit.\n\n"
        "Die Stiftung Preußischer Kulturbesitz gibt Objekte zurück. Es handle sich um 23 Objekte, teilte die "
        "Stiftung mit.",
        title="Behörden",
        language="de",
    )
    assert given(result, "Zwei Verdächtige seien") == "Bundesanwaltschaft"
    assert given(result, "Der Angeklagte habe") == "Staatsanwaltschaft"
    assert given(result, "Es sei ein gutes Signal") == "Rechtsanwaltskammer"
    assert given(result, "Man werde jede Verlagerung") == "IG Metall"
    assert given(result, "Die Bürger hätten ein Recht") == "Bund der Steuerzahler"
    assert given(result, "Es handle sich um 23 Objekte") == "Stiftung Preußischer Kulturbesitz"


def test_so_and_a_body_with_its_publication_after_it():
    result = extract(
        "Frankfurt – Die Industrie leide unter den Zöllen, so die Bundesbank in ihrem am Montag veröffentlichten "
        "Monatsbericht. Ohne weitere Maßnahmen sei das Ziel kaum zu erreichen, so der Fiskalrat in seiner "
        "aktuellen Einschätzung. Die Preise stiegen, so dass viele Haushalte sparen müssten.",
        title="Bericht",
        language="de",
    )
    assert given(result, "Die Industrie leide") == "Bundesbank"
    assert given(result, "Ohne weitere Maßnahmen sei") == "Fiskalrat"
    assert not any("Die Preise stiegen" in s.text for s in result.statements)


def test_a_generic_noun_of_a_bodys_kind_is_no_body_of_its_own():
    result = extract(
        "Stuttgart – Der Fahrgastverband Pro Bahn forderte Entschädigungen. Die Verzögerung treffe die Pendler, "
        "erklärte der Landesverband. Die Grossbank müsse mehr Kapital halten, sagte ein Analyst.",
        title="Bahn",
        language="de",
    )
    names = {o.name for o in result.organisations}
    assert not names & {"Landesverband", "Grossbank"}
    assert given(result, "Die Verzögerung treffe") != "Landesverband"


def test_words_beside_a_reporting_verb_that_are_no_speaker():
    result = extract(
        "Peking – Außenminister Karl Brandt traf seinen chinesischen Kollegen Wang Yi. China sei neutral, sagte "
        "Wang. Zugleich warnte er vor Zöllen.\n\n"
        "Die IG Metall kündigte Widerstand an. Der Betriebsrat kündigte Proteste an.",
        title="Besuch",
        language="de",
    )
    names = {p.name for p in result.people}
    assert "Wang Yi" in names
    assert not names & {"Zugleich", "Widerstand", "Wang"}
    assert given(result, "China sei neutral") == "Wang Yi"


def test_der_manager_is_the_company_head_named_before():
    result = extract(
        "Wolfsburg – Konzernchef Oliver Blume verteidigte den Schritt. Die Konkurrenz sei schneller geworden, "
        "sagte Blume. Ohne die Einschnitte wäre die Zukunft gefährdet, sagte der Manager.",
        title="Werk",
        language="de",
    )
    assert given(result, "Ohne die Einschnitte wäre") == "Oliver Blume"


def test_a_defendant_named_by_initial_after_his_role_and_otherwise_going_on():
    result = extract(
        "München – Der Angeklagte Thomas K. habe Anleger getäuscht, sagte Oberstaatsanwältin Anne Leiding. Die "
        "Renditen seien unrealistisch gewesen.\n\n"
        "Der Angeklagte selbst äußerte sich in seinem letzten Wort. „Es tut mir leid, dass so viele Menschen Geld "
        "verloren haben“, sagte er.\n\n"
        "Die Verfahren müssten schneller werden, sagte Bundesbankpräsident Joachim Nagel. Andernfalls würde ein "
        "großer Teil der Mittel nicht abfließen.",
        title="Prozess",
        language="de",
    )
    assert "Thomas K." in {p.name for p in result.people}
    assert given(result, "Es tut mir leid") == "Thomas K."
    assert given(result, "Andernfalls würde ein") == "Joachim Nagel"


def test_a_bodys_adjective_and_abbreviation_are_part_of_its_voice():
    result = extract(
        "Bern – Die Bank müsse mehr Kapital halten, teilte das Eidgenössische Finanzdepartement (EFD) mit.\n\n"
        "Berlin – Rund 400 Beamte seien im Einsatz gewesen, teilte die Berliner Polizei mit. Sie habe zwei "
        "Menschen befreit, teilte die Feuerwehr mit.\n\n"
        "Die Unternehmen bräuchten Planungssicherheit, teilte die Deutsche Industrie- und Handelskammer mit.",
        title="Stimmen",
        language="de",
    )
    assert given(result, "Die Bank müsse mehr Kapital") == "Finanzdepartement"
    assert given(result, "Rund 400 Beamte") == "Polizei"
    assert given(result, "Sie habe zwei Menschen") == "Feuerwehr"
    assert given(result, "Die Unternehmen bräuchten") == "Handelskammer"


def test_courts_towns_hospitals_and_named_unions_speak():
    result = extract(
        "Karlsruhe – Eine Kündigung sei unwirksam, entschied der Bundesgerichtshof (BGH) am Mittwoch.\n\n"
        "Brüssel – Die EU-Kommission äußerte sich zurückhaltend. Man setze auf Verhandlungen, teilte die Behörde "
        "mit.\n\n"
        "Köln – Das Konzept habe sich bewährt, teilte die Stadt Köln mit. Die Kosten seien gestiegen, teilte die "
        "Stadt am Abend mit.\n\n"
        "Luzern – Die Spitalleitung des Luzerner Kantonsspitals begrüsste den Entscheid. Man könne die Fachkräfte "
        "besser einsetzen, hiess es beim Kantonsspital.\n\n"
        "Die Gewerkschaft VPOD übte Kritik. Das Personal sei nicht angehört worden, erklärte die Gewerkschaft. Der "
        "Eigentümerverband Haus & Grund warnte. Vermieter würden verdächtigt, teilte der Verband mit.",
        title="Stimmen",
        language="de",
    )
    assert given(result, "Eine Kündigung sei unwirksam") == "Bundesgerichtshof"
    assert given(result, "Man setze auf Verhandlungen") == "European Commission"
    assert given(result, "Das Konzept habe sich") == "Stadt Köln"
    assert given(result, "Die Kosten seien gestiegen") == "Stadt Köln"
    assert given(result, "Man könne die Fachkräfte") == "Kantonsspital"
    assert given(result, "Das Personal sei nicht") == "VPOD"
    assert given(result, "Vermieter würden verdächtigt") == "Haus & Grund"
    assert not {p.name for p in result.people} & {"Kantonsspitals", "Grund"}


def test_a_conditional_after_a_definite_ohne_or_a_long_first_phrase_goes_on():
    result = extract(
        "Köln – Die Jecken hätten Lebensfreude gezeigt, sagte Festkomitee-Präsident Christoph Kuckelkorn. Ohne "
        "die vielen Ehrenamtlichen wäre das nicht möglich gewesen.\n\n"
        "Deutschland werde seinen Beitrag leisten, sagte Verteidigungsminister Boris Pistorius. Ein Verzicht auf "
        "eine neue Form der Wehrpflicht wäre riskant.\n\n"
        "Die Reform sei nötig, sagte Regierungschef Paul Frieden. Ohne eine Einigung hätten die Staaten bis "
        "Dezember Zeit.\n\n"
        "Kritik kam vom Musikkritiker Wilhelm Sinkovicz. Das Programm sei mutlos, schrieb er.",
        title="Bedingungen",
        language="de",
    )
    assert given(result, "Ohne die vielen Ehrenamtlichen") == "Christoph Kuckelkorn"
    assert given(result, "Ein Verzicht auf eine neue Form") == "Boris Pistorius"
    assert not any("Ohne eine Einigung" in s.text for s in result.statements)
    assert given(result, "Das Programm sei mutlos") == "Wilhelm Sinkovicz"


def test_a_town_is_a_body_only_where_it_speaks():
    result = extract(
        "Kiew – Russland griff die ukrainische Stadt Charkiw an. Die Lage in der Stadt Charkiw sei ernst, sagte "
        "Bürgermeister Ihor Terechow.",
        title="Angriff",
        language="de",
    )
    assert not result.organisations
    assert given(result, "Die Lage in der Stadt Charkiw") == "Ihor Terechow"


def test_no_body_or_person_where_the_words_only_stand_near_one():
    result = extract(
        "Berlin – Die Regierung zahlte dem Konzern Milliarden an Subventionen. Die Lage sei ernst, hieß es in einer "
        "Mitteilung von einem Sprecher von Kanzler Friedrich Merz.",
        title="Subventionen",
        language="de",
    )
    assert "Milliarden" not in {o.name for o in result.organisations}
    assert given(result, "Die Lage sei ernst") != "Friedrich Merz"


def test_bodies_named_with_a_given_name_an_acronym_or_before_hieß_es():
    result = extract(
        "Berlin – Die Erkrankung sei gefährlich, teilte das Robert Koch-Institut (RKI) mit.\n\n"
        "Bremen – Der Hafenlogistiker BLG Logistics baut Stellen ab. Der Umschlag sei eingebrochen, teilte die "
        "BLG am Dienstag mit.\n\n"
        "Genf – Aus dem Eidgenössischen Departement für auswärtige Angelegenheiten (EDA) hiess es, eine weitere "
        "Runde sei geplant. Aus italienischen Regierungskreisen hieß es, man sei skeptisch.",
        title="Stellen",
        language="de",
    )
    assert given(result, "Die Erkrankung sei gefährlich") == "Koch-Institut"
    assert given(result, "Der Umschlag sei eingebrochen") == "BLG Logistics"
    assert given(result, "eine weitere Runde sei geplant") == "Departement für auswärtige Angelegenheiten"
    assert given(result, "man sei skeptisch").startswith("[")


def test_groups_demonyms_scare_quotes_and_a_quote_after_its_speakers_sentence():
    result = extract(
        "Frankfurt – Die Anleger hätten mehr erwartet, sagten Händler in Frankfurt.\n\n"
        "Torschütze Harry Kane freute sich über seinen 15. Saisontreffer. „Solche Spiele musst du einfach "
        "gewinnen.“ Die Mannschaft habe nie aufgegeben, sagte der Engländer.\n\n"
        "Kremlsprecher Dmitri Peskow sagte, die Position Russlands sei bekannt. Moskau sei zu Gesprächen bereit, "
        "aber nur auf Grundlage der „Realitäten vor Ort“.\n\n"
        "Kanzler Karl Brandt wurde in Kiew von Demonstranten empfangen. „Wir wollen Frieden und keine Waffen.“\n\n"
        "Ministerin Anna Roth traf Präsident Paul Weber. „Die Gespräche waren lang und sehr offen.“",
        title="Stimmen",
        language="de",
    )
    assert "Händler" not in {p.name for p in result.people}
    assert given(result, "Solche Spiele musst du") == "Harry Kane"
    assert given(result, "Die Mannschaft habe nie aufgegeben") == "Harry Kane"
    assert given(result, "Moskau sei zu Gesprächen bereit") == "Dmitri Peskow"
    assert given(result, "Wir wollen Frieden") == "[]"
    assert given(result, "Die Gespräche waren lang") == "[]"


def test_german_given_names_a_verb_between_a_role_and_words_and_clubs():
    result = extract(
        "Bern – Die Schweizer Stimmbevölkerung hat die Vorlage mit 50,4 Prozent Ja-Stimmen angenommen. Bundesrat "
        "Beat Jans wirkte erleichtert. «Das ist ein wichtiger Schritt für eine moderne Schweiz.»\n\n"
        "Berlin – Die Angeklagte Lena M. hatte erklärt, sie bereue nichts.\n\n"
        "München – Der Mieterverein München begrüßte die Entscheidung. Entscheidend sei, dass die Wohnungen "
        "bezahlbar blieben, teilte der Verein mit.",
        title="Abstimmung",
        language="de",
    )
    names = {p.name for p in result.people}
    assert {"Beat Jans", "Lena M."} <= names
    assert "Prozent Ja-Stimmen" not in names
    assert given(result, "Das ist ein wichtiger Schritt") == "Beat Jans"
    assert given(result, "sie bereue nichts") == "Lena M."
    assert given(result, "Entscheidend sei, dass die Wohnungen") == "Mieterverein"


def test_a_noun_of_a_person_named_right_after_von_is_someone_else():
    result = extract(
        "Berlin – Parteichef Thomas Horn schwieg am Montag. Der Anwalt von Thomas Horn sagte, die Vorwürfe seien "
        "haltlos.",
        title="Streit",
        language="de",
    )
    assert given(result, "die Vorwürfe seien haltlos") != "Thomas Horn"


def test_compound_references_reports_and_armies():
    result = extract(
        "München – Siemens hat so viel verdient wie nie. Der Gewinn sei gestiegen, teilte der Technologiekonzern "
        "mit.\n\n"
        "Berlin – Der Bundesrechnungshof hat die Beschaffung kritisiert. Das Ministerium habe zu hohe Preise "
        "akzeptiert, heißt es in einem Bericht der Behörde.\n\n"
        "St. Pölten – Mehr als 1800 Gebäude seien evakuiert worden, teilte das Landesfeuerwehrkommando mit.\n\n"
        "Beirut – Die Armee habe die Kontrolle übernommen, teilte das libanesische Militär mit.\n\n"
        "Der Fahrgastverband Pro Bahn kritisierte die Bahn. Die Lage sei untragbar, erklärte der Arbeitgeberverband.",
        title="Berichte",
        language="de",
    )
    assert given(result, "Der Gewinn sei gestiegen") == "Siemens"
    assert given(result, "Das Ministerium habe zu hohe") == "Bundesrechnungshof"
    assert given(result, "Mehr als 1800 Gebäude") == "Landesfeuerwehrkommando"
    assert given(result, "Die Armee habe die Kontrolle") == "Armee"
    assert given(result, "Die Lage sei untragbar") != "Pro Bahn"


def test_a_place_after_a_role_and_von_is_no_person():
    result = extract(
        "Tulln – Der Bürgermeister von Tulln, Peter Eisenschenk, sagte, die Dämme hätten gehalten.",
        title="Hochwasser",
        language="de",
    )
    assert {p.name for p in result.people} == {"Peter Eisenschenk"}
    assert given(result, "die Dämme hätten gehalten") == "Peter Eisenschenk"
