"""Allows `python -m receptiondesk`."""

from receptiondesk.app import main

raise SystemExit(main())
