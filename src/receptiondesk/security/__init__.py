"""Security primitives: password hashing, key wrapping, field encryption, blind indexes, the audit chain."""
