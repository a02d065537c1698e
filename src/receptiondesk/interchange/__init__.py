"""The interchange format: one JSON record per entity, in JSON Lines files with a header and a trailer."""
