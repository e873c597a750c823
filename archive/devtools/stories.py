"""Made-up diplomatic wire stories for fault tests and benches: countries, people with roles,
organisations and quotations, so that each article gets links and statements. Deterministic."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

PLACES = [
    ("TOKYO", "Japan", "Japanese"), ("WASHINGTON", "United States", "U.S."), ("PARIS", "France", "French"),
    ("BONN", "West Germany", "West German"), ("LONDON", "Britain", "British"), ("MOSCOW", "Soviet Union", "Soviet"),
    ("BEIJING", "China", "Chinese"), ("OTTAWA", "Canada", "Canadian"), ("ROME", "Italy", "Italian"),
    ("CANBERRA", "Australia", "Australian"), ("BRASILIA", "Brazil", "Brazilian"), ("NEW DELHI", "India", "Indian"),
]  # fmt: skip
GIVEN = ["Anna", "Pierre", "Hans", "Yuri", "Li", "Taro", "Maria", "John", "Carlos", "Ingrid", "Ahmed", "Kenji",
         "Sofia", "Paul", "Elena", "Raj"]  # fmt: skip
FAMILY = ["Moreau", "Keller", "Petrov", "Wang", "Nakamura", "Rossi", "Miller", "Silva", "Larsen", "Haddad",
          "Sato", "Novak", "Duval", "Brandt", "Ivanova", "Kapoor", "Okafor", "Lindqvist"]  # fmt: skip
ROLES = ["Foreign Minister", "Trade Minister", "Finance Minister", "Prime Minister", "Ambassador"]
TOPICS = ["trade", "tariffs", "farm subsidies", "arms control", "fishing rights", "debt relief", "oil prices"]
ORGANISATIONS = ["the European Community", "the United Nations", "the International Monetary Fund", "GATT",
                 "the World Bank", "NATO"]  # fmt: skip


def story(number: int, seed: int = 0) -> dict:
    rng = random.Random(seed * 1_000_003 + number)
    (city, country, adjective), (_, other, other_adjective) = rng.sample(PLACES, 2)
    host = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    guest = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    host_role, guest_role = rng.choice(ROLES), rng.choice(ROLES)
    topic, organisation = rng.choice(TOPICS), rng.choice(ORGANISATIONS)
    day = dt.date(1987, 1, 1) + dt.timedelta(days=rng.randrange(365))
    paragraphs = [
        f"{city}, {day:%b} {day.day} - {adjective} {host_role} {host} met {other_adjective} {guest_role} "
        f"{guest} on round {number} of talks on {topic}, officials said.",
        f'"We have made progress on {topic} and we will meet again," {host} told reporters.',
        f"{guest} said {other} wanted {organisation} to take part in the talks on {topic}.",
        f"Officials of {organisation} in {city} declined to comment on meeting {number}.",
    ]
    return {
        "source": "Fault Wire",
        "source_id": f"fw-{number}",
        "date": day.isoformat(),
        "title": f"{country} and {other} hold talks on {topic} ({number})",
        "dateline": f"{city}, {day:%b} {day.day}",
        "body": "\n\n".join(paragraphs),
    }


def write_stories(path: Path, numbers, seed: int = 0) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for number in numbers:
            out.write(json.dumps(story(number, seed)) + "\n")
    return path
