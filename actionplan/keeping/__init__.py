"""Keeping the data: edits typed in the app, saving them safely (lock, conflict check, backup, atomic replace),
backups, the change log, and who may edit.

Others import the modules: `edits`, `save`, `backups`, `audit`, `access`, `files`.
"""
