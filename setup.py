"""The one thing pyproject.toml cannot say: the packages are those found under viewer/
plus ``viewer.data``, which is the top-level resources/ folder (mapped by
``[tool.setuptools.package-dir]`` in pyproject.toml), and its subfolders (fonts/, ...).
docs/ is the package ``viewer.guide`` (the user guide). Everything else, including which files of resources/ are installed, is in pyproject.toml."""

from setuptools import find_namespace_packages, find_packages, setup

DATA = ["viewer.data"] + [f"viewer.data.{p}" for p in find_namespace_packages(
    where="resources", exclude=["__pycache__", "*.__pycache__"])]

setup(packages=find_packages(include=["viewer", "viewer.*"]) + DATA + ["viewer.guide"])
