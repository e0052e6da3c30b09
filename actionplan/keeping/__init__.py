"""Keeping the data: edits typed in the app, saving them safely (lock, conflict check, backup, atomic replace),
backups, the change log, who may edit, and the app's own state beside the workbook.

Others import the modules: `edits` (tables and cell changes), `save` (prepare and write), `backups`, `audit` (the
change log), `access` (sign-in and the Editor token), `store` (the SQLite database beside the workbook).
Inside: `apply` (changes to bytes), `patch` (cell edits patched into the sheet's XML), `zip_parts` (the zip
written again, unchanged parts copied as stored), `faults` (refusals in staff's words), `files` (atomic writes), `throttle`.
"""
