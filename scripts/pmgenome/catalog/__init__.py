"""The catalog: its model, loading it from YAML with positions, the schema, validation and ranking."""
