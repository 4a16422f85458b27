"""Imports a glossa Anki deck into a fresh collection with Anki's own
importer (the `anki` package, the code behind the desktop app's File ›
Import), then imports it again: every line must become one note the first
time, and the second import must update those notes rather than add more.

    python check_anki.py SITE/en/anki.txt [SITE/ko/anki.txt ...]
"""

import os
import sys
import tempfile

from anki.collection import Collection
from anki.import_export_pb2 import CsvMetadata, ImportCsvRequest


def note_lines(path):
    """The deck's notes: its lines that are not headers."""
    with open(path, encoding="utf-8") as f:
        return [line for line in f.read().split("\n") if line and not line.startswith("#")]


def import_deck(col, path):
    metadata = col.get_csv_metadata(path=path, delimiter=None)
    # What the file's headers say, read back by Anki.
    assert metadata.is_html, "the deck should declare #html:true"
    assert metadata.guid_column == 1, metadata.guid_column
    assert metadata.tags_column == 4, metadata.tags_column
    assert metadata.dupe_resolution == CsvMetadata.DupeResolution.UPDATE
    return col.import_csv(ImportCsvRequest(path=path, metadata=metadata)).log


def check(path):
    lines = note_lines(path)
    guids = [line.split("\t")[0] for line in lines]
    with tempfile.TemporaryDirectory() as folder:
        col = Collection(os.path.join(folder, "collection.anki2"))
        try:
            first = import_deck(col, path)
            assert len(first.new) == len(lines), f"{len(first.new)} new notes for {len(lines)} lines"
            assert col.note_count() == len(lines), f"{col.note_count()} notes for {len(lines)} lines"
            notes = {note.guid: note for note in map(col.get_note, col.find_notes(""))}
            assert sorted(notes) == sorted(guids), "the notes should keep the deck's guids"
            deck = next(line for line in open(path, encoding="utf-8") if line.startswith("#deck:"))[6:].strip()
            deck_id = col.decks.id_for_name(deck)
            assert deck_id, f"deck {deck!r} should exist"
            assert len(col.decks.cids(deck_id)) == len(lines), "every card should be in the deck"

            # A note keeps its front, back and tags as the file gives them.
            for line in lines:
                guid, front, back, tags = line.split("\t")
                note = notes[guid]
                assert note["Front"] == front and note["Back"] == back, f"{guid}: fields should be imported as written"
                assert sorted(note.tags) == sorted(tags.split()), (guid, note.tags, tags)

            second = import_deck(col, path)
            assert not second.new, f"re-import added {len(second.new)} notes"
            assert col.note_count() == len(lines), "re-import should update notes, not add them"
        finally:
            col.close()
    print(f"{path}: {len(lines)} notes imported, and updated in place on re-import")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for deck_path in sys.argv[1:]:
        check(deck_path)
