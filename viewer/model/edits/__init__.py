"""Edits of a situation as Qt-free commands: each applies itself and reverts itself
exactly (the state it replaced is put back, object for object), and has a name to show.

The window wraps them in a QUndoStack; ``Editor`` applies them and tells whoever listens
(the window, the analysis caches) what changed.
"""

from viewer.model.edits.base import Edit, EditRefused, Editor, Touched
from viewer.model.edits.links import ChangeRole, LinkReport, UnlinkReport
from viewer.model.edits.reports import AddReport, DeleteReport, EditReport, new_report_id
from viewer.model.edits.places import AddPlaces
from viewer.model.edits.sketch import AddLayer, SketchArea, sketch_polygon

__all__ = ["Edit", "EditRefused", "Editor", "Touched", "ChangeRole", "LinkReport",
           "UnlinkReport", "AddReport", "DeleteReport", "EditReport", "new_report_id",
           "AddLayer", "SketchArea", "sketch_polygon", "AddPlaces"]
