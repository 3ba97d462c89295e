#!/usr/bin/env python3
"""gen-cameo.py — writes data/events/cameo.txt, the CAMEO event code list.

    python3 scripts/gen-cameo.py [TABLE] > data/events/cameo.txt

TABLE is the public CAMEO→PLOVER conversion table (default:
../shared/reference/plover/CAMEO2PLOVER-2021.txt). Every code of the table
becomes one line of class `cameo`:

    0871 cameo label="declare truce, ceasefire" plover=RETREAT mode=ceasefire context=military : cameo-0871

The form `cameo-NNNN` is a placeholder that never occurs in news (the loader
requires a form). The table has no rows for the CAMEO 01 (statements) and
02 (appeals) families, which PLOVER drops; their codes and descriptions are
written below from the CAMEO 1.1b3 code book. treve gives the 02 appeals
PLOVER type REQUEST (PLOVER's REQUEST covers "all requests, demands and
orders"; the modes follow the matching 10x demands) and the 01 statements
no PLOVER type (plover=-): see docs/coding-rules.md.
"""
import re
import sys

TABLE = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/plover/CAMEO2PLOVER-2021.txt"

# CAMEO 1.1b3 families 01 and 02 (absent from the PLOVER table).
EXTRA = [
    ("010", "-", "", "", "Make statement"),
    ("011", "-", "", "", "Decline comment"),
    ("012", "-", "", "", "Make pessimistic comment"),
    ("013", "-", "", "", "Make optimistic comment"),
    ("014", "-", "", "", "Consider policy option"),
    ("015", "-", "", "", "Acknowledge or claim responsibility"),
    ("016", "-", "", "", "Deny responsibility"),
    ("017", "-", "", "", "Engage in symbolic act"),
    ("018", "-", "", "", "Make empathetic comment"),
    ("019", "-", "", "", "Express accord"),
    ("020", "REQUEST", "", "", "Make an appeal or request"),
    ("021", "REQUEST", "assist", "", "Appeal for material cooperation"),
    ("0211", "REQUEST", "assist", "economic", "Appeal for economic cooperation"),
    ("0212", "REQUEST", "assist", "military", "Appeal for military cooperation"),
    ("0213", "REQUEST", "assist", "legal", "Appeal for judicial cooperation"),
    ("0214", "REQUEST", "assist", "intelligence", "Appeal for intelligence"),
    ("022", "REQUEST", "assist", "diplomatic", "Appeal for diplomatic cooperation"),
    ("023", "REQUEST", "assist", "", "Appeal for aid"),
    ("0231", "REQUEST", "assist", "economic", "Appeal for economic aid"),
    ("0232", "REQUEST", "assist", "military", "Appeal for military aid"),
    ("0233", "REQUEST", "assist", "humanitarian", "Appeal for humanitarian aid"),
    ("0234", "REQUEST", "assist", "peacekeeping", "Appeal for military protection or peacekeeping"),
    ("024", "REQUEST", "change", "political_institutions", "Appeal for political reform"),
    ("0241", "REQUEST", "change", "executive", "Appeal for change in leadership"),
    ("0242", "REQUEST", "change", "executive", "Appeal for policy change"),
    ("0243", "REQUEST", "change", "rights_freedoms", "Appeal for rights"),
    ("0244", "REQUEST", "change", "political_institutions", "Appeal for change in institutions, regime"),
    ("025", "REQUEST", "yield", "", "Appeal to yield"),
    ("0251", "REQUEST", "yield", "legal", "Appeal for easing of administrative sanctions"),
    ("0252", "REQUEST", "yield", "legal", "Appeal for easing of popular dissent"),
    ("0253", "REQUEST", "yield", "legal", "Appeal for release of persons or property"),
    ("0254", "REQUEST", "yield", "economic", "Appeal for easing of economic sanctions, boycott, or embargo"),
    ("0255", "REQUEST", "yield", "diplomatic", "Appeal to allow international involvement (non-mediation)"),
    ("0256", "REQUEST", "yield", "military", "Appeal for de-escalation of military engagement"),
    ("026", "REQUEST", "meet", "diplomatic", "Appeal to others to meet or negotiate"),
    ("027", "REQUEST", "meet", "diplomatic", "Appeal to others to settle dispute"),
    ("028", "REQUEST", "meet", "diplomatic", "Appeal to others to engage in or accept mediation"),
]

# Short labels where the table's description is long or misspelt.
LABELS = {
    "0871": "declare ceasefire",
    "055": "apologize",
    "1051": "demand easing of administrative sanctions",
    "1444": "obstruct passage to demand change in institutions, regime",
    "100": "demand",
    "175": "use tactics of violent repression",
    "0813": "ease curfew",
}

ROW = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#\s*(.*)$")


def clean(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    rows = {}
    with open(TABLE, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line.strip())
            if not m:
                continue
            code, plover, mode, context, desc = m.groups()
            if code in rows:  # 175 is listed twice
                continue
            mode = clean(mode).replace(" ", "")
            ctx = ",".join(c.strip() for c in context.split(";") if c.strip())
            rows[code] = (plover, mode, ctx, clean(desc))
    for code, plover, mode, ctx, desc in EXTRA:
        rows.setdefault(code, (plover, mode, ctx, desc))

    out = sys.stdout
    out.write("# cameo.txt — the CAMEO 1.1b3 event codes with their PLOVER type, mode and context.\n")
    out.write("# GENERATED by scripts/gen-cameo.py from the public CAMEO→PLOVER table (PLOVER\n")
    out.write("# draft 0.8, 2021; families 01/02 from the CAMEO code book). Edit the script, not this file.\n")
    out.write("# Class `cameo`: reference data, looked up by code; the form cameo-NNNN never occurs in text.\n")
    out.write("# plover=- : no PLOVER type (PLOVER drops the 01 statements).\n")
    for code in sorted(rows, key=lambda c: (c[:2], c[2:].ljust(2, "0"), len(c))):
        plover, mode, ctx, desc = rows[code]
        label = LABELS.get(code, desc[:1].lower() + desc[1:])
        label = label.replace('"', "'")
        attrs = [f'label="{label}"', f"plover={plover}"]
        if mode:
            attrs.append(f"mode={mode}")
        if ctx:
            attrs.append(f"context={ctx}")
        out.write(f"{code:<5} cameo {' '.join(attrs)} : cameo-{code}\n")


if __name__ == "__main__":
    main()
