"""The per-accommodation summary of the checked stays: counts, the longest consecutive stay
and the shortest transition period."""
import pandas as pd

from .rules import (BREAKS, NO_CLAUSE, NOT_APPLICABLE, OK, ONGOING, TOO_SHORT, UNKNOWN, StayRules,
                    add_parameters)

ACCOMMODATION_COLUMNS = (
    "acc_id", "stays", "residents", "stays_breaking", "residents_breaking", "stays_ongoing",
    "stays_unknown", "longest_consecutive_days", "longest_resident_id", "longest_start",
    "longest_end", "most_period_days", "contracts_checked", "transitions_too_short",
    "shortest_transition_days", "shortest_transition_resident_id", "transitions_no_clause",
    "contracts_not_applicable",
)


def per_accommodation(result: pd.DataFrame, rules: StayRules, reference_date,
                       version_text: str) -> pd.DataFrame:
    rows = result[result["acc_id"].notna()]
    records = []
    for acc_id, stays in rows.groupby("acc_id", sort=True):
        breaking = stays["short_stay_status"] == BREAKS
        days = stays["consecutive_days"].astype("float64")
        record = {
            "acc_id": acc_id, "stays": len(stays),
            "residents": int(stays["resident_id"].nunique()),
            "stays_breaking": int(breaking.sum()),
            "residents_breaking": int(stays.loc[breaking, "resident_id"].nunique()),
            "stays_ongoing": int((stays["short_stay_status"] == ONGOING).sum()),
            "stays_unknown": int((stays["short_stay_status"] == UNKNOWN).sum()),
            "longest_consecutive_days": None, "longest_resident_id": None,
            "longest_start": None, "longest_end": None, "most_period_days": None,
        }
        if days.notna().any():
            worst = days.idxmax()
            record.update({
                "longest_consecutive_days": int(days[worst]),
                "longest_resident_id": stays.at[worst, "resident_id"],
                "longest_start": stays.at[worst, "consecutive_start"],
                "longest_end": stays.at[worst, "consecutive_end"],
                "most_period_days": int(stays["period_days"].astype("float64").max()),
            })
        checked = stays["transition_status"].isin([OK, TOO_SHORT, NO_CLAUSE])
        record["contracts_checked"] = int(checked.sum())
        record["transitions_no_clause"] = int((stays["transition_status"] == NO_CLAUSE).sum())
        record["contracts_not_applicable"] = int(
            (stays["transition_status"] == NOT_APPLICABLE).sum())
        record["transitions_too_short"] = int((stays["transition_status"] == TOO_SHORT).sum())
        transition_days = stays.loc[checked, "transition_days"].astype("float64").dropna()
        if len(transition_days):
            shortest = transition_days.idxmin()
            record["shortest_transition_days"] = int(transition_days[shortest])
            record["shortest_transition_resident_id"] = stays.at[shortest, "resident_id"]
        else:
            record["shortest_transition_days"] = None
            record["shortest_transition_resident_id"] = None
        records.append(record)
    frame = pd.DataFrame(records, columns=list(ACCOMMODATION_COLUMNS))
    for name in ("longest_consecutive_days", "most_period_days", "shortest_transition_days"):
        frame[name] = pd.array(frame[name].tolist(), dtype="Int64")
    add_parameters(frame, rules, reference_date, version_text)
    return frame
