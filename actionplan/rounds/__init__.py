"""Reporting rounds: ask each National lead for news of their activities and take their answers back.

A round (a name, a due date, the forms' language) issues one small update form per lead (`forms`), from the
workbook as it is then; each form returned is checked hostile-first (`returns`), shown against the workbook and
saved through the normal save, merged cell by cell like any edit (`take`); `glance` says who has returned and who
has not, with a reminder for each lead still missing. What was issued and returned is kept in the store
(`records`). `leads` says who gets which activity; `command` is the `round` subcommand of the command line.

Others import the modules: `leads`, `records`, `forms`, `returns`, `take`, `glance`, `command`.
"""
