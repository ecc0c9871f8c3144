"""KML and KMZ reading: namespaces, geometry, times, data, folders; hostile XML and zips."""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
from pathlib import Path

import pytest

from factories import said
from viewer.io.foreign import kmz
from viewer.io.errors import SituationError
from viewer.io.foreign.kml import parse_kml, read_kml
from viewer.io.foreign.kmz import read_kmz
from viewer.io.foreign.dispatch import read_features

BODY = """
<Document><name>The file</name>
 <Folder><name>Outer</name>
  <TimeSpan><begin>2025-06-01</begin><end>2025-06-30</end></TimeSpan>
  <Placemark><name>Strip</name>
   <description>DESCRIPTION</description>
   <TimeSpan><begin>2025-06-13T08:00:00Z</begin><end>2025-06-20</end></TimeSpan>
   <ExtendedData>
    <Data name="source"><value>ISW</value></Data>
    <SchemaData schemaUrl="#s"><SimpleData name="grade">B2</SimpleData></SchemaData>
   </ExtendedData>
   <Polygon><outerBoundaryIs><LinearRing><coordinates>
     30,48,0 31,48,0 31,49,0
     30,49,0 30,48,0</coordinates></LinearRing></outerBoundaryIs>
    <innerBoundaryIs><LinearRing><coordinates>30.2,48.2 30.4,48.2 30.4,48.4 30.2,48.4 30.2,48.2
    </coordinates></LinearRing></innerBoundaryIs></Polygon>
  </Placemark>
  <Folder><name>Inner</name>
   <Placemark><name>Towns</name><TimeStamp><when>2025-06-13</when></TimeStamp>
    <MultiGeometry><Point><coordinates>30.5,48.5</coordinates></Point>
     <MultiGeometry><Point><coordinates>30.6, 48.6, 10</coordinates></Point></MultiGeometry>
    </MultiGeometry></Placemark>
   <Placemark><name>Inherits</name>
    <MultiGeometry>
     <Polygon><outerBoundaryIs><LinearRing><coordinates>32,48 33,48 33,49 32,48</coordinates>
     </LinearRing></outerBoundaryIs></Polygon>
     <MultiGeometry><Polygon><outerBoundaryIs><LinearRing>
      <coordinates>34,48 35,48 35,49 34,48</coordinates></LinearRing></outerBoundaryIs></Polygon>
     </MultiGeometry>
     <gx:Track><when>2025-06-13</when><gx:coord>30 48 0</gx:coord></gx:Track>
    </MultiGeometry></Placemark>
   <Placemark><name>Route</name><gx:Track><when>2025-06-13</when>
    <gx:coord>30 48 0</gx:coord></gx:Track></Placemark>
  </Folder>
  <Document><name>Sub doc</name>
   <Placemark><name>Road</name><LineString><coordinates>30,48 31,49</coordinates></LineString>
   </Placemark>
  </Document>
 </Folder>
 <Placemark><name>Loose</name><Point><coordinates>29,47</coordinates></Point></Placemark>
 <NetworkLink><Link><href>http://example.org/more.kml</href></Link></NetworkLink>
</Document>
"""
GX = 'xmlns:gx="http://www.google.com/kml/ext/2.2"'
PREFIXED = re.sub(r"<(/?)(?!gx:)(\w+)", r"<\1k:\2", BODY)
DOCS = {
    "default namespace": f'<kml xmlns="http://www.opengis.net/kml/2.2" {GX}>{BODY}</kml>',
    "prefixed": f'<k:kml xmlns:k="http://www.opengis.net/kml/2.2" {GX}>{PREFIXED}</k:kml>',
    "google 2.1": f'<kml xmlns="http://earth.google.com/kml/2.1" {GX}>{BODY}</kml>',
    "no namespace": f"<kml {GX}>{BODY}</kml>",
}


CDATA = "<![CDATA[<b>Bold</b> <script>x()</script>]]>"


def test_prefixed_variant_really_is_prefixed():
    assert b"<k:Placemark>" in kml_bytes("prefixed") and b"<Placemark>" not in kml_bytes("prefixed")


def kml_bytes(variant="default namespace") -> bytes:
    doc = DOCS[variant].replace("DESCRIPTION", CDATA)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doc).encode()


@pytest.mark.parametrize("variant", list(DOCS))
def test_placemarks_folders_times_and_data(variant):
    result = parse_kml(kml_bytes(variant), "in.kml")
    by_name = {f.name: f for f in result.features}
    assert list(by_name) == ["Strip", "Towns", "Inherits", "Road", "Loose"]
    assert {n: f.layer for n, f in by_name.items()} == {
        "Strip": "Outer", "Towns": "Outer/Inner", "Inherits": "Outer/Inner",
        "Road": "Outer/Sub doc", "Loose": ""}
    strip = by_name["Strip"]
    assert strip.properties == {
        "source": "ISW", "grade": "B2", "description": "<b>Bold</b> <script>x()</script>",
        "valid_from": "2025-06-13T08:00:00Z", "valid_to": "2025-06-20"}
    assert strip.geometry.geom_type == "Polygon" and len(strip.geometry.interiors) == 1
    assert strip.geometry.area == pytest.approx(1 - 0.04)
    towns = by_name["Towns"]
    assert towns.properties == {"timestamp": "2025-06-13"}
    assert [p.coords[0] for p in towns.geometry.geoms] == [(30.5, 48.5), (30.6, 48.6)]
    inherits = by_name["Inherits"]
    assert inherits.properties == {"valid_from": "2025-06-01", "valid_to": "2025-06-30"}
    assert inherits.geometry.geom_type == "MultiPolygon" and len(inherits.geometry.geoms) == 2
    assert by_name["Road"].geometry.geom_type == "LineString"
    assert by_name["Loose"].properties == {}
    assert said(result) == [
        "ignored 1 NetworkLink element: network links are never followed",
        "ignored 2 gx:Track elements: Google Earth extension geometries are not read"]


def test_bad_placemarks_are_skipped_and_bow_ties_repaired():
    doc = b"""<kml><Document>
      <Placemark><name>bad</name><LineString><coordinates>30,x 31,49</coordinates></LineString>
      </Placemark>
      <Placemark><name>short</name><Polygon><outerBoundaryIs><LinearRing>
        <coordinates>30,48 31,49</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      <Placemark><name>bow</name><Polygon><outerBoundaryIs><LinearRing>
        <coordinates>0,0 2,2 2,0 0,2 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
      </Placemark>
      <Placemark><name>nowhere</name><Point><coordinates>300,48</coordinates></Point></Placemark>
      <Placemark><name>empty</name></Placemark></Document></kml>"""
    result = parse_kml(doc, "in.kml")
    assert [f.name for f in result.features] == ["bow"]
    assert result.repaired == 1 and result.features[0].geometry.area == pytest.approx(2.0)
    assert len(result.warnings) == 5
    assert "placemark 'bad'" in said(result)[0] and "placemark 'short'" in said(result)[1]
    assert said(result)[2:] == [
        "skipped 1 feature with no geometry: placemark 'empty'",
        "skipped 1 feature with coordinates outside longitude -180..180 or latitude -90..90: "
        "placemark 'nowhere'",
        "repaired 1 invalid geometry: placemark 'bow'"]


PASSWD = Path("/etc/passwd")

HOSTILE = {
    "external entity": b"""<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<kml><Placemark><name>&x;</name><Point><coordinates>30,48</coordinates></Point>
</Placemark></kml>""",
    "billion laughs": b"""<?xml version="1.0"?>
<!DOCTYPE kml [<!ENTITY a "lollollollollollollollollollol">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>
<kml><Placemark><name>&g;</name></Placemark></kml>""",
    "external DTD": b"""<?xml version="1.0"?>
<!DOCTYPE kml SYSTEM "file:///etc/passwd"><kml/>""",
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_entities_and_dtds_are_refused(tmp_path, kind):
    path = tmp_path / "hostile.kml"
    path.write_bytes(HOSTILE[kind])
    with pytest.raises(SituationError) as err:
        read_kml(path)
    message = str(err.value)
    assert message.startswith(f"{path}: refused: the KML declares a DTD or entities")
    assert "lollol" not in message and "root:" not in message
    if PASSWD.exists():
        first = PASSWD.read_text(errors="replace").splitlines()[0]
        assert first not in message


@pytest.mark.parametrize("data, problem", [
    (b"", "not well-formed XML (line 1, column 0)"),
    (b"<kml><Placemark>", "not well-formed XML (line 1, column 16)"),
    (b"<html><body/></html>", "not KML: the document is a <html>"),
    (b'<kml xmlns="http://www.w3.org/1999/xhtml"/>',
     "not KML: <kml> is in namespace 'http://www.w3.org/1999/xhtml'"),
    (b"<kml><gx:Track/></kml>", "not well-formed XML (line 1, column 5)"),   # unbound prefix
    (b'<?xml version="1.0" encoding="UTF-o"?><kml/>',
     "not readable XML (unknown encoding: UTF-o)"),
])
def test_bad_documents_are_refused(data, problem):
    with pytest.raises(SituationError) as err:
        parse_kml(data, "in.kml")
    assert str(err.value) == f"in.kml: {problem}"


def test_read_features_picks_a_folder(tmp_path):
    path = tmp_path / "in.kml"
    path.write_bytes(kml_bytes())
    assert [f.name for f in read_features(path, layer="Outer/Inner").features] == [
        "Towns", "Inherits"]
    assert len(read_features(path, layer="Outer").features) == 4
    with pytest.raises(SituationError, match=r"no folder 'Nope' holding features \(folders: "
                                             r"'Outer', 'Outer/Inner', 'Outer/Sub doc'\)"):
        read_features(path, layer="Nope")


def make_kmz(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def test_kmz_reads_doc_kml(tmp_path):
    path = make_kmz(tmp_path / "a.kmz", {"files/icon.png": b"\x89PNG", "other.kml": b"<kml/>",
                                         "doc.kml": kml_bytes()})
    result = read_kmz(path)
    assert result.source == str(path) and len(result.features) == 5
    assert read_features(path).features[0].name == "Strip"


def test_kmz_falls_back_to_first_root_kml(tmp_path):
    path = make_kmz(tmp_path / "a.kmz", {"sub/doc.kml": b"<kml/>", "map.kml": kml_bytes()})
    assert len(read_kmz(path).features) == 5
    with pytest.raises(SituationError, match="no .kml document at the archive's root"):
        read_kmz(make_kmz(tmp_path / "b.kmz", {"sub/doc.kml": kml_bytes()}))


@pytest.mark.parametrize("bad", ["../evil.kml", "/abs/doc.kml", "a/../../doc.kml",
                                 "C:/x/doc.kml"])
def test_kmz_with_escaping_entry_is_refused(tmp_path, bad):
    path = make_kmz(tmp_path / "a.kmz", {"doc.kml": kml_bytes(), bad: b"<kml/>"})
    with pytest.raises(SituationError, match=r"refused: archive entry .* points outside"):
        read_kmz(path)


def test_kmz_declared_size_over_limit_is_refused_before_inflating(tmp_path, monkeypatch):
    path = make_kmz(tmp_path / "big.kmz", {"doc.kml": kml_bytes() + b" " * 5000})
    before = sorted(os.listdir(tmp_path))
    monkeypatch.setattr(kmz, "MAX_ENTRY_BYTES", 1000)

    def no_inflating(*args, **kwargs):
        raise AssertionError("the entry was opened")
    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    with pytest.raises(SituationError) as err:
        read_kmz(path)
    assert str(err.value) == (f"{path}: refused: doc.kml would inflate to "
                              f"{len(kml_bytes()) + 5000} bytes (limit 1000 bytes)")
    assert sorted(os.listdir(tmp_path)) == before


def test_kmz_lying_about_its_size_is_refused(tmp_path, monkeypatch):
    real = kml_bytes() + b" " * 50000
    path = make_kmz(tmp_path / "liar.kmz", {"doc.kml": real})
    data = bytearray(path.read_bytes())
    lie = struct.pack("<I", 500)
    local = data.index(b"PK\x03\x04")
    data[local + 22:local + 26] = lie                      # local header: uncompressed size
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = lie                  # central directory: the same
    path.write_bytes(bytes(data))
    before = sorted(os.listdir(tmp_path))
    monkeypatch.setattr(kmz, "MAX_ENTRY_BYTES", 1000)
    with pytest.raises(SituationError) as err:
        read_kmz(path)
    assert str(err.value).startswith(f"{path}: ")
    assert "Bad CRC-32" in str(err.value) or "inflates past" in str(err.value)
    assert sorted(os.listdir(tmp_path)) == before


def test_inflating_stops_when_the_bytes_pass_the_limit(monkeypatch):
    """Whatever the zip module does with a lying size, our own count stops the read."""
    class Stream(io.BytesIO):
        served = 0

        def read(self, n=-1):
            data = super().read(n)
            Stream.served += len(data)
            return data

    class Archive:
        def open(self, info):
            return Stream(b"x" * 5000)

    archive, info = Archive(), zipfile.ZipInfo("doc.kml")
    info.file_size = 10
    monkeypatch.setattr(kmz, "MAX_ENTRY_BYTES", 1000)
    monkeypatch.setattr(kmz, "CHUNK", 64)
    with pytest.raises(SituationError) as err:
        kmz._inflate("a.kmz", archive, info)
    assert str(err.value) == ("a.kmz: refused: doc.kml inflates past 1000 bytes, more than it "
                              "declares")
    assert Stream.served == 1001                           # read no further than needed


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04garbage", b"not a zip at all"])
def test_kmz_that_is_not_a_zip_is_refused(tmp_path, data):
    path = tmp_path / "x.kmz"
    path.write_bytes(data)
    with pytest.raises(SituationError, match="not a readable KMZ"):
        read_kmz(path)
