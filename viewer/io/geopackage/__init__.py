"""The GeoPackage container shared by our situation file and other people's GeoPackages: SQLite opened safely, geometry blobs, WKB checks. Qt-free."""
