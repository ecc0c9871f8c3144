"""The built-in settlements (resources/ukraine-settlements.json.gz, built by
packaging/build_settlements.py from GeoNames) and ``import --places``.

The Ukrainian names expected below are the official spellings, typed from knowledge of
the places, not taken from the table."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from pyproj import Geod
from shapely.geometry import box, mapping

from viewer.cli.main import main
from viewer.importing.places import builtin_alternates, builtin_countries, builtin_places
from viewer.io.situation_file import read_situation
from viewer.resources import settlements_bytes

GEOD = Geod(ellps="WGS84")

KNOWN = {
    "Pokrovsk": "Покровськ", "Mezhova": "Межова", "Chasiv Yar": "Часів Яр",
    "Velykomykhailivka": "Великомихайлівка", "Kramatorsk": "Краматорськ",
    "Sloviansk": "Слов’янськ", "Kostiantynivka": "Костянтинівка",
    "Zaporizhzhia": "Запоріжжя", "Kharkiv": "Харків", "Kyiv": "Київ", "Dnipro": "Дніпро",
    "Kherson": "Херсон", "Mykolaiv": "Миколаїв", "Odesa": "Одеса", "Lviv": "Львів",
    "Bakhmut": "Бахмут", "Avdiivka": "Авдіївка", "Kupiansk": "Куп’янськ", "Lyman": "Лиман",
    "Siversk": "Сіверськ", "Toretsk": "Торецьк", "Vuhledar": "Вугледар",
    "Kurakhove": "Курахове", "Huliaipole": "Гуляйполе", "Orikhiv": "Оріхів",
    "Vovchansk": "Вовчанськ", "Izium": "Ізюм", "Balakliia": "Балаклія",
    "Pokrovske": "Покровське", "Myrnohrad": "Мирноград", "Druzhkivka": "Дружківка",
    "Selydove": "Селидове", "Dobropillia": "Добропілля", "Kryvyi Rih": "Кривий Ріг",
    "Vinnytsia": "Вінниця", "Kamianske": "Кам’янське", "Yenakiieve": "Єнакієве",
    "Yahotyn": "Яготин", "Bila Tserkva": "Біла Церква", "Makiivka": "Макіївка",
    "Berdiansk": "Бердянськ", "Lysychansk": "Лисичанськ", "Melitopol": "Мелітополь",
    "Enerhodar": "Енергодар", "Nova Kakhovka": "Нова Каховка", "Kremenchuk": "Кременчук",
    "Uzhhorod": "Ужгород", "Chernihiv": "Чернігів", "Ternopil": "Тернопіль",
    "Zhytomyr": "Житомир", "Horlivka": "Горлівка", "Yevpatoriia": "Євпаторія",
    # a word's final soft sign, which the transliteration drops (stray Уман, Russian -ец),
    # never after ч; GeoNames' uk-tagged former name (Ровно) loses to the current one
    "Sevastopol": "Севастополь", "Uman": "Умань", "Marhanets": "Марганець",
    "Truskavets": "Трускавець", "Kremenets": "Кременець", "Pavoloch": "Паволоч",
    "Rivne": "Рівне",
}


def apostrophes(text: str) -> str:
    """One apostrophe for all three in use (', ’, ʼ)."""
    return text.replace("'", "’").replace("ʼ", "’")


@pytest.fixture(scope="module")
def places():
    return builtin_places()[0]


@pytest.fixture(scope="module")
def countries():
    return builtin_countries()


def largest(places, english: str):
    """The most populous place in Ukraine named ``english``."""
    countries = builtin_countries()
    hits = [p for p in places if p.name == english and countries[p.id] == "UA"]
    assert hits, f"no {english} in the built-in settlements"
    return max(hits, key=lambda p: p.population)


@pytest.mark.parametrize("english", sorted(KNOWN))
def test_ukrainian_names_of_known_places(places, english):
    assert apostrophes(largest(places, english).names.get("uk", "")) == KNOWN[english]


def test_pokrovsk_is_where_geonames_puts_it_and_knows_its_old_name(places):
    pokrovsk = largest(places, "Pokrovsk")
    _, _, metres = GEOD.inv(pokrovsk.lon, pokrovsk.lat, 37.18, 48.28)
    assert metres < 1000
    assert {"Krasnoarmiisk", "Красноармійськ"} <= set(builtin_alternates()[pokrovsk.id])


def test_table_holds_ukraine_and_its_border_lands_with_the_credit(places, countries):
    data = settlements_bytes()
    doc = json.loads(gzip.decompress(data))
    assert "GeoNames" in doc["attribution"] and "CC BY 4.0" in doc["licence"]
    counts = {}
    for p in places:
        counts[countries[p.id]] = counts.get(countries[p.id], 0) + 1
    assert counts["UA"] > 5000
    assert {"PL", "RO", "MD", "RU", "BY", "SK", "HU"} <= set(counts)
    # nothing from deep inside a neighbour: Warsaw, Moscow, Bucharest, Minsk
    assert not {"Warsaw", "Moscow", "Bucharest", "Minsk"} & {p.name for p in places}
    assert len({p.id for p in places}) == len(places)
    assert len(data) < 600_000


# The Ukrainian names of towns over the border (exonyms of Ukrainian usage: Перемишль,
# not a transliteration of Przemyśl), from GeoNames' alternate names tagged uk
NEIGHBOURS_UK = {("Przemyśl", "PL"): "Перемишль", ("Chełm", "PL"): "Холм",
                 ("Rzeszów", "PL"): "Ряшів", ("Sanok", "PL"): "Сянік",
                 ("Belgorod", "RU"): "Бєлгород", ("Kursk", "RU"): "Курськ",
                 ("Suceava", "RO"): "Сучава", ("Tiraspol", "MD"): "Тирасполь",
                 ("Košice", "SK"): "Кошице", ("Debrecen", "HU"): "Дебрецен"}


def test_towns_near_ukraine_have_geonames_ukrainian_names_where_it_has_one(places, countries):
    """Only from a source that says the language (never transliterated), and credited."""
    for (english, country), ukrainian in NEIGHBOURS_UK.items():
        (town,) = [p for p in places if p.name == english and countries[p.id] == country]
        assert town.names.get("uk") == ukrainian, english
    near = [p for p in places if countries[p.id] != "UA"]
    named = [p.names["uk"] for p in near if p.names.get("uk")]
    assert 60 <= len(named) < len(near) / 10            # the cities GeoNames names in uk
    assert all(re.fullmatch(r"[\u0400-\u04FF’ʼ'.\- ]+", n) for n in named)
    doc = json.loads(gzip.decompress(settlements_bytes()))
    assert "libgeonames-common" in doc["attribution_uk_names"]
    assert doc["attribution_uk_names"] in builtin_places()[1]       # on the map


def test_city_neighbourhoods_are_left_out(places, countries):
    """GeoNames lists Kyiv's and Kharkiv's neighbourhoods (Troieshchyna, Saltivka...) as
    populated places; on a map they would crowd out the city's own name."""
    names = {p.name for p in places if countries[p.id] == "UA"}
    assert not {"Saltivka", "Troieshchyna", "Vyhurivshchyna-Troieshchyna", "Pozniaky"} & names
    for city, (lon, lat) in (("Kyiv", (30.52, 50.45)), ("Kharkiv", (36.23, 49.99))):
        near = [p.name for p in places if p.population >= 20_000 and
                GEOD.inv(lon, lat, p.lon, p.lat)[2] < 8_000]
        assert near == [city]


# -- import --places ---------------------------------------------------------------------
@pytest.fixture
def series(tmp_path):
    folder = tmp_path / "front"
    folder.mkdir()
    for day, east in (("20250601", 37.2), ("20250602", 37.3)):
        (folder / f"front_{day}.geojson").write_text(json.dumps({
            "type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                                                       "geometry": mapping(box(37.0, 48.0, east,
                                                                               48.4))}]}))
    return folder


def imported(tmp_path, series, *extra):
    out = tmp_path / "out.gpkg"
    assert main(["import", str(series), "-o", str(out), "--force", *map(str, extra)]) == 0
    return read_situation(out)


def test_import_adds_the_builtin_places_within_the_extent(tmp_path, series, capsys):
    situation = imported(tmp_path, series)
    names = {p.name for p in situation.places}
    assert {"Pokrovsk", "Myrnohrad", "Selydove"} <= names
    assert "Kyiv" not in names and "Kharkiv" not in names
    assert all(36.5 <= p.lon <= 37.8 and 47.5 <= p.lat <= 48.9 for p in situation.places)
    assert any("GeoNames" in a for a in situation.meta.attributions)
    assert f"places: {len(situation.places)}" in capsys.readouterr().out


def test_import_places_none(tmp_path, series):
    situation = imported(tmp_path, series, "--places", "none")
    assert situation.places == []
    assert not any("GeoNames" in a for a in situation.meta.attributions)


def test_import_places_from_csv_and_geojson(tmp_path, series):
    table = tmp_path / "towns.csv"
    table.write_text("name,name_uk,lat,lon,population\nHere,Тут,48.2,37.1,1200\n"
                     "Far,Далеко,40.0,20.0,5\nNowhere,,x,37.1,1\n", encoding="utf-8")
    situation = imported(tmp_path, series, "--places", table)
    assert [(p.name, p.names["uk"], p.lon, p.lat, p.population) for p in situation.places] \
        == [("Here", "Тут", 37.1, 48.2, 1200)]
    points = tmp_path / "towns.geojson"
    points.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"NAME": "There", "pop": 30000},
         "geometry": {"type": "Point", "coordinates": [37.05, 48.1]}}]}))
    situation = imported(tmp_path, series, "--places", points)
    assert [(p.name, p.population, p.kind) for p in situation.places] == [("There", 30000, "town")]


def test_import_places_bad_spec_is_one_error_line(tmp_path, series, capsys):
    out = tmp_path / "out.gpkg"
    assert main(["import", str(series), "-o", str(out), "--places", "builtin:nowhere"]) == 2
    err = capsys.readouterr().err
    assert "builtin:nowhere" in err and "builtin:ukraine-settlements" in err
    assert len(err.strip().splitlines()) == 1
    lines = tmp_path / "lines.geojson"
    lines.write_text(json.dumps({"type": "Feature", "properties": {"name": "road"},
                                 "geometry": {"type": "LineString",
                                              "coordinates": [[37, 48], [37.1, 48.1]]}}))
    assert main(["import", str(series), "-o", str(out), "--places", str(lines)]) == 2
    assert "no points" in capsys.readouterr().err
