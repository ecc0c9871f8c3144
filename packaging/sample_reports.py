"""The reports behind the sample, and which change each one speaks of.

All five claims reach us through one article: the Safarti Tarjuman International News
Desk's report of 13 June 2025, which names its sources but gives no dates or links for
them. Each claim is a separate report with its original source; the summaries are our own
short paraphrases, dated with the only date the article gives.
"""

from __future__ import annotations

from viewer.model import Link, Reliability, Report, parse_time

PUBLISHED = parse_time("2025-06-13")
RELAYED = "as relayed by Safarti Tarjuman on 13 June 2025"
DESK = "Safarti Tarjuman International News Desk"

REPORTS = [
    Report(
        id="nyt-ukrainian-officials",
        published=PUBLISHED,
        source="The New York Times, citing Ukrainian military officials",
        title="Ukrainian officials: small Russian units crossed into Dnipropetrovsk Oblast",
        summary=(f"Ukrainian military officers told The New York Times ({RELAYED}) that "
                 "small Russian units moved across from occupied Donetsk Oblast during the "
                 "preceding weekend. By their account no village or town has fallen; the "
                 "soldiers hold positions in tree belts just across the oblast line."),
        reliability=Reliability("B", 2),
    ),
    Report(
        id="isw-mapping",
        published=PUBLISHED,
        source="Institute for the Study of War (ISW)",
        title="ISW maps a thin band of Russian-held ground inside the oblast",
        summary=(f"The Washington-based ISW's battlefield maps ({RELAYED}) show Russia "
                 "holding a thin band of ground there. Analysts cited alongside read it as a "
                 "symbolic, morale-sapping move to secure nearby ground, not a campaign for "
                 "the whole oblast."),
        reliability=Reliability("B", 2),
    ),
    Report(
        id="officer-barbarossa",
        published=PUBLISHED,
        source="Ukrainian officer, call sign \"Barbarossa\"",
        title="Ukrainian officer warns of a Russian build-up by the oblast line",
        summary=(f"A Ukrainian officer using the call sign Barbarossa ({RELAYED}) says "
                 "Russia has massed large forces close to the Dnipropetrovsk boundary and "
                 "expects more crossings to follow."),
        reliability=Reliability("C", 3),
    ),
    Report(
        id="russian-mod",
        published=PUBLISHED,
        source="Russian Ministry of Defence",
        title="Russian Defence Ministry: tank units advancing into Dnipropetrovsk Oblast",
        summary=(f"Russia's Defence Ministry ({RELAYED}) says its tank units got to the "
                 "western boundary of Donetsk Oblast and are advancing into Dnipropetrovsk "
                 "Oblast. It gives no extent; Ukrainian officials say no settlement there "
                 "has been taken."),
        reliability=Reliability("D", 4),
    ),
    Report(
        id="safarti-desk-roundup",
        published=PUBLISHED,
        source=DESK,
        title="News desk: first Russian entry into Dnipropetrovsk Oblast since 2022",
        summary=("The desk's 13 June 2025 roundup calls this the first Russian entry into "
                 "the oblast since the opening phase of the 2022 invasion. It ties the move "
                 "to the Istanbul peace talks, at which Russian negotiators reportedly warned "
                 "of more territorial losses, and to Kremlin-linked hints that ground taken "
                 "in Dnipropetrovsk or Sumy could be traded for concessions. It stresses the "
                 "oblast's weight as an industrial and mining centre with a pre-war "
                 "population near 3 million, roughly a third of it in Dnipro."),
        reliability=Reliability("C", 3),
    ),
]


def links(strip_change: str, claim_change: str) -> list[Link]:
    """Who says what about the confirmed strip and the claimed area."""
    return [
        Link(strip_change, "nyt-ukrainian-officials", "confirms"),
        Link(strip_change, "isw-mapping", "confirms"),
        Link(strip_change, "officer-barbarossa", "reports"),
        Link(strip_change, "safarti-desk-roundup", "reports"),
        Link(claim_change, "russian-mod", "claims"),
        Link(claim_change, "nyt-ukrainian-officials", "disputes"),
        Link(claim_change, "safarti-desk-roundup", "reports"),
    ]
