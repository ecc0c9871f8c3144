"""An item view's scroll bars shown or hidden now, in the frame that changed its rows.

When a view's rows change, Qt decides whether a scroll bar is needed in a queued call;
the scroll bar appearing then narrows the viewport, the stretched column follows it,
and the view redraws that column at a zero timer: both after the frame that painted the
new rows, so the view (the reports list, on a small window where Reports is a tab of the
left column and its list's length crosses its height) was painted again in a second
frame. ``lay_out_now`` does both at once instead, the scroll bar shown as needed as
before (not always shown, which would keep a disabled bar beside a short list).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QTreeView

from viewer.ui.qt_utils import blocked


def lay_out_now(view: QTreeView) -> None:
    """After ``view``'s rows were laid out (``executeDelayedItemsLayout``): its scroll bars
    shown or hidden, its viewport and header at their new size, and all of it painted in
    the coming frame. Nothing to do (most steps: the bars stay as they are) costs no
    layout: the bars shown are those the rows' range asks for."""
    if all(bar.isVisibleTo(view) == (bar.maximum() > bar.minimum())
           for bar in (view.verticalScrollBar(), view.horizontalScrollBar())):
        return
    width = view.viewport().width()
    # The header follows the viewport; its sections' resizes would each schedule the
    # columns' repaint for after the frame (QTreeView's column-resize timer), so its
    # signals are blocked while it follows: the viewport, resized, is painted whole in
    # the coming frame anyway.
    with blocked(view.header()):
        # A LayoutRequest is what Qt's queued call ends in: the scroll area shows or
        # hides the bars and sizes the viewport (the queued call then finds it done).
        QApplication.sendEvent(view, QEvent(QEvent.Type.LayoutRequest))
        if view.viewport().width() == width:
            return
        view.updateGeometries()
    view.viewport().update()
