"""The force archive: every laptop's signed session versions in one PostgreSQL database.

Laptops stay offline-first on SQLite; ``push`` sends their signed versions here, and HR reads
the whole force through ``ArchiveStore``, which offers the read side of ``Store``. All of the
archive's SQL lives in this package (schema and migrations, roles, push, reading).
"""
