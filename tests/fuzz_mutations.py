"""Seeded mutations of the shipped workbook for the fuzz test, and the child process that loads them.

Run as `python -m tests.fuzz_mutations FIRST COUNT`: loads the mutants of seeds FIRST..FIRST+COUNT-1 under a 2 GB
address-space cap, printing `seed N` before each and `escape N <exception>` for any load that does not return a Plan
with findings. A crash (abort, segfault, out of memory) ends the process; the parent names the last seed started.
"""

from __future__ import annotations

import io
import random
import re
import resource
import sys
import traceback
import zipfile
from datetime import datetime

from tests.conftest import SHIPPED_WORKBOOK

MEMORY_CAP = 2 * 2**30
CELL_VALUES = [
    "<v>12345678901234567890</v>",
    "<v>1E+308</v>",
    "<v>-1E+308</v>",
    "<v>NaN</v>",
    "<v>inf</v>",
    "<v>-0</v>",
    "<v>2958466</v>",
    "<v>-5</v>",
    "<v>44317.5</v>",
    "<is><t>a_x000B_b_x0000_c</t></is>",
    "<is><t>" + "x" * 40_000 + "</t></is>",
    '<is><t>=HYPERLINK("http://x")</t></is>',
    "<is><t>99999-01</t></is>",
    "<is><t>0000-00</t></is>",
    "<is><t>31 February 2024</t></is>",
    "<is><t>5th quarter 2023</t></is>",
    "<v>#VALUE!</v>",
    "<f>1/0</f>",
    "<v></v>",
    "",
]
CELL_TYPES = ["", ' t="n"', ' t="e"', ' t="inlineStr"', ' t="s"', ' t="b"', ' t="d"', ' t="str"']
REFERENCES = ["XFD1048576", "A1048576", "XFD1", "AAAA1", "A0", "A99999999999", "", "1A", "B2", "ALL1000"]


def mutate(content: bytes, seed: int) -> bytes:
    """One mutant per seed: bytes of the file, a part's XML, or a cell's value, type or reference."""
    rng = random.Random(seed)
    kind = seed % 3
    if kind == 0:  # bytes of the file
        data = bytearray(content)
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.2:
            data = data[: rng.randrange(len(data))]
        return bytes(data)
    with zipfile.ZipFile(io.BytesIO(content)) as source:
        parts = {item.filename: source.read(item) for item in source.infolist()}
    names = sorted(parts)
    if kind == 1:  # a part's XML: flipped bytes, a cut, a repeat, or the part dropped
        name = rng.choice(names)
        payload = bytearray(parts[name])
        action = rng.randrange(4)
        if action == 0 and payload:
            for _ in range(rng.randint(1, 5)):
                payload[rng.randrange(len(payload))] = rng.randrange(256)
        elif action == 1:
            payload = payload[: rng.randrange(len(payload) + 1)]
        elif action == 2 and payload:
            start = rng.randrange(len(payload))
            payload[start:start] = payload[start : start + rng.randint(1, 500)]
        else:
            del parts[name]
            return _zip(parts)
        parts[name] = bytes(payload)
        return _zip(parts)
    # a cell of a sheet: its value, its type, or its reference
    name = rng.choice([n for n in names if n.startswith("xl/worksheets/sheet")])
    xml = parts[name]
    cells = list(re.finditer(rb'<c r="([A-Z]+[0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.DOTALL))
    for _ in range(rng.randint(1, 3)):
        cell = rng.choice(cells)
        reference = rng.choice(REFERENCES) if rng.random() < 0.3 else cell.group(1).decode()
        replacement = f'<c r="{reference}"{rng.choice(CELL_TYPES)}>{rng.choice(CELL_VALUES)}</c>'.encode()
        xml = xml[: cell.start()] + replacement + xml[cell.end() :]
        cells = list(re.finditer(rb'<c r="([A-Z]+[0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.DOTALL))
    parts[name] = xml
    return _zip(parts)


# A fixed timestamp on every part: writestr(name) would stamp the current second, so one seed could give two
# different files when the clock ticks between the two calls.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), payload, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main(first: int, count: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    from actionplan.plan.findings import Finding
    from actionplan.plan.load import Plan, WorkbookInfo, load_plan_bytes

    content = SHIPPED_WORKBOOK.read_bytes()
    for seed in range(first, first + count):
        print(f"seed {seed}", flush=True)
        mutant = mutate(content, seed)
        try:
            plan = load_plan_bytes(mutant, WorkbookInfo.of("plan.xlsx", mutant, datetime(2026, 1, 1)))
            assert isinstance(plan, Plan) and all(isinstance(f, Finding) and str(f) for f in plan.findings)
            assert plan.usable or plan.errors
        except BaseException as exc:  # noqa: BLE001 - every escape is reported with its seed
            detail = "".join(traceback.format_exception_only(exc)).strip().replace("\n", " ")
            print(f"escape {seed} {detail[:300]}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
