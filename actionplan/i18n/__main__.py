"""For translators: `python -m actionplan.i18n missing ru > todo.po` lists what Russian lacks, as a .po file to fill in
and append to one of `actionplan/i18n/locales/ru/*.po`; `python -m actionplan.i18n template` prints every string."""

from __future__ import annotations

import io
import sys

from babel.messages.pofile import write_po

from .catalogues import missing, template


def main(argv: list[str]) -> int:
    if argv[:1] == ["template"]:
        chosen = template()
    elif len(argv) == 2 and argv[0] == "missing":
        chosen = missing(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    out = io.BytesIO()
    write_po(out, chosen, width=120, omit_header=True)
    sys.stdout.write(out.getvalue().decode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
