"""Sync packages and acknowledgements: the files a commune sends up and gets back (docs/sync-format.md).

`keys` (key sets, key files, fingerprints), `package` (write, verify, inspect and read packages), `ack` (the signed
acknowledgement and the keyed hashes of known cases), `crypto` (the streamed encryption and sealed identities),
`container` (the canonical zip layout) and `files` (atomic, verified writes). No database, no Qt, no network.
"""
