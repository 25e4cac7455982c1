"""The PySide6 user interface: windows, dialogs and item models. Thin: it calls the core."""
