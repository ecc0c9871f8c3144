"""The Place panel (a dock): the picked place (a settlement clicked, or a search result)
and its distance to each layer at the time shown, 0 and "inside since" when it is inside,
with the change over the highlight window ("−2.3 km in 7 days"). The same lines are the
place's tooltip on the map. The measuring is viewer.analysis.front_distance's."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from viewer.analysis.front_distance import FrontDistance, front_distances
from viewer.model.place_watch import PlaceWatch, WatchedPlace
from viewer.model.text import safe_line
from viewer.render.language import format_km, format_number, format_short_date, plural, translate
from viewer.ui.plain_text import plain_label
from viewer.ui.qt_utils import ModelConnections
from viewer.ui.steady_text import SteadyText

CACHED = 64                  # (place, time, window) measured, kept for the tooltip and steps
MINUS = "\u2212"


def window_text(days: float) -> str:
    """``7 days`` / ``7 днів``."""
    n = round(days)
    if abs(days - n) > 1e-6:
        return translate("Place", "%1 days").replace("%1", format_number(days, 1))
    if n == 1:
        return translate("Place", "1 day")
    return plural(n, translate("Place", "%n days", "one"), translate("Place", "%n days", "few"),
                  translate("Place", "%n days", "many"))


def distance_text(d: FrontDistance) -> str:
    """``4.2 km (−2.3 km in 7 days)``, ``0 km, inside since 12 Aug 2025``."""
    if d.km is None:
        return translate("Place", "no area at this date")
    if d.inside:
        text = translate("Place", "0 km, inside since %1").replace(
            "%1", format_short_date(d.inside_since, time=False))
    else:
        text = format_km(d.km, 1)
    change = d.change_km
    if change is not None:
        sign = MINUS if change < -0.05 else "+" if change > 0.05 else "±"
        text += " (" + translate("Place", "%1 in %2").replace(
            "%1", sign + format_km(abs(change), 1)).replace("%2", window_text(d.days)) + ")"
    return text


def distance_lines(distances: list[FrontDistance]) -> list[str]:
    return [f"{safe_line(d.layer_name, 60)}: {distance_text(d)}" for d in distances]


class Distances:
    """``front_distances`` of the watched place, remembered per (place, time, window)."""

    def __init__(self, window) -> None:
        self.window = window
        self._cache: OrderedDict = OrderedDict()

    def clear(self) -> None:
        self._cache.clear()

    def of(self, place: WatchedPlace) -> list[FrontDistance]:
        w = self.window
        cursor = w.cursor_model
        key = (id(w.situation), place.lon, place.lat, cursor.time, cursor.highlight_days)
        if key not in self._cache:
            self._cache[key] = front_distances(w.situation, place.lon, place.lat,
                                               cursor.time, cursor.highlight_days)
            while len(self._cache) > CACHED:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        return self._cache[key]

    def tooltip(self, place: WatchedPlace) -> str:
        lines = [place.name] + distance_lines(self.of(place))
        if not self.window.situation.layers:
            lines.append(translate("Place", "The situation has no layers."))
        return "\n".join(lines)


class PlacePanel(QWidget):
    def __init__(self, window, watch: PlaceWatch, distances: Distances):
        super().__init__(window)
        self.setObjectName("place_panel")
        self.window, self.watch, self.distances = window, watch, distances
        self._shown = True
        self.title = plain_label("", self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = plain_label("", self)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # a new distance at each time step lays out the window only if its lines need
        # another height (steady_text: else the main window's docks were laid out again
        # after the frame, and painted in a second one)
        self._body = SteadyText(self.body, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(self._body, 1)
        self._conns = ModelConnections(self)
        self._conns.connect(watch.changed, self.refresh)
        self._conns.connect(window.cursor_model.time_changed, self.refresh)
        self._conns.connect(window.cursor_model.highlight_changed, self.refresh)
        self.refresh()

    def set_shown(self, shown: bool) -> None:
        """Out of sight the panel skips the measuring; it catches up when shown."""
        self._shown = shown
        if shown:
            self.refresh()

    def refresh(self, *_) -> None:
        if not self._shown:
            return
        place = self.watch.place
        if place is None:
            self.title.setText(translate("Place", "No place picked"))
            self._body.set_text(translate("Place", "Click a settlement on the map, or find one "
                                                 "(Ctrl+F), to see how far it is from each "
                                                 "layer at the date shown."))
            self._fit_height()
            return
        self.title.setText(place.name)
        lines = distance_lines(self.distances.of(place))
        self._body.set_text("\n".join(lines) if lines else
                            translate("Place", "The situation has no layers."))
        self._fit_height()

    def _fit_height(self) -> None:
        """Never lower than its wrapped text needs at its width, so the window's docks
        give it that much whatever else takes the column's height (the Find bar, a
        longer text); set again only when the line count changes."""
        need = self.heightForWidth(self.width()) if self.width() > 0 else -1
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()
