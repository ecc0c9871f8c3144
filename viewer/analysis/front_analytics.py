"""Every front figure of a situation, measured at once (a worker's job): the settlement
status log, the front length of every state, claims against assessments. The GUI adopts
the measured object and only looks figures up; rates are sums over the areas it has."""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.analysis.claims import ClaimComparison, compare_claims
from viewer.analysis.front_line import FrontLine
from viewer.analysis.settlement_status import SettlementStatus
from viewer.analysis.settlement_table import TableTexts, table_texts
from viewer.model import Place, Situation


@dataclass(eq=False)
class FrontAnalytics:
    status: SettlementStatus
    front: FrontLine
    claims: list[ClaimComparison] = field(default_factory=list)
    texts: TableTexts | None = None     # the settlements table's, if made with them

    @classmethod
    def measure(cls, situation: Situation, places: list[Place] | None = None,
                check=lambda: None, languages: tuple[str, str] | None = None) -> FrontAnalytics:
        """Measure everything of ``situation`` (a private copy: see settlement_status);
        ``check`` is called between the steps (it raises to cancel). ``languages``
        (the interface's, the other): the settlements table's texts are made too."""
        status = SettlementStatus(situation, places)
        check()
        status.measure_all(check)
        front = FrontLine(situation)
        check()
        front.measure_all(check)
        check()
        claims = compare_claims(situation)
        texts = None
        if languages is not None:
            check()
            texts = table_texts(status, *languages)
        return cls(status, front, claims, texts)

    def adopt_into(self, situation: Situation) -> None:
        """Point the figures at the shown situation (whose layers, times, places and
        changes they describe), so lookups of reports use its links."""
        self.status.situation = situation
        self.front.situation = situation
