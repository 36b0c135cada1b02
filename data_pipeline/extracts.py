"""Small extracts of open-licensed real data that ship in data/extracts, rebuilt from the files.

`python -m data_pipeline extracts --from ../shared/data/real` rebuilds them from the public files
described in each folder's PROVENANCE.md. Only the columns and rows the store uses are kept:

- RIVM 50090NED (health monitor, 18+): the share of adults doing volunteer work, for every
  municipality and the Netherlands, 2012/2016/2020 (CBS/RIVM, CC BY 4.0);
- CBS Kerncijfers wijken en buurten (one table per edition): Woudenberg's population and its
  share of young people with youth care, as a public dashboard (MIT) stored them;
- PDOK/CBS municipal boundaries 2022, simplified for a map without a tile server.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

RIVM_FILES = {2012: "2012_18+.xlsx", 2016: "2016_18+.xlsx", 2020: "RIVM_gezondheid2020_18+.xlsx"}
KWB_TABLES = {  # KWB edition year -> CBS table id (see the LocalDashboard PROVENANCE.md)
    2016: "83487NED",
    2017: "83765NED",
    2018: "84286NED",
    2019: "84583NED",
    2020: "84799NED",
    2021: "85039NED",
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
}
KWB_SERIES = {"aantal_inwoners": "population", "jongeren_jeugdzorg": "youth_care_share_pct"}
SIMPLIFY_DEGREES = 0.0015  # about 100-170 m: outlines stay recognisable at province scale
COORDINATE_DECIMALS = 4  # about 10 m


def volunteering(rivm_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Adults doing volunteer work (%) per municipality and the country, and the names used."""
    values, names = [], []
    for year, name in RIVM_FILES.items():
        sheet = pd.read_excel(rivm_dir / name, dtype=str)
        measure = next(c for c in sheet.columns if c.startswith("Vrijwilligerswerk_"))
        kind = sheet["SoortRegio_2"].str.strip()
        rows = sheet[kind.isin(["Gemeente", "Land"])]
        rows = rows.assign(
            municipality_code=rows["WijkenEnBuurten"].str.strip(),
            value=pd.to_numeric(rows[measure].str.strip(), errors="coerce"),
        )
        # 2012 has no volunteering question at all: no rows, rather than 'not published'.
        values.append(rows[["municipality_code", "value"]].dropna().assign(year=year))
        names.append(
            rows.assign(name=rows["Gemeentenaam_1"].str.strip())[["municipality_code", "name"]]
        )
    frame = pd.concat(values, ignore_index=True)[["municipality_code", "year", "value"]]
    return frame.sort_values(["municipality_code", "year"], ignore_index=True), (
        pd.concat(names).drop_duplicates("municipality_code", keep="last")
    )


def woudenberg_kwb(path: Path) -> pd.DataFrame:
    """Woudenberg's population and youth-care share per KWB edition, with the table id."""
    data = json.loads(path.read_text("utf-8"))
    series = data["gemeente"]["tijdreeksen"]
    rows = [
        {"indicator": ours, "year": int(year), "value": value, "table_id": KWB_TABLES[int(year)]}
        for theirs, ours in KWB_SERIES.items()
        for year, value in series[theirs].items()
        if value is not None
    ]
    return pd.DataFrame(rows).assign(municipality_code=data["metadata"]["gemeente_code"])[
        ["indicator", "municipality_code", "year", "value", "table_id"]
    ]


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


def rebuild(real_dir: Path, out_dir: Path) -> list[Path]:
    """Write every extract from the public files in `real_dir`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shares, names = volunteering(real_dir / "rivm-gezondheid-wijkbuurt")
    geo = boundaries(real_dir / "pdok-gemeenten-2022" / "gemeenten.geojson")
    names = pd.concat(
        [
            names,
            pd.DataFrame(
                [
                    (f["properties"]["statcode"], f["properties"]["statnaam"])
                    for f in geo["features"]
                ],
                columns=["municipality_code", "name"],
            ),
        ]
    ).drop_duplicates("municipality_code", keep="last")
    written = {
        "rivm_volunteering_18plus.csv": shares,
        "kwb_woudenberg.csv": woudenberg_kwb(
            real_dir / "localdashboard-woudenberg" / "woudenberg_social_data.json"
        ),
        "regions.csv": names[names["municipality_code"].str.startswith("GM")].sort_values(
            "municipality_code"
        ),
    }
    paths = []
    for name, frame in written.items():
        frame.to_csv(out_dir / name, index=False, lineterminator="\n")
        paths.append(out_dir / name)
    geojson = out_dir / "gemeenten_2022.geojson"
    geojson.write_text(json.dumps(geo, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return [*paths, geojson]
