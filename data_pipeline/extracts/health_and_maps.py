"""RIVM's volunteering share and PDOK's municipal outlines, as shipped extracts."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

RIVM_FILES = {2012: "2012_18+.xlsx", 2016: "2016_18+.xlsx", 2020: "RIVM_gezondheid2020_18+.xlsx"}
SIMPLIFY_DEGREES = 0.0015  # about 100-170 m: outlines stay recognisable at province scale
COORDINATE_DECIMALS = 4  # about 10 m


def volunteering(rivm_dir: Path) -> pd.DataFrame:
    """Adults doing volunteer work (%) per municipality and the country (RIVM 50090NED)."""
    values = []
    for year, name in RIVM_FILES.items():
        sheet = pd.read_excel(rivm_dir / name, dtype=str)
        measure = next(c for c in sheet.columns if c.startswith("Vrijwilligerswerk_"))
        kind = sheet["SoortRegio_2"].str.strip()
        rows = sheet[kind.isin(["Gemeente", "Land"])]
        rows = rows.assign(
            region_code=rows["WijkenEnBuurten"].str.strip(),
            adults_volunteering_pct=pd.to_numeric(rows[measure].str.strip(), errors="coerce"),
        )
        # 2012 has no volunteering question at all: no rows, rather than 'not published'.
        kept = rows[["region_code", "adults_volunteering_pct"]].dropna()
        values.append(kept.assign(year=year, table_id="50090NED"))
    frame = pd.concat(values, ignore_index=True)
    frame = frame[["region_code", "year", "table_id", "adults_volunteering_pct"]]
    return frame.sort_values(["region_code", "year"], ignore_index=True)


def boundaries(path: Path) -> dict:
    """Municipal boundaries, simplified (shapely) and rounded: only code, name and outline."""
    from shapely.geometry import mapping, shape  # only the rebuild needs it

    collection = json.loads(path.read_text("utf-8"))
    features = []
    for feature in collection["features"]:
        outline = shape(feature["geometry"]).simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        geometry = json.loads(
            json.dumps(mapping(outline)),
            parse_float=lambda text: round(float(text), COORDINATE_DECIMALS),
        )
        properties = {key: feature["properties"][key] for key in ("statcode", "statnaam")}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}
