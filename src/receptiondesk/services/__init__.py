"""Use cases in the desk's language, over storage; they raise typed errors and append audit rows."""
