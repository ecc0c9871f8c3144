"""The import pipeline: foreign files -> layers with their history -> a situation file. Qt-free; used by the CLI, the window and the benchmarks."""
