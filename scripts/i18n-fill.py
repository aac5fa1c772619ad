#!/usr/bin/env python3
"""Fills Qt Linguist .ts files (used by scripts/update-translations.sh).

  i18n-fill.py --english FILE.ts          source-language catalogue: every unfinished singular entry
                                          gets its source text; plural entries get "(s)" resolved
                                          (one/other). Anything else is left for a human.
  i18n-fill.py --from-dict DICT.py FILE.ts  fill unfinished entries from a Python dict {source: text
                                          or [one, other]} named DE (bulk translation helper).
  i18n-fill.py --check FILE.ts...         print unfinished entries, exit 1 if any.
"""
import re
import runpy
import sys
import xml.etree.ElementTree as ET


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def save(tree, path):
    # Keep lupdate's layout closely enough that lupdate rewrites it without churn.
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(body)
        out.write("\n")


def unfinished(root):
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind == "unfinished":
                yield name, message, translation


def set_translation(message, translation, text):
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        forms = text if isinstance(text, list) else [text, text]
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = text
    translation.attrib.pop("type", None)


def english_plural(source):
    one = re.sub(r"\((s)\)", "", source)
    other = re.sub(r"\((s)\)", "s", source)
    return [one, other]


def main(argv):
    if len(argv) >= 3 and argv[1] == "--english":
        for path in argv[2:]:
            tree, root = load(path)
            for _, message, translation in list(unfinished(root)):
                source = message.findtext("source")
                set_translation(message, translation,
                                english_plural(source) if message.get("numerus") == "yes" else source)
            save(tree, path)
        return 0
    if len(argv) == 4 and argv[1] == "--from-dict":
        table = runpy.run_path(argv[2])["DE"]
        tree, root = load(argv[3])
        missing = 0
        for _, message, translation in list(unfinished(root)):
            source = message.findtext("source")
            if source in table:
                set_translation(message, translation, table[source])
            else:
                missing += 1
                print("no translation for: %r" % source, file=sys.stderr)
        save(tree, argv[3])
        return 1 if missing else 0
    if len(argv) >= 3 and argv[1] == "--check":
        bad = 0
        for path in argv[2:]:
            _, root = load(path)
            for context, message, _ in unfinished(root):
                bad += 1
                print("%s: unfinished in %s: %r" % (path, context, message.findtext("source")))
        return 1 if bad else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
