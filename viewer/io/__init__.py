"""Reading and writing situations and the formats people exchange. Qt-free."""
