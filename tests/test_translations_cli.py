"""The command line in Ukrainian (``--lang uk``, or ``LANG=uk_UA.UTF-8``): argparse's own
words, our ``--help`` texts, the argument errors, the ``info`` and ``import`` summaries and
a date outside the data. The expected Ukrainian is read from the committed .ts with
ElementTree (not through our code), or a line is checked to hold no English word but the
names from the data and tests/test_translations.py's allowlist."""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from fuzz_checks import run_cli
from test_translations import TS, english_words, messages
from viewer.io.situation_file import read_situation
from viewer.resources import sample_path

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TS = {(ctx, source): m.findtext("translation") for (ctx, source, _), m in messages(TS).items()}


def ts(context: str, source: str) -> str:
    text = _TS[(context, source)]
    assert text and (text != source or not re.search("[A-Za-z]{2}", source)), (context, source)
    return text


def fill(template: str, *values) -> str:
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), template)


def day(t) -> str:
    return f"{t.day} {ts('Core', MONTHS[t.month - 1])} {t.year}"


def argparse_messages() -> set[str]:
    """Every text the running Python's argparse hands to gettext (``_`` or ``ngettext``)."""
    found = set()
    for node in ast.walk(ast.parse(Path(argparse.__file__).read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("_", "ngettext"):
            found |= {a.value for a in node.args
                      if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def test_every_argparse_message_a_user_can_meet_has_its_ukrainian():
    from viewer.cli.argparse_words import PROGRAMMING_ERRORS, WORDS
    found = argparse_messages()
    assert len(found) > 25
    assert sorted(found - set(WORDS) - set(PROGRAMMING_ERRORS)) == []    # a newer Python's
    for word in WORDS:
        assert re.search("[а-яіїєґ]", ts("argparse", word)), word
        assert re.findall(r"%\(\w+\)[rs]|%[rs]", ts("argparse", word)) == \
            re.findall(r"%\(\w+\)[rs]|%[rs]", word), word                # argparse fills them


def error_line(prog: str, text: str) -> str:
    return f"{prog}: {ts('Cli', 'error:')} {text} {ts('Cli', '(try --help)')}\n"


def test_argparse_errors_are_ukrainian_with_lang_uk(tmp_path):
    file = ts("CliHelp", "FILE")
    required = ts("argparse", "the following arguments are required: %s")
    assert run_cli(["info", "--lang", "uk"])[2] == \
        error_line("situation-viewer info", required % file)
    assert run_cli(["render", "--lang", "uk"])[2] == \
        error_line("situation-viewer render", required % f"{file}, -o/--output")
    choice = ts("argparse", "invalid choice: %(value)r (choose from %(choices)s)") % {
        "value": "zoom", "choices": "'swipe', 'side', 'diff'"}
    argument = ts("argparse", "argument %(argument_name)s: %(message)s")
    assert run_cli(["render", "x.gpkg", "-o", "x.png", "--mode", "zoom", "--lang=uk"])[2] \
        == error_line("situation-viewer render", argument % {"argument_name": "--mode",
                                                             "message": choice})
    assert run_cli(["info", "x.gpkg", "--nope", "--lang", "uk"])[2] == error_line(
        "situation-viewer", ts("argparse", "unrecognized arguments: %s") % "--nope")
    invalid = ts("argparse", "invalid %(type)s value: %(value)r") % {"type": "float",
                                                                      "value": "far"}
    assert run_cli(["render", "x.gpkg", "-o", "x.png", "--radius", "far", "--lang", "uk"])[2] \
        == error_line("situation-viewer render", argument % {"argument_name": "--radius",
                                                             "message": invalid})
    english = run_cli(["info", "--lang", "en"])[2]
    assert english == "situation-viewer info: error: the following arguments are required: " \
        "FILE (try --help)\n"


def test_our_own_argument_errors_are_ukrainian(tmp_path):
    status, _, err = run_cli(["render", str(sample_path()), "--at", "2025-06-13", "-o",
                              str(tmp_path / "m.png"), "--size", "big", "--lang", "uk"])
    assert status == 2 and err == f"situation-viewer: {ts('Cli', 'error:')} " + fill(
        ts("Cli", "--size: expected WIDTHxHEIGHT in pixels (e.g. 1600x1000), got %1"),
        "'big'") + "\n"
    status, _, err = run_cli(["import", str(tmp_path), "-o", str(tmp_path / "x.txt"),
                              "--lang", "uk"])
    assert status == 2 and err == f"situation-viewer: {ts('Cli', 'error:')} " + fill(
        ts("Cli", "-o: a situation file ends in .gpkg, got %1"),
        repr(str(tmp_path / "x.txt"))) + "\n"


def parsers(lang: str) -> list[argparse.ArgumentParser]:
    """The window's parser and the command line's, with each command's."""
    from viewer.app import _parser
    from viewer.cli.language import speaking
    from viewer.cli.main import build_parser
    with speaking(lang):
        top = build_parser()
        (commands,) = [a for a in top._actions if isinstance(a, argparse._SubParsersAction)]
        return [_parser(), top, *commands.choices.values()]


def said_in_ukrainian(en_text: str, uk_text: str) -> tuple[str, int]:
    """Each CliHelp (or argparse) text of the .ts found in ``en_text`` (its %1… standing for any
    value), longest first: its translation, the values filled in, must be in ``uk_text``.
    Returns what of ``en_text`` no .ts text covers, and how many were found."""
    rest, found = en_text, 0
    for (ctx, source), translation in sorted(_TS.items(), key=lambda kv: -len(kv[0][1])):
        if ctx not in ("CliHelp", "argparse"):       # ours, and argparse's -h
            continue
        pattern = re.sub(r"%\d", "(.+?)", re.escape(source))
        while (m := re.search(pattern, rest)) is not None:
            expected = fill(translation, *m.groups())
            assert expected in uk_text, (source, uk_text)
            rest, found = rest[:m.start()] + "\n" + rest[m.end():], found + 1
    return rest, found


def test_every_help_text_is_the_ts_translation_of_its_english():
    from viewer.cli.main import COMMANDS
    seen = 0
    for en, uk in zip(parsers("en"), parsers("uk")):
        texts = [(en.description, uk.description), (en.epilog, uk.epilog)] + [
            (a.help, b.help) for a, b in zip(en._actions, uk._actions)] + [
            (a.metavar, b.metavar) for a, b in zip(en._actions, uk._actions)
            if isinstance(a.metavar, str) and len(a.metavar) > 1]
        for en_text, uk_text in texts:
            if not en_text:
                continue
            rest, found = said_in_ukrainian(en_text, uk_text)
            left = set(re.findall("[A-Za-z]{2,}", rest)) - set(COMMANDS)
            assert found and not left, (en_text, left)      # no English left untranslated
            seen += found
    assert seen > 100


def test_an_options_own_placeholder_is_ukrainian():
    """``--time-field TIME_FIELD``: where an option gives no metavar, argparse makes one of
    its name; in Ukrainian it is the .ts's translation of that."""
    from viewer.cli.language import speaking
    seen = 0
    for en, uk in zip(parsers("en"), parsers("uk")):
        with speaking("uk"):
            shown = [uk._get_formatter()._format_args(b, b.dest.upper()) if b.metavar else
                     uk._get_formatter()._get_default_metavar_for_optional(b)
                     for b in uk._actions]
        for a, said in zip(en._actions, shown):
            if a.metavar is None and a.option_strings and a.nargs != 0 and not a.choices:
                assert said == ts("CliHelp", a.dest.upper()), (a.dest, said)
                assert re.fullmatch("[А-ЯІЇЄҐ_]+", said), said
                seen += 1
    assert seen > 15


def test_help_headings_are_argparse_words_in_ukrainian():
    status, out, _ = run_cli(["render", "--help", "--lang", "uk"])
    assert status == 0 and out.startswith(ts("argparse", "usage: "))
    assert f"\n{ts('argparse', 'options')}:\n" in out
    assert f"\n{ts('argparse', 'positional arguments')}:\n" in out
    assert ts("argparse", "show this help message and exit") in out


def write_series(folder: Path) -> None:
    for day_, width in (("20250601", 0.1), ("20250610", 0.2)):
        feature = {"type": "Feature", "properties": {}, "geometry": {
            "type": "Polygon", "coordinates": [[[37.5, 48.0], [37.5 + width, 48.0],
                                                [37.5 + width, 48.2], [37.5, 48.2],
                                                [37.5, 48.0]]]}}
        (folder / f"front_{day_}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": [feature]}))


def test_import_and_info_summaries_are_ukrainian(tmp_path):
    source, out = tmp_path / "series", tmp_path / "out.gpkg"
    source.mkdir()
    write_series(source)
    status, text, err = run_cli(["import", str(source), "-o", str(out), "--layer", "Фронт",
                                 "--regions", "builtin:ukraine-oblasts", "--context", "none",
                                 "--places", "none", "--lang", "uk"])
    assert status == 0, err
    lines = text.splitlines()
    assert lines[0] == fill(ts("Core", "imported %1 snapshot files"), 2) + \
        fill(ts("Core", " into %1"), out)
    assert lines[-1].startswith(ts("Core", "took %1 s (%2)").split("%1")[0])
    data = {str(out), str(source), "assessed-control", "--as features", "--as snapshots",
            "--as", "gpkg"} | {line.split(":")[0].split()[-1] for line in lines
                               if line.startswith(ts("Core", "layer %1: %2 (%3)")[:4])}
    for line in lines:
        assert english_words(line, data) == [], line
    assert "Донецька область" in text                 # the regions named in Ukrainian
    status, text, _ = run_cli(["info", str(out), "--lang", "uk"])
    assert status == 0
    for line in text.splitlines():
        assert english_words(line, data | {"front", "Front"}) == [], line
    assert fill(ts("Cli", "regions: %1, places: %2, reports: %3"), 27, 0, 0) in text
    assert ts("Cli", "UNSOURCED") in text


def test_a_date_outside_the_data_is_a_ukrainian_warning(qapp, tmp_path):
    start = read_situation(sample_path()).start
    status, _, err = run_cli(["render", str(sample_path()), "--at", "1990-01-01", "-o",
                              str(tmp_path / "m.png"), "--size", "320x200", "--lang", "uk"])
    assert status == 0
    assert err == f"situation-viewer: {ts('Cli', 'warning:')} " + fill(
        ts("Core", "%1 %2 is before the first state (%3): showing that state"),
        "--at", f"1 {ts('Core', 'Jan')} 1990", day(start)) + "\n"


def test_lang_from_the_locale_reaches_argparse_and_the_window_command(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG="uk_UA.UTF-8", QT_QPA_PLATFORM="offscreen")
    for argv, expected in (
            (["info"], error_line("situation-viewer info", ts(
                "argparse", "the following arguments are required: %s")
                % ts("CliHelp", "FILE"))),
            (["bogus"], f"situation-viewer: {ts('Cli', 'error:')} " + fill(
                ts("Cli", "no such file or command: %1 (commands: %2; try --help)"),
                "bogus", "render, info, import, settlements, stats") + "\n")):
        done = subprocess.run([sys.executable, "-m", "viewer", *argv], env=env,
                              capture_output=True, text=True, timeout=120)
        assert (done.returncode, done.stderr) == (2, expected)


def test_a_librarys_own_words_are_quoted_after_a_ukrainian_lead_in(tmp_path):
    """JSON's and zipfile's reasons stay as the library wrote them, quoted; the sentence
    around them is Ukrainian."""
    import zipfile
    bad_json, bad_zip = tmp_path / "bad.geojson", tmp_path / "bad.kmz"
    bad_json.write_text("{bad")
    bad_zip.write_bytes(b"PK\x03\x04 not really a zip archive" * 4)
    try:
        json.loads("{bad")
    except json.JSONDecodeError as exc:
        json_says = exc.msg
    try:
        zipfile.ZipFile(bad_zip)
    except zipfile.BadZipFile as exc:
        zip_says = str(exc)
    for bad, library in ((bad_json, json_says), (bad_zip, zip_says)):
        status, _, err = run_cli(["import", str(bad), "-o", str(tmp_path / "o.gpkg"),
                                  "--lang", "uk"])
        assert status == 2 and re.findall("«([^»]*)»", err) == [library], err
        outside = re.sub("«[^»]*»", " ", err).replace("situation-viewer", " ")
        assert english_words(outside, {str(bad), "KMZ", "zip"}) == [], err


def test_the_imports_warnings_are_ukrainian(tmp_path):
    """A bow tie repaired and a point left out: the summary's warning lines are the .ts's
    Ukrainian, the readers' labels of a feature ("feature 1") too."""
    source, out = tmp_path / "series", tmp_path / "out.gpkg"
    source.mkdir()
    write_series(source)
    bow_tie = {"type": "Polygon", "coordinates": [[[37.5, 48.0], [37.7, 48.2], [37.7, 48.0],
                                                   [37.5, 48.2], [37.5, 48.0]]]}
    (source / "front_20250620.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": bow_tie},
            {"type": "Feature", "properties": {},
             "geometry": {"type": "Point", "coordinates": [37.6, 48.1]}}]}))
    status, text, err = run_cli(["import", str(source), "-o", str(out), "--context", "none",
                                 "--places", "none", "--lang", "uk"])
    assert status == 0, err
    name = "front_20250620.geojson"
    repaired = fill(ts("Core", "%1: %2"), str(source / name), fill(
        ts("Core", "repaired 1 invalid geometry%2"), 1,
        fill(ts("Core", ": %1"), fill(ts("Core", "feature %1"), 1))))
    left_out = fill(ts("Core", "%1: %2 feature(s) left out, not an area"), str(source / name), 1)
    lines = text.splitlines()
    start = lines.index(fill(ts("Core", "warnings: %1"), 2))
    assert sorted(line.strip() for line in lines[start + 1:start + 3]) == \
        sorted([repaired, left_out]), lines[start:]
    for line in lines[start:start + 3]:
        assert english_words(line, {str(source), name}) == [], line


def test_settlements_compare_and_animation_lines_are_ukrainian(qapp, tmp_path):
    status, text, _ = run_cli(["settlements", str(sample_path()), "--lang", "uk"])
    assert status == 0
    lines = text.splitlines()
    assert lines[0].startswith(ts("Cli", "status at %1 (%2)").split("%1")[0])
    kyiv = next(line for line in lines if line.startswith("claimed  Київ  "))
    assert kyiv.split("  ")[2:4] == ["м. Київ", ts("Core", "outside")]
    assert kyiv.endswith(fill(ts("Cli", "%1 changes"), 0))
    assert not re.search(r"\b(since|first inside|never to|changes|outside|inside)\b", text)
    status, text, _ = run_cli(["render", str(sample_path()), "--compare", "2025-06-01",
                               "2025-06-20", "-o", str(tmp_path / "c.png"), "--size",
                               "320x200", "--lang", "uk"])
    template = ts("Core", "%1: %2 / %3 km² (net %4)")
    region = re.escape(template).replace("%1", "Дніпропетровська область").replace(
        "%2", r"\+?[\d ,]+").replace("%3", r"-?[\d ,]+").replace("%4", r"[+-]?[\d ,]+")
    assert status == 0 and re.search(region, text), text
    assert not re.search(r"\b(gained|lost|net)\b", text)
    status, text, _ = run_cli(["render", str(sample_path()), "--from", "2025-06-01", "--to",
                               "2025-06-20", "-o", str(tmp_path / "a.gif"), "--size",
                               "160x100", "--lang", "uk"])
    assert text == fill(ts("Cli", "%1 frames written to %2"), 3, tmp_path / "a.gif") + "\n"


def test_the_command_lines_language_is_the_one_qt_reads_from_the_environment():
    """The command line reads LANGUAGE / LC_ALL / LC_MESSAGES / LANG without Qt; the
    window asks QLocale.system(): the same answer for each environment."""
    from viewer.cli.language import LANGUAGES
    from viewer.render.language import LANGUAGES as WINDOWS
    assert LANGUAGES == WINDOWS
    code = ("import os; from viewer.cli.language import environment_language as e; "
            "from viewer.render.language import system_language as s; print(e(), s())")
    for env in ({"LANG": "uk_UA.UTF-8"}, {"LANG": "C.UTF-8"}, {"LANG": "C", "LANGUAGE": "uk"},
                {"LC_ALL": "en_US.UTF-8", "LANG": "uk_UA.UTF-8"},
                {"LC_MESSAGES": "uk_UA.UTF-8", "LANG": "en_GB.UTF-8"},
                {"LANGUAGE": "de:uk", "LANG": "en_US.UTF-8"}, {}):
        clean = {k: v for k, v in os.environ.items()
                 if not k.startswith(("LC_", "LANG"))} | env
        out = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True,
                             text=True, check=True, timeout=120).stdout.split()
        assert out[0] == out[1], (env, out)


def test_a_skipped_features_reason_and_labels_are_ukrainian(tmp_path):
    """A GeoJSON with a feature of no geometry and one of NaN coordinates: the reader's
    warning names the reason and the features in Ukrainian."""
    source = tmp_path / "front_20250620.geojson"
    square = {"type": "Polygon", "coordinates": [[[37.5, 48.0], [37.7, 48.0], [37.7, 48.2],
                                                  [37.5, 48.2], [37.5, 48.0]]]}
    source.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": square},
        {"type": "Feature", "properties": {}, "geometry": None}]}))
    status, text, err = run_cli(["import", str(source), "-o", str(tmp_path / "out.gpkg"),
                                 "--context", "none", "--places", "none", "--lang", "uk"])
    assert status == 0, err
    skipped = fill(ts("Core", "skipped 1 feature with %2%3"), 1, ts("Core", "no geometry"),
                   fill(ts("Core", ": %1"), fill(ts("Core", "feature %1"), 2)))
    assert fill(ts("Core", "%1: %2"), str(source), skipped) in text, text
    line = next(l for l in text.splitlines() if str(source) in l and skipped in l)
    assert english_words(line, {str(source)}) == [], line
