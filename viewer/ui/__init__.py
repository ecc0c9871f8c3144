"""The desktop user interface: the main window, the map canvas and the dock panels.

Widgets only reflect the Qt-free model (viewer.model) and change it through its API.
"""
