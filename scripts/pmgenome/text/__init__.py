"""Text for people: hints, cleaning and escaping for each output."""
