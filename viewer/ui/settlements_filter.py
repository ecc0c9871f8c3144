"""The settlements table's proxy: the rows of one region (or all), one status (or all),
at least a population, in the order the model holds them (a sort, a click on a heading,
is the model's own: settlements_model.py).

Qt asks ``filterAcceptsRow`` of every row whenever the model's rows move: at each time
step while they are sorted by a column the time changes (Status, Since, Changes). The
answers come from one numpy mask (``SettlementsModel.passing``), made again only when
the rows, their statuses or the filter have changed since. On the DeepState import
(8,226 places, the dock in front, sorted by Status), asking the model each row's three
fields made a step 29-31 ms (median), the mask 24 ms. What is left of the per-row cost
is Qt's call into Python for each row: filtering inside the model would save it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt


class SettlementsFilter(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        # Not filtered again by itself on every time step; ``follow_time`` does it when
        # the rows shown depend on the time.
        self.setDynamicSortFilter(False)
        self.region = ""
        self.status: int | None = None
        self.min_population = 0
        self._model = None
        self._passing: list[bool] = []
        self._made_for: tuple | None = None     # (the model's version, the filter)

    def setSourceModel(self, model) -> None:
        self._model = model
        self._made_for = None
        super().setSourceModel(model)

    def set_filter(self, region: str, status: int | None, min_population: int) -> None:
        self.beginFilterChange()
        self.region, self.status, self.min_population = region, status, min_population
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def follow_time(self) -> None:
        """After a time step: sort and filter again only if the sort column or the status
        filter changes with the time."""
        self.sourceModel().resort_by_time()
        if self.status is not None:
            self.beginFilterChange()
            self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        model = self._model
        rule = (model.version, self.region, self.status, self.min_population)
        if rule != self._made_for:
            self._passing = model.passing(self.region, self.status, self.min_population)
            self._made_for = rule
        return self._passing[row]
