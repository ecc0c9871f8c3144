"""Headless commands (info, render, import) and their argument parsing. Never imports the widget layer."""
