#!/usr/bin/env python3
"""gen-countries.py — regenerates data/actors/countries.fr.txt and
data/actors/demonyms.fr.txt (the generated parts of the actor dictionaries).

Sources:
  - ISO 3166-1 codes and French names: Debian's iso-codes package
    (/usr/share/iso-codes/json/iso_3166-1.json and the French catalogue
    /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo);
  - time zones: tzdata's zone.tab (/usr/share/zoneinfo/zone.tab), the zone
    of the capital for countries with several (CAPITAL_TZ below);
  - approximate centroids (CIA World Factbook "geographic coordinates",
    public domain), French short names and French demonyms (m, f): the
    countries.json file of the npm package world-countries 5.1.0, e.g.
        (cd /tmp && npm install world-countries@5.1.0)
        python3 scripts/gen-countries.py /tmp/node_modules/world-countries/countries.json

Hand-written forms (press names: "Russie", "RDC", "Birmanie"…, demonyms
such as "azéri") live in data/actors/countries-extra.fr.txt and
data/actors/demonyms-extra.fr.txt, which this script never touches.

Usage: scripts/gen-countries.py WORLD_COUNTRIES_JSON [OUTDIR]   (OUTDIR: data/actors)
"""
import collections
import gettext
import json
import os
import re
import sys
import unicodedata

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ZONE_TAB = "/usr/share/zoneinfo/zone.tab"

# Countries spanning several zones: the zone of the capital.
CAPITAL_TZ = {
    "AU": "Australia/Sydney", "BR": "America/Sao_Paulo", "CA": "America/Toronto",
    "CD": "Africa/Kinshasa", "CL": "America/Santiago", "CN": "Asia/Shanghai",
    "CY": "Asia/Nicosia", "DE": "Europe/Berlin", "EC": "America/Guayaquil",
    "ES": "Europe/Madrid", "FM": "Pacific/Pohnpei", "GL": "America/Nuuk",
    "ID": "Asia/Jakarta", "KI": "Pacific/Tarawa", "KZ": "Asia/Almaty",
    "MH": "Pacific/Majuro", "MN": "Asia/Ulaanbaatar", "MX": "America/Mexico_City",
    "MY": "Asia/Kuala_Lumpur", "NZ": "Pacific/Auckland", "PF": "Pacific/Tahiti",
    "PG": "Pacific/Port_Moresby", "PS": "Asia/Hebron", "PT": "Europe/Lisbon",
    "RU": "Europe/Moscow", "UA": "Europe/Kyiv", "UM": "Pacific/Wake",
    "US": "America/New_York", "UZ": "Asia/Tashkent", "AR": "America/Argentina/Buenos_Aires",
}

# Forms that would be wrong as a bare country name in news text: ordinary
# words ("réunion", "grenade"), first names ("Maurice", "Dominique"), or a
# name two countries share ("Congo" is the Republic of the Congo; the DRC
# is "RDC", "République démocratique du Congo" — see countries-extra).
DROP = {
    ("COD", "Congo"), ("REU", "Réunion"), ("GRD", "Grenade"), ("MUS", "Maurice"),
    ("DMA", "Dominique"), ("SXM", "Saint-Martin"), ("MAF", "Saint-Martin"),
    ("TUR", "Türkiye"), ("TUR", "Republic of Türkiye"), ("SYR", "Syria"),
    ("SLB", "Salomon"), ("VGB", "îles Vierges"), ("SJM", "Jan Mayen Svalbard"),
    ("IMN", "Isle of Man"), ("ATF", "Territoire des Terres australes et antarctiques françaises"),
}

# Demonyms that belong to another country (territories share them) or are
# wrong in the source; countries-extra / demonyms-extra add the right ones.
DEMONYM_SKIP = {"ATF", "BES", "SXM", "MAF", "MNP", "SPM", "ATG", "KNA", "ASM", "UMI", "GUM", "COG", "ATA"}
DEMONYM_FIX = {
    "NZL": ("néo-zélandais", "néo-zélandaise"), "BFA": ("burkinabè", "burkinabée"),
    "SWZ": ("swazi", "swazie"), "ARE": ("émirien", "émirienne"), "TJK": ("tadjik", "tadjike"),
    "UZB": ("ouzbek", "ouzbèke"), "KGZ": ("kirghiz", "kirghize"), "FLK": ("malouin", "malouine"),
    "SHN": ("saint-hélénois", "saint-hélénoise"), "GBR": ("britannique", "britannique"),
    "COD": ("congolais", "congolaise"),
}


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def clean(name):
    """A usable form, or None (inverted ISO names "Iran, République…")."""
    if not name or "," in name or " -" in name or "' " in name:
        return None
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if name.startswith("l'") or name.lower().startswith("les "):
        return None
    if name[:1].islower():
        name = name[:1].upper() + name[1:]
    return name or None


def plural(w):
    if w.endswith(("s", "x", "z")):
        return w
    if w.endswith("al"):
        return w[:-2] + "aux"
    return w + "s"


def fmt(x):
    return ("%.2f" % x).rstrip("0").rstrip(".")


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "data", "actors")
    iso = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    tr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["fr"])
    wc = {c["cca3"]: c for c in json.load(open(sys.argv[1], encoding="utf-8"))}
    zones = collections.defaultdict(list)
    for line in open(ZONE_TAB, encoding="utf-8"):
        if not line.startswith("#"):
            f = line.rstrip("\n").split("\t")
            zones[f[0]].append(f[2])

    head = ("# countries.fr.txt — GENERATED by scripts/gen-countries.py: do not edit by hand;\n"
            "# add press forms to countries-extra.fr.txt instead.\n"
            "# Every ISO 3166-1 entry: code alpha-3, class country, lat/lon an approximate\n"
            "# centroid (CIA World Factbook coordinates), tz the IANA zone of the capital,\n"
            "# iso2 the alpha-2 code. Forms: the French short and official names.\n")
    lines, dem, en = [head], [], []
    fr_forms = set()
    for c in iso:
        a3, a2 = c["alpha_3"], c["alpha_2"]
        w = wc.get(a3, {})
        fr = w.get("translations", {}).get("fra", {})
        cand = [tr.gettext(c["name"])]
        for k in ("common_name", "official_name"):
            if k in c:
                cand.append(tr.gettext(c[k]))
        cand += [fr.get("common"), fr.get("official")]
        forms, seen = [], set()
        for n in cand:
            n = clean(n)
            if not n or (a3, n) in DROP or fold(n) in seen:
                continue
            seen.add(fold(n))
            forms.append(n)
        attrs = ["iso2=" + a2]
        ll = w.get("latlng")
        if ll:
            attrs += ["lat=" + fmt(ll[0]), "lon=" + fmt(ll[1])]
        tz = CAPITAL_TZ.get(a2) or (zones[a2][0] if zones.get(a2) else None)
        if tz and a2 != "AQ":
            attrs.append("tz=" + tz)
        if not forms:
            print("no form for", a3, file=sys.stderr)
            continue
        lines.append("%s country %s : %s\n" % (a3, " ".join(attrs), " ; ".join(forms)))
        fr_forms.update(fold(n) for n in forms)
        names = w.get("name", {})
        en.append((a3, [names.get("common"), names.get("official")]))

        if a3 in DEMONYM_SKIP:
            continue
        if a3 in DEMONYM_FIX:
            m, f = DEMONYM_FIX[a3]
        else:
            d = w.get("demonyms", {}).get("fra", {})
            m, f = d.get("m", ""), d.get("f", "")
            if not m or "," in m or " " in m:
                continue
            m, f = m.lower(), f.lower()
        forms = list(dict.fromkeys([m, f, plural(m), plural(f)]))
        dem.append("%s demonym : %s\n" % (a3, " ; ".join(forms)))

    with open(os.path.join(outdir, "countries.fr.txt"), "w", encoding="utf-8") as o:
        o.writelines(lines)
    with open(os.path.join(outdir, "countries.en.txt"), "w", encoding="utf-8") as o:
        o.write("# countries.en.txt — GENERATED by scripts/gen-countries.py: do not edit by hand.\n"
                "# English names of the ISO 3166-1 countries (lang=en), capitalised only\n"
                "# (case=cap: \"turkey\" is a bird). Names equal to a French form are left\n"
                "# to countries.fr.txt. Attributes (lat, lon, tz) are on the French entries.\n")
        for a3, cand in en:
            forms = []
            for n in cand:
                n = clean(n)
                if not n or len(n) < 4 or n.isupper() or not re.match(r"^[A-Za-z][A-Za-z .'-]*$", n):
                    continue
                if fold(n) in fr_forms or (a3, n) in DROP:
                    continue
                fr_forms.add(fold(n))
                forms.append(n)
            if forms:
                o.write("%s country lang=en case=cap : %s\n" % (a3, " ; ".join(forms)))
    with open(os.path.join(outdir, "demonyms.fr.txt"), "w", encoding="utf-8") as o:
        o.write("# demonyms.fr.txt — GENERATED by scripts/gen-countries.py: do not edit by hand;\n"
                "# add forms to demonyms-extra.fr.txt instead.\n"
                "# Nationality adjectives and nouns, masculine ; feminine ; plurals, code alpha-3.\n")
        o.writelines(dem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
