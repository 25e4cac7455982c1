"""The marking sheet, built with reportlab from a session alone. No Qt here."""
