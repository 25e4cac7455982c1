"""pcso-interview: the core (profiles, scoring, sessions, store). No Qt, no reportlab."""

__version__ = "0.1.0"
