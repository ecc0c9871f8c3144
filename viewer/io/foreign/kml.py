"""Read KML (Google Earth): Placemarks with their geometry, name, time and data.

Parsed with defusedxml with DTDs, entities and external references forbidden, so a file
can neither read local files nor expand without bound. Elements are matched by local
name in the KML namespaces (2.2, Google's 2.x) or in none; elements of other namespaces
are ignored, and Google's ``gx:`` extensions (tracks, tours) are skipped with a warning.

Per Placemark: Point / LineString / LinearRing / Polygon (outer and inner boundaries) /
MultiGeometry (nested) -> ``Feature.geometry``; ``<name>`` -> ``Feature.name``;
``<description>`` -> ``properties["description"]`` (plain text, never interpreted);
TimeStamp ``when`` -> ``properties["timestamp"]``; TimeSpan ``begin``/``end`` ->
``properties["valid_from"]``/``["valid_to"]`` (as written; a Placemark without a time
takes its nearest container's); ExtendedData ``Data``/``SimpleData`` -> properties.
``Feature.layer`` is the path of the Folders/Documents it sits in, "Outer/Inner"; the
Document at the top of the file is the file itself and adds nothing to the path.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as DET
import numpy as np
import shapely
from defusedxml import DefusedXmlException

from viewer.io.errors import SituationError, UnusablePart, bounded
from viewer.io.foreign.features import ReadResult
from viewer.io.files import read_limited
from viewer.io.foreign.repair import construct, finish, note_skipped, unusable
from viewer.model.messages import QT_TRANSLATE_NOOP, Message, message

CONTAINERS = ("Document", "Folder")
MAX_DEPTH = 100                 # Folders/Documents (or MultiGeometry) nested deeper: refused
GEOMETRY = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry", "Model")
GX_GEOMETRY = ("Track", "MultiTrack")
_OVERLAYS = QT_TRANSLATE_NOOP("Core", "image overlays are not read")
_GX = QT_TRANSLATE_NOOP("Core", "Google Earth extension geometries are not read")
IGNORED = {"NetworkLink": QT_TRANSLATE_NOOP("Core", "network links are never followed"),
           "GroundOverlay": _OVERLAYS, "ScreenOverlay": _OVERLAYS, "PhotoOverlay": _OVERLAYS,
           "Model": QT_TRANSLATE_NOOP("Core", "3D models are not read"),
           "gx:Track": _GX, "gx:MultiTrack": _GX}
_COMMA = re.compile(r"\s*,\s*")


def read_kml(path: str | os.PathLike) -> ReadResult:
    """Features of the KML file at ``path``; raises only SituationError."""
    path = os.fspath(path)
    return parse_kml(read_limited(path), path)


def parse_kml(data: bytes, where: str) -> ReadResult:
    """Features of the KML document ``data``; ``where`` names it in messages."""
    try:
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    except DefusedXmlException:
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "refused: the KML declares a DTD or entities (KML needs none; they could "
                    "read local files or expand without bound)"))) from None
    except ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not well-formed XML (line %1, column %2)"), line, col)) \
            from None
    except LookupError as exc:          # an encoding Python does not know
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not readable XML (%1)"), exc)) from None
    if local(root.tag) not in ("kml", *CONTAINERS, "Placemark"):
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not KML: the document is a <%1>"), local(root.tag)))
    if not kml_namespace(root.tag):
        raise SituationError(where, message(QT_TRANSLATE_NOOP(
            "Core", "not KML: <%1> is in namespace %2"),
            local(root.tag), repr(root.tag[1:root.tag.index('}')])))
    reader = _Reader(ReadResult(where))
    reader.walk(root)
    return reader.done()


class _Reader:
    def __init__(self, result: ReadResult):
        self.result = result
        self.geoms: list = []
        self.props: list[dict] = []
        self.names: list[str] = []
        self.layers: list[str] = []
        self.labels: list[str] = []
        self.failed: dict[Message, list[Message]] = {}
        self.ignored: Counter[str] = Counter()
        self.count = 0

    def walk(self, root: Element) -> None:
        """Visit containers depth-first without recursion: (element, path, inherited time)."""
        todo = [(root, (), {})]
        while todo:
            elem, path, times = todo.pop()
            if local(elem.tag) == "Placemark":
                self.placemark(elem, path, times)
                continue
            times = _time(elem) or times
            children = []
            for child in elem:
                name = local(child.tag)
                if not kml_namespace(child.tag):
                    continue
                if name in CONTAINERS:
                    top = name == "Document" and local(elem.tag) == "kml"
                    if len(path) >= MAX_DEPTH:    # (each level copies the path: O(depth²))
                        raise SituationError(self.result.source, message(QT_TRANSLATE_NOOP(
                            "Core", "not usable KML: folders nested more than %1 deep"),
                            MAX_DEPTH))
                    sub = path if top else (*path, _text(child, "name") or f"Unnamed {name}")
                    children.append((child, sub, times))
                elif name == "Placemark":
                    children.append((child, path, times))
                elif name in IGNORED:
                    self.ignored[name] += 1
            todo.extend(reversed(children))       # keep document order

    def placemark(self, elem: Element, path: tuple[str, ...], times: dict) -> None:
        self.count += 1
        name = _text(elem, "name")
        label = message(QT_TRANSLATE_NOOP("Core", "placemark %1"), repr(name) if name else self.count)
        try:
            geom = self.geometry_of(elem)
        except UnusablePart as exc:
            self.failed.setdefault(bounded(exc.message, 120), []).append(label)
            return
        if geom is None and _only_gx(elem):
            return                                # counted in self.ignored
        props = _extended_data(elem)
        description = _text(elem, "description")
        if description:
            props["description"] = description
        props.update(_time(elem) or times)
        self.geoms.append(geom)
        self.props.append(props)
        self.names.append(name)
        self.layers.append("/".join(path))
        self.labels.append(label)

    def geometry_of(self, elem: Element, depth: int = 0):
        """The geometry of the first geometry child of ``elem`` (None if none)."""
        for child in elem:
            name = local(child.tag)
            if _is_gx(child.tag) and name in GX_GEOMETRY:
                self.ignored["gx:" + name] += 1
            elif name in GEOMETRY and kml_namespace(child.tag):
                return self.geometry(child, depth)
        return None

    def geometry(self, elem: Element, depth: int):
        kind = local(elem.tag)
        if kind == "MultiGeometry":
            if depth >= MAX_DEPTH:
                raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
                    "Core", "MultiGeometry nested more than %1 deep"), MAX_DEPTH))
            return _collect([self.geometry_of([child], depth + 1) for child in elem])
        if kind == "Model":
            self.ignored[kind] += 1
            return None
        if kind != "Polygon":
            c = _coords(_text(elem, "coordinates"))
            if kind == "Point":
                return construct(shapely.Point, c[0]) if len(c) else shapely.Point()
            return construct(shapely.LineString if kind == "LineString" else shapely.LinearRing,
                             c)
        outer = _child(elem, "outerBoundaryIs")
        shell = _child(outer, "LinearRing") if outer is not None else None
        if shell is None:
            raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
                "Core", "a Polygon without an outerBoundaryIs LinearRing")))
        holes = [_coords(_text(ring, "coordinates")) for inner in elem
                 if local(inner.tag) == "innerBoundaryIs" for ring in inner
                 if local(ring.tag) == "LinearRing"]
        return construct(shapely.Polygon, _coords(_text(shell, "coordinates")), holes)

    def done(self) -> ReadResult:
        for reason, which in self.failed.items():
            note_skipped(self.result, which, unusable(reason))
        for kind, n in sorted(self.ignored.items()):
            self.result.warnings.append(message(
                QT_TRANSLATE_NOOP("Core", "ignored 1 %2 element: %3") if n == 1 else
                QT_TRANSLATE_NOOP("Core", "ignored %1 %2 elements: %3"), n, kind,
                message(IGNORED[kind])))
        finish(self.result, self.geoms, self.props, self.labels, names=self.names,
               layers=self.layers)
        return self.result


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def kml_namespace(tag: str) -> bool:
    """True for an element in a KML namespace or in none."""
    if not tag.startswith("{"):
        return True
    ns = tag[1:tag.index("}")]
    return "opengis.net/kml/" in ns or "earth.google.com/kml/" in ns


def _is_gx(tag: str) -> bool:
    return tag.startswith("{") and "google.com/kml/ext/" in tag[:tag.find("}")]


def _only_gx(elem: Element) -> bool:
    return any(_is_gx(c.tag) and local(c.tag) in GX_GEOMETRY for c in elem)


def _coords(text: str) -> np.ndarray:
    """(n, 2) lon, lat from KML ``lon,lat[,alt]`` tuples separated by whitespace."""
    tuples = _COMMA.sub(",", text).split()
    if not tuples:
        return np.empty((0, 2))
    dims = np.char.count(np.array(tuples), ",") + 1
    if (dims < 2).any():
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "a coordinate tuple needs longitude and latitude")))
    try:
        values = np.array(",".join(tuples).split(","), dtype=float)
    except ValueError:                  # numpy's message quotes the text, of any length
        raise UnusablePart("geometry", message(QT_TRANSLATE_NOOP(
            "Core", "coordinates that are not numbers"))) from None
    starts = np.concatenate([[0], np.cumsum(dims)[:-1]])
    return np.column_stack([values[starts], values[starts + 1]])


def _collect(parts: list):
    """One geometry of ``parts`` (nested collections flattened): Multi* if all alike."""
    flat = [p for g in parts if g is not None and not g.is_empty
            for p in (g.geoms if hasattr(g, "geoms") else [g])]
    kinds = {p.geom_type for p in flat}
    if kinds == {"Polygon"}:
        return construct(shapely.MultiPolygon, flat)
    if kinds == {"Point"}:
        return construct(shapely.MultiPoint, flat)
    if kinds <= {"LineString", "LinearRing"} and kinds:
        return construct(shapely.MultiLineString, [shapely.LineString(p.coords) for p in flat])
    return construct(shapely.GeometryCollection, flat)


def _child(elem: Element, name: str) -> Element | None:
    for child in elem:
        if local(child.tag) == name and kml_namespace(child.tag):
            return child
    return None


def _text(elem: Element, name: str) -> str:
    """The plain text of child ``name`` (any markup inside it dropped), stripped."""
    child = _child(elem, name)
    return "".join(child.itertext()).strip() if child is not None else ""


def _time(elem: Element) -> dict[str, str]:
    stamp, span = _child(elem, "TimeStamp"), _child(elem, "TimeSpan")
    out = {}
    if stamp is not None and _text(stamp, "when"):
        out["timestamp"] = _text(stamp, "when")
    if span is not None:
        for tag, key in (("begin", "valid_from"), ("end", "valid_to")):
            if _text(span, tag):
                out[key] = _text(span, tag)
    return out


def _extended_data(elem: Element) -> dict[str, str]:
    data = _child(elem, "ExtendedData")
    props: dict[str, str] = {}
    if data is None:
        return props
    for item in data.iter():
        kind, key = local(item.tag), item.get("name")
        if not key or not kml_namespace(item.tag):
            continue
        if kind == "Data":
            props[key] = _text(item, "value")
        elif kind == "SimpleData":
            props[key] = "".join(item.itertext()).strip()
    return props
