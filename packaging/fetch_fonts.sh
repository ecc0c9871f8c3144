#!/bin/sh
# Fetch the DejaVu Sans fonts bundled in resources/fonts/ from Debian's fonts-dejavu-core.
# The viewer renders every map with these fonts, so the CLI and the window give the same
# picture on any machine. Run from anywhere; needs apt-get and dpkg (Debian/Ubuntu).
set -eu

repo="$(cd "$(dirname "$0")/.." && pwd)"
dest="$repo/resources/fonts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
apt-get download fonts-dejavu-core
dpkg -x fonts-dejavu-core_*.deb extracted

src="$work/extracted/usr/share/fonts/truetype/dejavu"
mkdir -p "$dest"
cp "$src/DejaVuSans.ttf" "$src/DejaVuSans-Bold.ttf" "$dest/"
cp "$work/extracted/usr/share/doc/fonts-dejavu-core/copyright" "$dest/LICENSE"
echo "fonts written to $dest:"
ls -l "$dest"
