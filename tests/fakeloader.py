"""A tiny loader for foundation tests: one line "DONOR funds PROJECT in CITY" per sentence."""

from __future__ import annotations

from pathlib import Path

from loaders.base import Entity, Evidence, Extraction, LoaderError, name_key


class FakeLoader:
    name = "fake"
    version = "0.1"
    extensions = (".fake",)
    fail_after: int | None = None  # raise after this many lines, to test atomic replacement

    def sniff(self, path: Path, head: bytes) -> bool:
        return True

    def load(self, path: Path) -> Extraction:
        text = path.read_text(encoding="utf-8")
        ex = Extraction()
        offset = 0
        for n, line in enumerate(text.splitlines(keepends=True), 1):
            if self.fail_after is not None and n > self.fail_after:
                raise RuntimeError("simulated loader crash")
            parts = line.split()
            if len(parts) == 5 and parts[1] == "funds" and parts[3] == "in":
                ev = Evidence(line.rstrip("\n"), offset, offset + len(line.rstrip("\n")))
                donor, project = f"donor:{name_key(parts[0])}", f"project:{name_key(parts[2])}"
                city = f"katottg:UA{abs(hash(parts[4])) % 10**17:017d}"
                ex.add_entity(Entity(donor, "Donor", parts[0], mentions=[ev]))
                ex.add_entity(Entity(project, "Project", parts[2], mentions=[ev]))
                ex.add_entity(Entity(city, "Community", parts[4], identifiers={"katottg": city[8:]}, mentions=[ev]))
                ex.add_relation(donor, "funds", project, ev)
                ex.add_relation(project, "locatedIn", city, ev)
            elif line.strip():
                raise LoaderError(f"{path}: line {n}: cannot read {line.strip()!r}")
            offset += len(line)
        return ex


LOADER = FakeLoader()
