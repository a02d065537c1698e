"""The Qt desktop interface: the only package that imports Qt (with app.py)."""

from receptiondesk.ui.compat import protect_singletons

protect_singletons()
