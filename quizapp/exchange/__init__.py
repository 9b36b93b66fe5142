"""Study material in and out of other tools: Anki packages out, Anki text and CSV files in."""
