"""Pure domain rules: records, validation, Vietnamese text, calendar and legal time limits. No I/O."""
