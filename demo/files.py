"""The demo's data files: demo/data/<name>.yaml."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).with_name("data")


def read_data(name):
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)
