"""HR review: the sessions browser, a read-only session view, statistics."""
