"""The temporal engine: time expressions found in a text and normalised to TIMEX3 values."""
