"""docs/ holds the project's documents; installed as the package ``viewer.guide`` for the
user guide (user-guide*.md and images/), which Help ▸ User Guide shows."""
