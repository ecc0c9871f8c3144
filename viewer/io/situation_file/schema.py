"""The situation GeoPackage schema: table definitions, identity and format-version checks.

docs/situation-format.md describes the same schema for people; keep the two in step.
"""

from __future__ import annotations

from viewer.io.errors import UnusablePart
from viewer.model.meta import FORMAT_VERSION
from viewer.model.messages import QT_TRANSLATE_NOOP, message

APPLICATION_ID = 0x47504B47          # "GPKG"
USER_VERSION = 10400                 # GeoPackage 1.4.0
MEDIA_TYPE = "application/geopackage+sqlite3"
SRS_ID = 4326
READ_MAJOR = int(FORMAT_VERSION.split(".")[0])   # newest format major this code reads

WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)
SPATIAL_REF_SYS_ROWS = (
    ("Undefined Cartesian SRS", -1, "NONE", -1, "undefined",
     "undefined Cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined",
     "undefined geographic coordinate reference system"),
    ("WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_WKT,
     "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
)

GPKG_DDL = (
    """CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)""",
    """CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,
    column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
    z TINYINT NOT NULL, m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
)

_FID = "fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"

# name -> (geometry type or None for an attribute table, column definitions, description)
TABLES: dict[str, tuple[str | None, str, str]] = {
    "regions": ("MULTIPOLYGON", "geom MULTIPOLYGON, region_id TEXT NOT NULL UNIQUE, "
                "name_en TEXT, name_uk TEXT, names_json TEXT, admin_level INTEGER, role TEXT",
                "Regions (role 'region') and context areas (role 'context')"),
    "places": ("POINT", "geom POINT, place_id TEXT NOT NULL UNIQUE, name_en TEXT, "
               "name_uk TEXT, names_json TEXT, population INTEGER, kind TEXT, source TEXT, "
               "extra_json TEXT",
               "Named places (cities, towns, villages)"),
    "layer_pieces": ("MULTIPOLYGON", "geom MULTIPOLYGON, layer_id TEXT NOT NULL, "
                     "valid_from DATETIME NOT NULL, valid_to DATETIME, area_km2 REAL",
                     "Pieces of each layer's area, valid from valid_from until valid_to "
                     "(NULL: still valid)"),
    "changes": ("MULTIPOLYGON", "geom MULTIPOLYGON, change_id TEXT NOT NULL, "
                "layer_id TEXT NOT NULL, at DATETIME NOT NULL, part TEXT NOT NULL, "
                "UNIQUE (change_id, part)",
                "Ground gained or lost by a layer at a state time, one row per part"),
    "amendments": ("MULTIPOLYGON", "geom MULTIPOLYGON, change_id TEXT NOT NULL UNIQUE, "
                   "layer_id TEXT NOT NULL, at DATETIME NOT NULL, op TEXT NOT NULL",
                   "Areas sketched by hand onto a layer (op 'add' or 'subtract'), kept "
                   "from 'at' on; applied in fid order; each is the change change_id"),
    "context_features": ("GEOMETRY", "geom GEOMETRY, feature_id TEXT NOT NULL UNIQUE, "
                         "context_layer TEXT NOT NULL, style TEXT NOT NULL, name TEXT, "
                         "valid_from DATETIME, valid_to DATETIME, source TEXT",
                         "Rivers, water, roads and railways drawn under the layers (style "
                         "river, water, road, rail or other), valid from valid_from until "
                         "valid_to (NULL: always)"),
    "situation_meta": (None, "key TEXT NOT NULL UNIQUE, value TEXT",
                       "Situation-wide settings as key/value text"),
    "layers": (None, "layer_id TEXT NOT NULL UNIQUE, name TEXT, kind TEXT, color TEXT, "
               "opacity DOUBLE, hatch BOOLEAN, outline TEXT, description TEXT, source TEXT, "
               "sort_order INTEGER, extra_json TEXT",
               "Layers: names, kinds and styles"),
    "layer_states": (None, "layer_id TEXT NOT NULL, at DATETIME NOT NULL, "
                     "UNIQUE (layer_id, at)",
                     "Every state time of every layer"),
    "reports": (None, "report_id TEXT NOT NULL UNIQUE, published DATETIME NOT NULL, "
                "source TEXT, title TEXT, url TEXT, summary TEXT, language TEXT, "
                "source_grade TEXT, info_grade INTEGER",
                "Reports behind the changes, graded on the Admiralty scale"),
    "report_links": (None, "change_id TEXT NOT NULL, report_id TEXT NOT NULL, "
                     "role TEXT NOT NULL",
                     "Which report backs which change, and how"),
    "report_attachments": (None, "report_id TEXT NOT NULL, name TEXT NOT NULL, "
                           "media_type TEXT NOT NULL, data BLOB NOT NULL, "
                           "UNIQUE (report_id, name)",
                           "Offline copies of the reports' sources (PDF, image, HTML, text)"),
}
FEATURE_TABLES = tuple(t for t, (g, _, _) in TABLES.items() if g)
ATTRIBUTE_TABLES = tuple(t for t, (g, _, _) in TABLES.items() if not g)
META_KEYS = ("format_version", "title", "description", "attributions", "default_bbox",
             "default_time", "highlight_days", "crs")


def table_ddl(name: str) -> str:
    return f'CREATE TABLE "{name}" ({_FID}, {TABLES[name][1]})'


def check_format_version(text: str | None) -> None:
    """Raise UnusablePart for a missing, malformed or too new ``format_version``."""
    where = "situation_meta format_version"
    if not text:
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP("Core", "missing")))
    major_text = str(text).strip().split(".")[0]
    if not (major_text.isascii() and major_text.isdigit()):
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP("Core", "malformed: %1"), repr(str(text)[:60])))
    if int(major_text) > READ_MAJOR:
        raise UnusablePart(where, message(QT_TRANSLATE_NOOP(
            "Core", "uses situation format %1, newer than this viewer reads (%2.x); please "
            "update the viewer"), str(text)[:60], READ_MAJOR))
