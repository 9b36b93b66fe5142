"""Question families: each module builds a few related templates."""
