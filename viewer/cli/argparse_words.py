"""argparse's own words that a user of the command line meets (its messages as Python
3.11+ writes them, the ``%s``/``%(name)s`` left for argparse to fill), listed so that
``pyside6-lupdate`` puts them in resources/i18n/*.ts under the context "argparse".
viewer/cli/language.py hands them to argparse; tests/test_translations_cli.py checks that
every message of the running Python's argparse a user can meet is here.

Left out: the messages about a programming mistake in the parser's definition (a
conflicting option string, ``dest=`` missing, …), which no user input causes."""

from __future__ import annotations

from viewer.model.messages import QT_TRANSLATE_NOOP

WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("argparse", "unexpected option string: %s"),
)

# the placeholders argparse makes of an option's name (``--time-field TIME_FIELD``) where
# the option gives none of its own; viewer/cli/args.py's formatter says them translated
DEFAULT_METAVARS = (
    QT_TRANSLATE_NOOP("CliHelp", "AT"), QT_TRANSLATE_NOOP("CliHelp", "BBOX"),
    QT_TRANSLATE_NOOP("CliHelp", "DATE_PATTERN"), QT_TRANSLATE_NOOP("CliHelp", "END_FIELD"),
    QT_TRANSLATE_NOOP("CliHelp", "EVERY"), QT_TRANSLATE_NOOP("CliHelp", "FPS"),
    QT_TRANSLATE_NOOP("CliHelp", "HIGHLIGHT_DAYS"), QT_TRANSLATE_NOOP("CliHelp", "KIND"),
    QT_TRANSLATE_NOOP("CliHelp", "LAYER"), QT_TRANSLATE_NOOP("CliHelp", "OUTPUT"),
    QT_TRANSLATE_NOOP("CliHelp", "REGIONS"), QT_TRANSLATE_NOOP("CliHelp", "REGION_NAME_FIELD"),
    QT_TRANSLATE_NOOP("CliHelp", "REPORTS"), QT_TRANSLATE_NOOP("CliHelp", "SIZE"),
    QT_TRANSLATE_NOOP("CliHelp", "TIME_FIELD"), QT_TRANSLATE_NOOP("CliHelp", "TITLE"))

# argparse's messages that no command-line input can bring out (see above)
PROGRAMMING_ERRORS = (
    "%r is not callable", "'required' is an invalid argument for positionals",
    ".__call__() not defined", 'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r", "conflicting subparser alias: %s",
    "conflicting subparser: %s", "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional", "conflicting option string: %s",
    "conflicting option strings: %s")
