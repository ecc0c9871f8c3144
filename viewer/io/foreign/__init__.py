"""Readers of the formats other people publish (GeoJSON, KML/KMZ, Shapefile, other GeoPackages, reports tables), all returning features in WGS84 lon/lat. Qt-free."""
