"""Add places (e.g. the built-in settlements within the situation's extent) to a
situation that lacks them, with the credit lines they need."""

from __future__ import annotations

from viewer.model.edits.base import Edit, EditRefused, Touched
from viewer.model.region import Place
from viewer.model.situation import Situation


class AddPlaces(Edit):
    def __init__(self, places: list[Place], credits: list[str]):
        if not places:
            raise EditRefused("there are no places to add")
        self.places, self.credits = list(places), list(credits)
        self.name = f"Add {len(self.places)} places"
        self._before: tuple[list[Place], list[str]] | None = None

    def apply(self, situation: Situation) -> Touched:
        held = {p.id for p in situation.places}
        if any(p.id in held for p in self.places):
            raise EditRefused("the situation already holds some of these places")
        self._before = (list(situation.places), list(situation.meta.attributions))
        situation.places.extend(self.places)
        for credit in self.credits:
            if credit not in situation.meta.attributions:
                situation.meta.attributions.append(credit)
        return Touched(places=True)

    def revert(self, situation: Situation) -> Touched:
        assert self._before is not None, "revert before apply"
        situation.places[:], situation.meta.attributions[:] = self._before
        return Touched(places=True)
