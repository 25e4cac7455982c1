"""The session store: the one facade over the rooms that hold the app's SQL.

Every change is one committed transaction with its audit link: a call that changes
something returns only after COMMIT, so whatever the screen shows as done is already on disk
(WAL, synchronous=FULL). The session's own rules (session.py) give the user a clear message
first; the triggers in schema.py are the safety net beneath them.

The rooms, each a module of this package:
- connection: opening, transactions, the audit chain's links, app state;
- session_rows: whole sessions made, read and added from files, the lock and withdraw rows;
- edits: the panel's changes, each returning the session as it now stands;
- identity: members' PINs and HR accounts;
- hr_actions: reopen, withdraw, purge; verification, the issued-sheets register, the audit;
- listing: pages of sessions, counts, recent values;
- statistics_sql: the rows behind HR's statistics.
"""

from __future__ import annotations

from pcso_interview.store.connection import Clock, iso, utc_now
from pcso_interview.store.edits import Edits
from pcso_interview.store.hr_actions import HrActions
from pcso_interview.store.listing import Listing
from pcso_interview.store.statistics_sql import StatisticsSql

__all__ = ["Clock", "Store", "iso", "utc_now"]


class Store(Edits, HrActions, Listing, StatisticsSql):
    """The store as the app and the command line use it. Open with ``Store.open(path)``."""
