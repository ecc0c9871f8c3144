"""Files bundled with Situation Viewer, installed as the package ``viewer.data``.

Read them through ``viewer/resources.py``, never by a path relative to this folder.
"""
