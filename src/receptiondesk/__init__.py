"""ReceptionDesk (Bàn tiếp công dân): the citizen-reception desk of a Vietnamese commune."""

__version__ = "0.1.0"
