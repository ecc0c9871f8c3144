"""Qt-free analysis: geodesic areas, region attribution, projections, summaries."""
