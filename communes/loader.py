import csv
from pathlib import Path

from django.utils.text import slugify

CSV_PATH = Path(__file__).resolve().parent / "data" / "gers_communes.csv"


def commune_rows() -> list[dict]:
    """The communes of the CSV as field dictionaries, with unique slugs."""
    rows, seen = [], set()
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(handle):
            slug = slugify(line["name"])
            if slug in seen:
                slug = f"{slug}-{line['insee_code']}"
            seen.add(slug)
            rows.append(
                {
                    "insee_code": line["insee_code"],
                    "name": line["name"],
                    "slug": slug,
                    "postal_codes": " ".join(line["postal_codes"].split(";")),
                    "population": int(line["population"] or 0),
                    "latitude": float(line["latitude"]),
                    "longitude": float(line["longitude"]),
                }
            )
    return rows
